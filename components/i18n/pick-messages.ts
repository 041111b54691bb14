// A server page hands a client component only the messages it shows: whatever a client
// component receives is serialised into the page's HTML, so the whole dictionary (306
// strings) would ride along on every tour for the ~100 the player uses (issue 15, item 6).
import type { MessageKey, Messages } from './messages';

/** The messages named by `keys`, in their order; a key the dictionary lacks is an error, never an undefined string. */
export function pickMessages<K extends MessageKey>(messages: Messages, keys: readonly K[]): Pick<Messages, K> {
  const picked: Partial<Record<K, string>> = {};
  for (const key of keys) {
    if (!Object.hasOwn(messages, key)) throw new Error(`pickMessages: the dictionary has no message "${key}"`);
    picked[key] = messages[key];
  }
  return picked as Pick<Messages, K>;
}
