// A first visit as Lighthouse's mobile run makes it, for the benches that look inside one
// (first-visit-profile.ts, first-visit-trace.ts): Debian's Chromium launched as Lighthouse
// launches it (plain headless, its own default GL, so not tests/helpers/browser.ts's llvmpipe
// flags), a phone's viewport and touch, and the CPU slowed down by a factor.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../tests/helpers/browser';

export function launchLighthouseLikeChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** A fresh phone-sized context and page with its CPU slowed `cpuSlowdown` times; close the context when done. */
export async function openThrottledPhonePage(
  browser: Browser,
  cpuSlowdown: number,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return { context, page, cdp };
}
