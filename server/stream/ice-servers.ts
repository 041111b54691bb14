// The ICE servers handed to each viewer: STUN as configured, TURN with credentials minted
// per session by the TURN REST convention (coturn's use-auth-secret), so no password is
// static and a leaked one expires.
import { createHmac } from 'node:crypto';
import type { IceServerConfig } from '@/scenes/protocol/server-messages';

export interface IceServerSettings {
  stunUrls: readonly string[];
  turnUrls: readonly string[];
  turnSecret: string;
  turnTtlS: number;
  /** A node bound to loopback serves only this machine: ICE needs no servers there. */
  loopbackOnly: boolean;
}

export interface TurnCredential {
  username: string;
  credential: string;
  expiresAtUnix: number;
}

/** username = `${expiryUnix}:${sessionId}`, credential = base64(HMAC-SHA1(secret, username)). */
export function mintTurnCredential(secret: string, sessionId: string, ttlS: number, nowMs: number): TurnCredential {
  const expiresAtUnix = Math.floor(nowMs / 1000) + ttlS;
  const username = `${expiresAtUnix}:${sessionId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAtUnix };
}

export function iceServersFor(settings: IceServerSettings, sessionId: string, nowMs = Date.now()): IceServerConfig[] {
  if (settings.loopbackOnly) return [];
  const servers: IceServerConfig[] = [];
  if (settings.stunUrls.length > 0) servers.push({ urls: [...settings.stunUrls] });
  if (settings.turnUrls.length > 0 && settings.turnSecret.length > 0) {
    const { username, credential } = mintTurnCredential(settings.turnSecret, sessionId, settings.turnTtlS, nowMs);
    servers.push({ urls: [...settings.turnUrls], username, credential });
  }
  return servers;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
