// A real nginx (Debian's, installed by scripts/ensure-test-engines.sh) as a caching reverse proxy
// in front of a render server, started by a test or bench as its own process on a free
// loopback port: its own prefix, config, pid file, logs, temp folders and cache in a scratch
// folder, `daemon off`, nothing under /etc or /var. It caches what the origin's Cache-Control
// allows (the segment and manifest URLs) and, with proxy_cache_lock, sends one request per
// missing object to the origin however many clients ask for it at once.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort } from './free-port';

export interface RunningNginxCache {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The master process; its workers are its children. */
  pid: number;
  dir: string;
  stop(): Promise<void>;
}

export interface NginxCacheOptions {
  /** The render server, e.g. http://127.0.0.1:40000 */
  upstream: string;
  /** nginx worker processes (default 1). */
  workers?: number;
  /** Log every request to <dir>/access.log (off by default: the bench measures nginx's CPU). */
  accessLog?: boolean;
}

const READY_TIMEOUT_MS = 15_000;

export interface NginxConfigPaths {
  dir: string;
  port: number;
  upstreamHostPort: string;
}

/** The whole nginx.conf; the cache part is what docs/deploy.md shows for production. */
export function nginxCacheConfig(paths: NginxConfigPaths, options: Pick<NginxCacheOptions, 'workers' | 'accessLog'> = {}): string {
  const { dir } = paths;
  const cached = `
      proxy_pass http://yunshan_render;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache yunshan_segments;
      # One request to the origin per missing object, however many clients ask at once.
      proxy_cache_lock on;
      proxy_cache_lock_timeout 60s;
      proxy_cache_lock_age 60s;
      add_header X-Cache-Status $upstream_cache_status always;`;
  return `# Written by tests/helpers/nginx-cache.ts
worker_processes ${options.workers ?? 1};
worker_rlimit_nofile 16384;
${process.getuid?.() === 0 ? 'user root;' : ''}
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log ${options.accessLog ? `${dir}/access.log` : 'off'};
  client_body_temp_path ${dir}/client-body;
  proxy_temp_path ${dir}/proxy-temp;
  fastcgi_temp_path ${dir}/fastcgi-temp;
  uwsgi_temp_path ${dir}/uwsgi-temp;
  scgi_temp_path ${dir}/scgi-temp;
  keepalive_requests 100000;
  # No proxy_cache_valid: the origin's Cache-Control decides (a year for segments, a minute for manifests, nothing for errors).
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=yunshan_segments:10m max_size=2g inactive=7d use_temp_path=off;
  upstream yunshan_render {
    server ${paths.upstreamHostPort};
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${paths.port};
    location /segments/ {${cached}
    }
    location /bakes/ {${cached}
    }
    location / {
      proxy_pass http://yunshan_render;
    }
  }
}
`;
}

function nginxExecutable(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(candidate)) return candidate;
  return 'nginx';
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNginxCache(options: NginxCacheOptions): Promise<RunningNginxCache> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-nginx-'));
  const port = await freeLoopbackPort();
  const upstream = new URL(options.upstream);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxCacheConfig({ dir, port, upstreamHostPort: upstream.host }, options));
  const child: ChildProcess = spawn(
    nginxExecutable(),
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (data: Buffer) => (output += data.toString()));
  child.stderr?.on('data', (data: Buffer) => (output += data.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const errorLog = () => (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '');
  try {
    const started = await new Promise<boolean>((resolve, reject) => {
      child.once('error', (error) => {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(missing ? new Error('nginx is not installed: run scripts/ensure-test-engines.sh as root, or apt-get install nginx') : error);
      });
      child.once('exit', () => resolve(false));
      const deadline = Date.now() + READY_TIMEOUT_MS;
      const poll = async () => {
        if (child.exitCode !== null) return;
        if (await canConnect(port)) return resolve(true);
        if (Date.now() > deadline) return resolve(false);
        setTimeout(() => void poll(), 50);
      };
      void poll();
    });
    if (!started) throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${output}\n${errorLog()}`);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dir,
    async stop() {
      if (child.exitCode === null) {
        // SIGQUIT: graceful shutdown; the workers finish their requests and exit with the master.
        child.kill('SIGQUIT');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
