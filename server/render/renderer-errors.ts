// What can go wrong with a headless Chromium renderer, as errors the bake orchestrator and
// the HTTP service can tell apart: retry a failed renderer; report a missing browser plainly.

export const RENDERER_FAILED_CODE = 'renderer_failed';

/** A renderer crashed, hung or disconnected mid-job; it has been killed and is being replaced, so the job can be retried. */
export class RendererFailedError extends Error {
  override name = 'RendererFailedError';
  readonly code = RENDERER_FAILED_CODE;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for a renderer failure from any copy of this module: by its code, not instanceof. */
export function isRendererFailedError(error: unknown): error is RendererFailedError {
  return error instanceof Error && (error as Partial<RendererFailedError>).code === RENDERER_FAILED_CODE;
}

/** No Chromium at the configured path: the server cannot bake, the site still renders locally. */
export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  readonly executablePath: string;
  constructor(executablePath: string) {
    super(
      `Chromium not found at ${executablePath}: install Debian's chromium (\`apt-get install chromium\`, or \`bash scripts/ensure-chromium.sh\`) ` +
        'or point YUNSHAN_CHROMIUM_PATH at a Chromium binary. Cloud rendering is off until then; visitors still render locally.',
    );
    this.executablePath = executablePath;
  }
}

/** Chromium started but its GL backend gives no WebGL2, which three.js needs. */
export class WebGL2UnavailableError extends Error {
  override name = 'WebGL2UnavailableError';
  constructor(glFlags: readonly string[], detail: string) {
    super(
      `Headless Chromium has no WebGL2 with GL flags [${glFlags.join(' ')}] (${detail}). ` +
        'On a CPU host use --use-angle=gl-egl --ignore-gpu-blocklist (Mesa llvmpipe); set YUNSHAN_RENDER_GL_FLAGS to override.',
    );
  }
}
