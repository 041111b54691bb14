// What the browser says about its network link (the Network Information API, where it has
// one): the stream's capabilities report its type and whether it asks to save data.
import type { ConnectionType, StreamCapabilities } from '@/scenes/protocol/client-messages';
import { connectionAsksToSaveData, type ConnectionHints } from './adaptive-profile';

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

/** What a viewer tells the server it decodes and wants: the decoders, the data-saver wish (its own or the link's) and the link's type. */
export function viewerCapabilities(decodes: { webcodecsVp8: boolean; webcodecsVp9: boolean }, dataSaver: boolean): StreamCapabilities {
  const hints = connectionHints();
  const connectionType = hints?.type && isConnectionType(hints.type) ? hints.type : 'unknown';
  return { ...decodes, saveData: dataSaver || connectionAsksToSaveData(hints), connectionType };
}
