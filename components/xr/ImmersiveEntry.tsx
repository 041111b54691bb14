'use client';
// The way into the headset, in the look panel: shown only where the browser says a headset
// can show an immersive view and the flight can surround the visitor: drawn on this device, or
// streamed with a sphere the cloud view can draw (immersive-availability.ts). The session is asked for
// in the click itself (browsers only open one from a gesture); inside, the way out is the
// same button, Escape, the controller's grip, or the headset's own menu.
import { useEffect, useState } from 'react';
import type { Messages } from '@/components/i18n/messages';
import { useImmersiveState } from './immersive-context';
import { immersiveSupported, requestImmersiveSession } from './immersive-session';
import type { ImmersiveStore } from './immersive-store';

export interface ImmersiveEntryProps {
  /** Only the messages it shows: the player passes its own subset of the dictionary. */
  messages: Pick<Messages, 'look.immersive' | 'look.immersiveExit' | 'look.immersiveFailed'>;
  store: ImmersiveStore;
  /** The flight can surround the visitor now: drawn on this device, or a sphere on the cloud path (the flat stream cannot). */
  available: boolean;
  className: string;
  noteClassName: string;
}

export function ImmersiveEntry({ messages, store, available, className, noteClassName }: ImmersiveEntryProps) {
  const [supported, setSupported] = useState(false);
  const state = useImmersiveState(store);
  useEffect(() => {
    let live = true;
    void immersiveSupported().then((answer) => {
      if (live) setSupported(answer);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!supported || (!available && state.phase !== 'on')) return null;
  if (state.phase === 'on') {
    return (
      <button type="button" className={className} onClick={() => store.leave()} data-testid="immersive-leave">
        {messages['look.immersiveExit']}
      </button>
    );
  }
  async function enter() {
    store.starting();
    const session = await requestImmersiveSession();
    if (session === null) store.failed();
    else store.began(session);
  }
  return (
    <>
      <button type="button" className={className} disabled={state.phase === 'starting'} onClick={enter} data-testid="immersive-enter">
        {messages['look.immersive']}
      </button>
      {state.phase === 'failed' && (
        <p className={noteClassName} role="status" data-testid="immersive-failed">
          {messages['look.immersiveFailed']}
        </p>
      )}
    </>
  );
}
