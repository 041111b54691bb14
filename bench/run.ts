// `npm run bench`: every benchmark, printed as tables. Needs a production build
// (`npm run build`) and Debian's chromium. Figures are medians; the machine's load
// matters, so the table header states it.
import os from 'node:os';
import { launchChromium } from '../tests/helpers/browser';
import { startNextServer } from '../tests/helpers/next-server';
import { benchWorld } from './world-bench';
import { benchRender } from './render-bench';
import { benchBundles } from './bundle-bench';
import { benchBake } from './bake-bench';
import { benchStream } from './stream-bench';
import { benchPlayer } from './player-bench';

console.log(`Yunshan bench — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.version}`);
benchWorld();

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
  await benchBundles(browser, server);
  await benchRender(browser, server, renderer);
} finally {
  await browser.close();
  await server.stop();
}
await benchBake();
await benchStream();
await benchPlayer();
// wrtc peers are closed; leave rather than wait on its native threads.
process.exit(0);
