// Turns zod's schema issues into route issues a route author can act on: the field
// named in words ("Keyframe 4 position, height"), in English and Chinese.
import type { z } from 'zod';
import type { LocalizedText } from './route-schema';
import type { RouteIssue } from './route-issue';

type PathKey = PropertyKey;

const FIELD_NAMES: Record<string, LocalizedText> = {
  id: { en: 'Route id', zh: '路线标识' },
  scene: { en: 'Scene', zh: '场景' },
  landmark: { en: 'Landmark', zh: '主景点' },
  title: { en: 'Title', zh: '标题' },
  description: { en: 'Description', zh: '简介' },
  durationS: { en: 'Duration', zh: '时长' },
  timeOfDay: { en: 'Time of day', zh: '时段' },
  pacing: { en: 'Pacing', zh: '节奏方式' },
  easeInS: { en: 'Ease-in time', zh: '起步缓冲时长' },
  easeOutS: { en: 'Ease-out time', zh: '收尾缓冲时长' },
  keyframes: { en: 'Keyframes', zh: '关键帧' },
  pointsOfInterest: { en: 'Points of interest', zh: '景点解说' },
  timeS: { en: 'time', zh: '时间' },
  position: { en: 'position', zh: '位置' },
  lookAt: { en: 'look-at target', zh: '注视点' },
  fovDeg: { en: 'field of view', zh: '视野角' },
  narration: { en: 'narration', zh: '解说词' },
  dwellS: { en: 'caption duration', zh: '字幕停留时长' },
};

const LANGUAGE_NAMES: Record<string, LocalizedText> = {
  en: { en: 'English', zh: '英文' },
  zh: { en: 'Chinese', zh: '中文' },
};

const AXIS_NAMES: LocalizedText[] = [
  { en: 'x (east)', zh: 'x（东向）' },
  { en: 'height', zh: '高度' },
  { en: 'z (south)', zh: 'z（南向）' },
];

const VECTOR_FIELDS = new Set(['position', 'lookAt']);

/** "Keyframe 4 position, height" / "第 4 个关键帧的位置（高度）". */
export function describeField(path: readonly PathKey[]): LocalizedText {
  const en: string[] = [];
  const zh: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const parent = path[i - 1];
    if (typeof key === 'number' && parent === 'keyframes') {
      en.splice(en.length - 1, 1, `Keyframe ${key + 1}`);
      zh.splice(zh.length - 1, 1, `第 ${key + 1} 个关键帧`);
    } else if (typeof key === 'number' && parent === 'pointsOfInterest') {
      en.splice(en.length - 1, 1, `Point of interest ${key + 1}`);
      zh.splice(zh.length - 1, 1, `第 ${key + 1} 个景点解说`);
    } else if (typeof key === 'number' && typeof parent === 'string' && VECTOR_FIELDS.has(parent) && AXIS_NAMES[key]) {
      en.push(`(${AXIS_NAMES[key].en})`);
      zh.push(`（${AXIS_NAMES[key].zh}）`);
    } else if (typeof key === 'string' && LANGUAGE_NAMES[key] && i > 0) {
      en.push(`(${LANGUAGE_NAMES[key].en})`);
      zh.push(`（${LANGUAGE_NAMES[key].zh}）`);
    } else {
      const name = typeof key === 'string' ? FIELD_NAMES[key] : undefined;
      en.push(name?.en ?? String(key));
      zh.push(name?.zh ?? String(key));
    }
  }
  if (en.length === 0) return { en: 'The route', zh: '路线' };
  const enText = en.join(' ');
  const first = enText.charAt(0).toUpperCase() + enText.slice(1);
  return { en: first, zh: joinZh(zh) };
}

function joinZh(parts: string[]): string {
  let text = '';
  for (const part of parts) {
    if (text === '' || part.startsWith('（')) text += part;
    else text += `的${part}`;
  }
  return text;
}

export function schemaIssuesToRouteIssues(error: z.ZodError, input: unknown): RouteIssue[] {
  return error.issues.map((issue) => schemaIssueToRouteIssue(issue, input));
}

