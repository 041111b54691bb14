// Runs in the browser before the app: zod would otherwise probe for eval with a caught
// `new Function`, which the Content-Security-Policy (no 'unsafe-eval', see proxy.ts)
// still reports as a violation. Parsing without its compiled fast path is just as correct.
// zod keeps its settings on globalThis.__zod_globalConfig and adopts an object already there,
// so this sets them without importing zod: pages that parse nothing (the catalogue) never load
// it (tests/unit/zod-jitless.test.ts checks zod still reads it).
declare global {
  var __zod_globalConfig: { jitless?: boolean } | undefined;
}

globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };

export {};
