// Chinese interface text. Typed as Messages, so a missing or extra key fails the build.
import type { Messages } from './messages-en';

export const zh: Messages = {
  'site.name': '云山',
  'meta.title': '云山 Yunshan — 穿行张家界的石柱云海',
  'meta.description': '在手机或电脑上，飞越武陵源的砂岩峰林，掠过云海，沿金鞭溪顺流而下。',

  'lang.switchLabel': '语言：中文 / English，切换为英文',

  'catalogue.eyebrow': '湖南 · 张家界 · 武陵源',
  'catalogue.heroSubtitle': '穿行张家界的石柱云海',
  'catalogue.heroLead': '三千座砂岩石柱自云海中拔地而起。选一条航线，随镜头穿过峰林，掠过天桥，沿溪谷缓缓飞行。',
  'catalogue.heroCta': '选择航线',
  'catalogue.routesHeading': '航线',
  'catalogue.routesCount': '精选航线 {count} 条',
  'catalogue.empty': '暂时还没有发布的航线，请稍后再来。',
  'catalogue.duration': '时长',
  'catalogue.timeOfDay': '光线',
  'catalogue.landmark': '景点',
  'catalogue.startFlight': '开始飞行',
  'catalogue.posterAlt': '航线「{title}」中的画面',
  'catalogue.footer': '风景由浏览器实时绘制；设备力有不逮时，由云端渲染后传送。',

  'timeOfDay.sunrise': '日出',
  'timeOfDay.midday': '正午',
  'timeOfDay.golden-hour': '黄昏',

  'player.regionLabel': '飞越{landmark}',
  'player.controls': '飞行控制',
  'player.play': '播放',
  'player.pause': '暂停',
  'player.replay': '再飞一次',
  'player.start': '开始飞行',
  'player.timeline': '飞行进度',
  'player.timeValue': '{current}，共 {total}',
  'player.currentTime': '当前时间',
  'player.totalTime': '总时长',
  'player.speedGroup': '播放速度',
  'player.speed': '{speed} 倍速',
  'player.calm': '舒缓飞行',
  'player.calmLabel': '舒缓飞行：更慢、更平稳的镜头',
  'player.enterFullscreen': '全屏',
  'player.exitFullscreen': '退出全屏',
  'player.back': '返回航线列表',
  'player.loading': '正在铺展山水…',
  'player.canvasError': '这台设备暂时无法绘制这片风景。',
  'player.captionRegion': '解说',
  'player.keyboardHint': '空格：播放／暂停 · ← →：后退／前进 5 秒',

  'notFound.title': '云深不知处',
  'notFound.body': '这个页面不存在，或这条航线已经下线。',
  'notFound.back': '回到航线列表',
};
