// What the browser says about its network link (the Network Information API, where it has
// one): the stream's capabilities report its type and whether it asks to save data.
import type { ConnectionType } from '@/scenes/protocol/client-messages';
import type { ConnectionHints } from './adaptive-profile';

const CONNECTION_TYPES: readonly ConnectionType[] = ['unknown', 'ethernet', 'wifi', 'cellular', 'bluetooth', 'wimax', 'other', 'none'];

export function isConnectionType(value: string): value is ConnectionType {
  return (CONNECTION_TYPES as readonly string[]).includes(value);
}

/** navigator.connection (Network Information API) where the browser has it. */
export function connectionHints(): ConnectionHints | null {
  if (typeof navigator === 'undefined') return null;
  const connection = (navigator as Navigator & { connection?: ConnectionHints }).connection;
  return connection ?? null;
}
