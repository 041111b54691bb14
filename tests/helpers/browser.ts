// Launches Debian's headless Chromium with a working WebGL2 backend on CPU-only
// machines (ANGLE on EGL → Mesa llvmpipe), for end-to-end tests, screenshots and benches.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** GL backend flags: gl-egl is 4–6× faster than SwiftShader on llvmpipe; a GPU host can override. */
function glFlags(): string[] {
  const override = process.env.YUNSHAN_CHROMIUM_GL_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  return ['--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-unsafe-swiftshader'];
}

/** `extraArgs`: more Chromium switches, e.g. `--disable-3d-apis` for a browser without WebGL. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run \`bash scripts/ensure-chromium.sh\` (apt-get install chromium).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 60_000,
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
      // Background tabs throttle rAF; tests run pages side by side.
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      ...glFlags(),
      ...extraArgs,
    ],
  });
}
