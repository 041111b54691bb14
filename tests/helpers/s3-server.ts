// A real S3-compatible server for tests: s3rver (npm, objects kept as files) run as its own
// process on a free loopback port with a fresh temp folder and one bucket made at start.
// The store under test talks to it over HTTP with signed requests, as to MinIO or AWS.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { FrameStoreSettings } from '@/server/frame-store/frame-store-settings';

/** s3rver accepts these and only these. */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const STARTUP_TIMEOUT_MS = 20_000;

export interface RunningS3Server {
  endpoint: string;
  bucket: string;
  /** Settings for a frame store under `prefix` in the bucket (path-style, as self-hosted servers need). */
  settings(prefix: string): Extract<FrameStoreSettings, { kind: 's3' }>;
  /** The same as environment variables, with the credentials, for a child process or loadRenderServerConfig. */
  env(prefix: string): Record<string, string>;
  stop(): Promise<void>;
}

function s3rverBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('s3rver/package.json')), 'bin', 's3rver.js');
}

export async function startS3Server(bucket = 'yunshan-frames'): Promise<RunningS3Server> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-s3rver-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [s3rverBin(), '--directory', directory, '--address', '127.0.0.1', '--port', '0', '--configure-bucket', bucket, '--no-vhost-buckets'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // If the test process dies first, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stderr: string[] = [];
  child.stderr!.on('data', (data: Buffer) => stderr.push(data.toString('utf8')));

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(
        () => reject(new Error(`s3rver did not start within ${STARTUP_TIMEOUT_MS} ms: ${stdout}${stderr.join('')}`)),
        STARTUP_TIMEOUT_MS,
      );
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`s3rver exited with ${code} before listening: ${stdout}${stderr.join('')}`));
      });
      child.stdout!.on('data', (data: Buffer) => {
        stdout += data.toString('utf8');
        const match = /listening on 127\.0\.0\.1:(\d+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
    });
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }
  // It logs every request: keep reading so a full pipe never stalls it.
  child.stdout!.removeAllListeners('data');
  child.stdout!.resume();

  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    settings: (prefix) => ({
      kind: 's3',
      bucket,
      prefix: prefix === '' ? '' : `${prefix.replace(/\/+$/, '')}/`,
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
    }),
    env: (prefix) => ({
      YUNSHAN_FRAME_STORE: 's3',
      YUNSHAN_S3_ENDPOINT: endpoint,
      YUNSHAN_S3_BUCKET: bucket,
      YUNSHAN_S3_REGION: 'us-east-1',
      YUNSHAN_S3_PREFIX: prefix,
      YUNSHAN_S3_FORCE_PATH_STYLE: '1',
      AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    }),
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
