// Builds the render page's browser bundle from the same scene code the site ships
// (components/scene, scenes/), once per process.
import path from 'node:path';
import { build } from 'esbuild';

const ENTRY = path.resolve(import.meta.dirname, 'page', 'render-page.tsx');

let bundle: Promise<string> | null = null;

export function renderPageBundle(): Promise<string> {
  bundle ??= buildBundle().catch((error: unknown) => {
    bundle = null;
    throw error;
  });
  return bundle;
}

async function buildBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    // React's production build: the development one checks every render and is several times slower.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

export const RENDER_PAGE_HTML = `<!doctype html>
<html>
<head><meta charset="utf-8"><title>Yunshan renderer</title></head>
<body style="margin:0;background:#000;overflow:hidden">
<div id="scene" style="position:fixed;left:0;top:0"></div>
<script type="module" src="/render-page.js"></script>
</body>
</html>`;
