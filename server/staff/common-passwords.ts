// Whether a staff password is a well-known one, judged by zxcvbn-ts with its common-password
// dictionary (about 49,000 passwords from public breach lists) and the words people here
// build passwords from, which that dictionary lacks: this site's places and Chinese names
// and pinyin phrases. Two checks: the password (or its core, digits and symbols stripped
// from the ends, or the unit it repeats) is on a list; or zxcvbn, which also finds
// keyboard walks, dates, l33t and words glued together, guesses it within 10^10 tries.
// The dictionary costs about 0.2 s to load: it is loaded once, on first use.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** Words of this site and of Chinese password habits (pinyin names and phrases, lucky numbers). */
export const LOCAL_COMMON_WORDS: readonly string[] = [
  // The site and its places.
  'yunshan',
  'zhangjiajie',
  'wulingyuan',
  'wuling',
  'tianzi',
  'tianmen',
  'hunan',
  'changsha',
  'sandstone',
  'pillars',
  'cloudsea',
  'tourism',
  'tourist',
  'curator',
  'studio',
  // Pinyin phrases and numbers that stand for them.
  'nihao',
  'woaini',
  'aini',
  'woaiwojia',
  'woshishui',
  'wodemima',
  'mima',
  'qq',
  'huawei',
  'xiaomi',
  '5201314',
  '1314520',
  '5211314',
  '131421',
  '201314',
  '520520',
  'woaini1314',
  'woaini520',
  'woaini521',
  // The commonest Chinese given and family names as people type them.
  'wangfang',
  'wangwei',
  'wangli',
  'wangjun',
  'wanglei',
  'wangjing',
  'wangyang',
  'wangxiuying',
  'zhangwei',
  'zhangli',
  'zhangmin',
  'zhangyan',
  'zhangjing',
  'zhangyong',
  'liwei',
  'liyan',
  'liqiang',
  'liujing',
  'liuyang',
  'xiaohong',
  'xiaoming',
  'xiaoxiao',
  'tiantian',
  'dongdong',
  'guangzhou',
  'shenzhen',
  'beijing',
  'shanghai',
  // Habits the breach lists spell differently.
  'p@ssword',
  'p@ssw0rd',
  'pa$$word',
  'passw0rd',
  '!qaz@wsx#edc',
  '!@#$%^&*()_+',
  'qwe!@#123',
  'asd!@#123',
  'supersecret',
  'changeme',
  'changemenow',
  'adminadmin',
  'rootroot',
  'toor',
  'mobilemail',
  'monitoring',
];

/** zxcvbn's score (0-4) below which a password counts as common: 3 means about 10^10 guesses. */
const MIN_ZXCVBN_SCORE = 3;

interface CommonPasswordCheck {
  words: ReadonlySet<string>;
  zxcvbn: ZxcvbnFactory;
}

let loading: Promise<CommonPasswordCheck> | undefined;

function load(): Promise<CommonPasswordCheck> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(([core, common]) => {
    const words = new Set([...common.dictionary['passwords-common'], ...LOCAL_COMMON_WORDS].map((word) => word.toLowerCase()));
    const dictionary = { ...common.dictionary, local: [...LOCAL_COMMON_WORDS] };
    const zxcvbn = new core.ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs });
    return { words, zxcvbn };
  });
  return loading;
}

/** True when the password is a well-known one, dressed up or not; lists are compared in lower case. */
export async function isCommonPassword(password: string): Promise<boolean> {
  const { words, zxcvbn } = await load();
  const lower = password.toLowerCase();
  if (words.has(lower)) return true;
  // "Sunshine2024!" and "!!password123" are the listed word with decoration.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core !== '' && words.has(core)) return true;
  // "passwordpassword", "dragondragon1".
  const unit = repeatedUnit(core);
  if (unit !== null && words.has(unit)) return true;
  return zxcvbn.check(password).score < MIN_ZXCVBN_SCORE;
}

/** The shortest unit the whole text repeats ("abc" for "abcabcabc"), or null. */
export function repeatedUnit(text: string): string | null {
  for (let size = 1; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return unit;
  }
  return null;
}
