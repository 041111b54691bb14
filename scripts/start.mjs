// One command to run Yunshan on its embedded defaults: the web app (Next.js, built
// first when no production build exists) and the render server beside it, sharing one
// SQLite file under data/. Either can also run alone: `npm run serve`, `npm run render-server`.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const port = process.env.PORT ?? '3000';

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('No production build yet: running `next build` (a minute or two on a small machine)…');
  const build = spawnSync(nextBin, ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The render server bakes with Chromium: set it up as `npm test` does (apt-get when root),
// but a missing browser never stops the site; visitors' devices render until it is there.
if (process.env.YUNSHAN_BAKE !== '0') {
  const ensure = spawnSync('bash', [path.join(root, 'scripts', 'ensure-chromium.sh')], { cwd: root, stdio: 'inherit' });
  if (ensure.status !== 0) console.warn("Starting without cloud rendering for now: the site renders on the visitors' devices.");
}

// While the studio has no admin, print the one-time link that creates the first one.
spawnSync(
  process.execPath,
  ['--import', 'tsx', 'scripts/staff.ts', 'setup-link', '--if-no-admin', '--base-url', `http://localhost:${port}`],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

// The web app asks the render server to queue a publish's bakes with a shared secret. Unless the
// operator set one, each launch makes its own and hands it to both children; it is never written down.
const sharedEnv = {
  ...process.env,
  YUNSHAN_RENDER_API_TOKEN: process.env.YUNSHAN_RENDER_API_TOKEN || randomBytes(32).toString('base64url'),
};

console.log(`Yunshan 云山 on http://localhost:${port}  (database: ${process.env.YUNSHAN_DB_PATH ?? 'data/yunshan.sqlite'})`);
const children = [
  // The hook appends each request's peer address to X-Forwarded-For, which Next does not do.
  spawn(nextBin, ['start', '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: { ...sharedEnv, NODE_OPTIONS: withPeerAddressHook(process.env.NODE_OPTIONS) },
  }),
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, stdio: 'inherit', env: sharedEnv }),
];
const [web, render] = children;

function withPeerAddressHook(nodeOptions = '') {
  return `${nodeOptions} --import "${pathToFileURL(path.join(root, 'server', 'staff', 'peer-address-hook.mjs')).href}"`.trim();
}

let stopping = false;
function stopAll(signal) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));

// The site works without the render server (devices render locally), so its exit is
// reported, not fatal. The web app's exit ends the product.
render.on('exit', (code, signal) => {
  if (!stopping) console.error(`Render server stopped (${signal ?? `exit ${code}`}); the site keeps working with on-device rendering.`);
});
web.on('exit', (code) => {
  if (!stopping) stopAll('SIGTERM');
  process.exitCode = code ?? 0;
});
