// One command to run Yunshan on its embedded defaults: builds the web app when no
// production build exists yet, then serves it (SQLite file under data/).
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const port = process.env.PORT ?? '3000';

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('No production build yet: running `next build` (a minute or two on a small machine)…');
  const build = spawnSync(nextBin, ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Yunshan 云山 on http://localhost:${port}  (database: ${process.env.YUNSHAN_DB_PATH ?? 'data/yunshan.sqlite'})`);
const server = spawn(nextBin, ['start', '-p', port], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
