// Where the flight is drawn: on this device (three.js) or streamed from the render server.
// Pure, so the tour page and tests read `?render=` the same way.
import type { RenderPreference } from '../render-choice/render-choice-types';

export const RENDER_PATHS = ['local', 'cloud'] as const;
export type RenderPath = (typeof RENDER_PATHS)[number];

export function parseRenderPath(value: string | string[] | undefined): RenderPath | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim().toLowerCase();
  return raw === 'local' || raw === 'cloud' ? raw : null;
}

/** `?render=auto|local|cloud`: the visitor's preference for this visit; anything else leaves it to them. */
export function parseRenderPreference(value: string | string[] | undefined): RenderPreference | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim().toLowerCase();
  return raw === 'auto' ? 'auto' : parseRenderPath(raw);
}

export const DEFAULT_RENDER_SERVER_PORT = 3001;

/**
 * The render server's URL as the visitor's browser reaches it: YUNSHAN_PUBLIC_RENDER_URL
 * when set, else the host the page was requested from on the render server's default port.
 */
export function publicRenderUrl(configured: string | undefined, requestHost: string | null, forwardedProto: string | null = null): string {
  const fromEnv = configured?.trim();
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  const protocol = forwardedProto?.split(',')[0].trim() === 'https' ? 'https' : 'http';
  return `${protocol}://${hostnameOf(requestHost)}:${DEFAULT_RENDER_SERVER_PORT}`;
}

function hostnameOf(host: string | null): string {
  const value = host?.trim();
  if (!value) return 'localhost';
  // "[::1]:3000" keeps its brackets; "example.org:3000" loses its port.
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end > 0 ? value.slice(0, end + 1) : 'localhost';
  }
  const name = value.split(':')[0];
  return /^[A-Za-z0-9.-]+$/.test(name) ? name : 'localhost';
}
