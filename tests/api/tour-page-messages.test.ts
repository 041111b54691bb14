// A tour's HTML carries the player's strings and no others (issue 15, item 6): the player is a
// client component, so whatever messages it receives are written into the page's flight data.
// It used to receive the whole dictionary, 306 strings, about 16 KB of every first visit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DICTIONARIES, type MessageKey } from '@/components/i18n/messages';
import { LOCALES, type Locale } from '@/components/i18n/locale';
import { PLAYER_MESSAGE_KEYS } from '@/components/player/player-messages';
import { startNextServer, type RunningNextServer } from '../helpers/next-server';

const TOUR = '/tours/hallelujah-flyover';
/** Long enough that only the message itself could hold it. */
const DISTINCTIVE_CHARS = 25;
/** Next writes the root's not-found and forbidden pages into every page's flight data, as its boundaries. */
const BOUNDARY_PAGES = ['notFound.', 'forbidden.'];

let tempDir: string;
let server: RunningNextServer;

before(async () => {
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunshan-tour-messages-'));
  server = await startNextServer({ dbPath: path.join(tempDir, 'yunshan.sqlite') });
});
after(async () => {
  await server?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

async function tourHtml(locale: Locale, query = ''): Promise<string> {
  const response = await fetch(`${server.baseUrl}${TOUR}?lang=${locale}${query}`);
  assert.equal(response.status, 200);
  return response.text();
}

/** Message keys the HTML names as object keys: in the flight data they stand quoted, escaped or not. */
function keysNamedIn(html: string): MessageKey[] {
  return (Object.keys(DICTIONARIES.en) as MessageKey[]).filter((key) => html.includes(`"${key}"`) || html.includes(`\\"${key}\\"`));
}

describe("a tour page's messages", () => {
  const playerKeys = new Set<string>(PLAYER_MESSAGE_KEYS);

  for (const locale of LOCALES) {
    for (const query of ['', '&render=local']) {
      test(`${locale}${query}: the HTML names only the player's message keys, in the page's language`, async () => {
        const html = await tourHtml(locale, query);
        const named = keysNamedIn(html);
        // The player's strings do travel, so their absence below is not a payload that lost its messages.
        assert.ok(
          named.includes('player.start') && named.includes('cloud.connecting'),
          `the player's messages are in the HTML: ${named.length}`,
        );
        assert.deepEqual(
          named.filter((key) => !playerKeys.has(key)),
          [],
        );
        const other: Locale = locale === 'zh' ? 'en' : 'zh';
        assert.ok(html.includes(DICTIONARIES[locale]['player.start']), `${locale} text`);
        assert.ok(!html.includes(DICTIONARIES[other]['cloud.connecting']), `no ${other} text`);
      });
    }

    test(`${locale}: the text of a message the player never shows is not in the HTML`, async () => {
      const html = await tourHtml(locale);
      const carried = (Object.entries(DICTIONARIES[locale]) as Array<[MessageKey, string]>)
        .filter(([key]) => !playerKeys.has(key) && !BOUNDARY_PAGES.some((prefix) => key.startsWith(prefix)))
        .filter(([, text]) => text.length >= DISTINCTIVE_CHARS && !/["\\<>&']/.test(text))
        .filter(([, text]) => html.includes(text))
        .map(([key]) => key);
      assert.deepEqual(carried, []);
    });
  }
});
