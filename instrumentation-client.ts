// Runs in the browser before the app: zod would otherwise probe for eval with a caught
// `new Function`, which the Content-Security-Policy (no 'unsafe-eval', see proxy.ts)
// still reports as a violation. Parsing without its compiled fast path is just as correct.
import { z } from 'zod';

z.config({ jitless: true });