function schemaIssueToRouteIssue(issue: z.core.$ZodIssue, input: unknown): RouteIssue {
  const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
  const field = describeField(path);
  const keyframeIndex = path[0] === 'keyframes' && typeof path[1] === 'number' ? path[1] : undefined;
  const pointOfInterestIndex = path[0] === 'pointsOfInterest' && typeof path[1] === 'number' ? path[1] : undefined;
  const base = { severity: 'error' as const, path, keyframeIndex, pointOfInterestIndex };
  const received = valueAtPath(input, path);
  const receivedNumber = typeof received === 'number' ? received : undefined;

  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      const inclusive = issue.inclusive !== false;
      const isDuration = path.length === 1 && path[0] === 'durationS';
      return {
        ...base,
        code: isDuration ? 'duration-out-of-range' : 'schema',
        message: boundMessage(field, issue.origin, small, limit, inclusive, receivedNumber),
        value: receivedNumber ?? (Array.isArray(received) ? received.length : typeof received === 'string' ? received.length : undefined),
        limit,
      };
    }
    case 'invalid_type': {
      const missing = received === undefined;
      return {
        ...base,
        code: 'schema',
        message: missing
          ? { en: `${field.en} is missing.`, zh: `缺少${field.zh}。` }
          : {
              en: `${field.en} should be ${typeName(issue.expected).en}.`,
              zh: `${field.zh}应为${typeName(issue.expected).zh}。`,
            },
      };
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v)).join(', ');
      return {
        ...base,
        code: 'schema',
        message: { en: `${field.en} must be one of: ${options}.`, zh: `${field.zh}只能是以下之一：${options}。` },
      };
    }
    case 'invalid_format':
      return {
        ...base,
        code: 'schema',
        message: {
          en: `${field.en} has the wrong format: use lowercase letters, digits and dashes.`,
          zh: `${field.zh}格式不正确：只能使用小写字母、数字和连字符。`,
        },
      };
    case 'unrecognized_keys':
      return {
        ...base,
        code: 'schema',
        message: {
          en: `${field.en} has unknown fields: ${issue.keys.join(', ')}.`,
          zh: `${field.zh}含有无法识别的字段：${issue.keys.join('、')}。`,
        },
      };
    default:
      return { ...base, code: 'schema', message: { en: `${field.en}: ${issue.message}`, zh: `${field.zh}无效：${issue.message}` } };
  }
}

function boundMessage(
  field: LocalizedText,
  origin: string,
  small: boolean,
  limit: number,
  inclusive: boolean,
  received: number | undefined,
): LocalizedText {
  if (origin === 'array') {
    return small
      ? { en: `${field.en} needs at least ${limit} entries.`, zh: `${field.zh}至少需要 ${limit} 项。` }
      : { en: `${field.en} may have at most ${limit} entries.`, zh: `${field.zh}最多只能有 ${limit} 项。` };
  }
  if (origin === 'string') {
    if (small && limit <= 1) return { en: `${field.en} must not be empty.`, zh: `${field.zh}不能为空。` };
    return small
      ? { en: `${field.en} needs at least ${limit} characters.`, zh: `${field.zh}至少需要 ${limit} 个字符。` }
      : { en: `${field.en} may be at most ${limit} characters long.`, zh: `${field.zh}最多 ${limit} 个字符。` };
  }
  const unit = unitOf(field);
  const got =
    received === undefined
      ? { en: '', zh: '' }
      : { en: ` (it is ${round(received)}${unit.en})`, zh: `（当前为 ${round(received)}${unit.zh}）` };
  const bound = `${limit}${unit.en}`;
  const boundZh = `${limit}${unit.zh}`;
  if (small) {
    return inclusive
      ? { en: `${field.en} must be at least ${bound}${got.en}.`, zh: `${field.zh}不能小于 ${boundZh}${got.zh}。` }
      : { en: `${field.en} must be more than ${bound}${got.en}.`, zh: `${field.zh}必须大于 ${boundZh}${got.zh}。` };
  }
  return inclusive
    ? { en: `${field.en} must be at most ${bound}${got.en}.`, zh: `${field.zh}不能超过 ${boundZh}${got.zh}。` }
    : { en: `${field.en} must be less than ${bound}${got.en}.`, zh: `${field.zh}必须小于 ${boundZh}${got.zh}。` };
}

function unitOf(field: LocalizedText): LocalizedText {
  const en = field.en.toLowerCase();
  if (en.includes('field of view')) return { en: '°', zh: '°' };
  if (en.includes('duration') || en.includes('time')) return { en: ' s', zh: ' 秒' };
  if (en.includes('position') || en.includes('target')) return { en: ' m', zh: ' 米' };
  return { en: '', zh: '' };
}

function typeName(expected: string): LocalizedText {
  switch (expected) {
    case 'number':
      return { en: 'a number', zh: '数字' };
    case 'string':
      return { en: 'text', zh: '文字' };
    case 'array':
    case 'tuple':
      return { en: 'a list', zh: '列表' };
    case 'object':
      return { en: 'an object', zh: '对象' };
    default:
      return { en: expected, zh: expected };
  }
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function valueAtPath(input: unknown, path: readonly (string | number)[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
