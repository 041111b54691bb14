// `npm run bench`: every benchmark, printed as tables. Needs a production build
// (`npm run build`) and Debian's chromium. Figures are medians; the machine's load
// matters, so the table header states it. One benchmark that fails is reported and the
// others still run; the exit status says whether any failed.
import os from 'node:os';
import { launchChromium } from '../tests/helpers/browser';
import { startNextServer } from '../tests/helpers/next-server';
import { benchWorld } from './world-bench';
import { benchRender } from './render-bench';
import { benchBundles } from './bundle-bench';
import { benchBake } from './bake-bench';
import { benchStream } from './stream-bench';
import { benchPlayer } from './player-bench';
import { benchFarm } from './farm-bench';
import { benchFanout } from './fanout-bench';
import { benchLighthouse } from './lighthouse-bench';

let failed = 0;
async function section(name: string, run: () => void | Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    failed++;
    console.error(`\n${name} benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

console.log(
  `Yunshan bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, Node ${process.version}`,
);
await section('World', benchWorld);

await section('Bundle and frame-time', async () => {
  const [server, browser] = await Promise.all([startNextServer(), launchChromium()]);
  try {
    const probe = await browser.newPage();
    const renderer = await probe.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return 'no WebGL2';
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    });
    await probe.close();
    await section('Bundle', () => benchBundles(browser, server));
    await section('Frame-time', () => benchRender(browser, server, renderer));
  } finally {
    await browser.close();
    await server.stop();
  }
});
await section('Bake', benchBake);
await section('Stream', benchStream);
await section('Player', benchPlayer);
await section('Farm', benchFarm);
await section('Fan-out', benchFanout);
await section('Lighthouse', benchLighthouse);
// wrtc peers are closed; leave rather than wait on its native threads.
process.exit(failed > 0 ? 1 : 0);
