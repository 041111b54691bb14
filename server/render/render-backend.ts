// Names the GL backend a renderer draws with, from its WebGL renderer string: pixels are
// identical for one backend and differ slightly between backends, so goldens are per backend.

const KNOWN_BACKENDS: ReadonlyArray<[RegExp, string]> = [
  [/llvmpipe/i, 'llvmpipe'],
  [/swiftshader/i, 'swiftshader'],
  [/lavapipe/i, 'lavapipe'],
];

export function renderBackendName(glRenderer: string): string {
  for (const [pattern, name] of KNOWN_BACKENDS) if (pattern.test(glRenderer)) return name;
  const slug = glRenderer
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'unknown';
}
