// The render server's logger: pino underneath, a small interface on top so callers (and
// tests, which pass silentLogger()) need not know it. One root logger per process; child
// loggers carry a component ("bake", "stream", "http") and, per HTTP request or socket.io
// connection, its id, so every line of one request can be found together.
// Output is one human-readable line per record (what `npm start` shows), or pino's JSON
// lines when YUNSHAN_LOG_FORMAT=json (for a log collector).
import { randomUUID } from 'node:crypto';
import { pino, stdSerializers } from 'pino';

export type LogFields = Record<string, unknown>;

/** Log a plain message, or fields first and then the message (pino's order). An error goes in `err`. */
export interface LogMethod {
  (message: string): void;
  (fields: LogFields, message: string): void;
}

export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
  /** A logger whose every line also carries these fields. */
  child(bindings: LogFields): Logger;
}

export type LogFormat = 'pretty' | 'json';

export interface LoggerOptions {
  format?: LogFormat;
  /** pino's level name: 'debug', 'info' (default), 'warn', 'error', 'silent'. */
  level?: string;
  /** Where lines go; by default info and below to stdout, warnings and errors to stderr. */
  write?: (line: string, level: number) => void;
}

/** The format asked for by YUNSHAN_LOG_FORMAT (json), human-readable otherwise. */
export function logFormatFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): LogFormat {
  return env.YUNSHAN_LOG_FORMAT === 'json' ? 'json' : 'pretty';
}

const WARN_LEVEL = 40;
const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
/** Fields pino writes on every record that the readable line shows in its own way (or not at all). */
const RECORD_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'component', 'err']);

function defaultWrite(line: string, level: number): void {
  (level >= WARN_LEVEL ? process.stderr : process.stdout).write(line);
}

function fieldText(value: unknown): string {
  return typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
}

/** One JSON record from pino as one readable line: `12:04:05 WARN [bake] message key=value`, an error's stack below. */
export function formatLogRecord(record: LogFields): string {
  const time = new Date(typeof record.time === 'number' ? record.time : Date.now()).toISOString().slice(11, 19);
  const level = LEVEL_NAMES[Number(record.level)] ?? String(record.level);
  const component = typeof record.component === 'string' ? ` [${record.component}]` : '';
  const fields = Object.entries(record)
    .filter(([key]) => !RECORD_KEYS.has(key))
    .map(([key, value]) => ` ${key}=${fieldText(value)}`)
    .join('');
  const err = record.err as { stack?: string; message?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? String(err)).replace(/\n/g, '\n    ')}` : '';
  return `${time} ${level}${component} ${String(record.msg ?? '')}${fields}${stack}\n`;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const format = options.format ?? logFormatFromEnv();
  const write = options.write ?? defaultWrite;
  // A plain object stream keeps pino synchronous: nothing is lost when the process exits.
  const stream = {
    write(line: string) {
      const record = JSON.parse(line) as LogFields;
      write(format === 'json' ? line : formatLogRecord(record), Number(record.level));
    },
  };
  return pino({ level: options.level ?? 'info', base: { pid: process.pid }, serializers: { err: stdSerializers.err } }, stream);
}

/** For tests and tools that want no output. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** The id a request or connection is logged under: the caller's X-Request-Id when it is a sane token, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}
