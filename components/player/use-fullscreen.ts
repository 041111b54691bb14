// Element fullscreen with the webkit-prefixed fallback older Safari needs. iPhone Safari
// offers fullscreen only for <video>, so `supported` is false there and the button hides.
import { useCallback, useSyncExternalStore, type RefObject } from 'react';

interface WebkitDocument extends Document {
  webkitFullscreenEnabled?: boolean;
  webkitFullscreenElement?: Element | null;
  webkitExitFullscreen?: () => Promise<void> | void;
}

interface WebkitElement extends HTMLElement {
  webkitRequestFullscreen?: () => Promise<void> | void;
}

function fullscreenSupported(): boolean {
  const doc = document as WebkitDocument;
  return Boolean(doc.fullscreenEnabled || doc.webkitFullscreenEnabled);
}

function fullscreenActive(): boolean {
  const doc = document as WebkitDocument;
  return Boolean(doc.fullscreenElement || doc.webkitFullscreenElement);
}

function subscribeToFullscreen(onChange: () => void): () => void {
  document.addEventListener('fullscreenchange', onChange);
  document.addEventListener('webkitfullscreenchange', onChange);
  return () => {
    document.removeEventListener('fullscreenchange', onChange);
    document.removeEventListener('webkitfullscreenchange', onChange);
  };
}

const serverFalse = () => false;

export function useFullscreen(targetRef: RefObject<HTMLElement | null>) {
  const supported = useSyncExternalStore(subscribeToFullscreen, fullscreenSupported, serverFalse);
  const active = useSyncExternalStore(subscribeToFullscreen, fullscreenActive, serverFalse);

  const toggle = useCallback(async () => {
    const doc = document as WebkitDocument;
    try {
      if (fullscreenActive()) {
        await (doc.exitFullscreen ? doc.exitFullscreen() : doc.webkitExitFullscreen?.());
        return;
      }
      const target = targetRef.current as WebkitElement | null;
      if (!target) return;
      await (target.requestFullscreen ? target.requestFullscreen({ navigationUI: 'hide' }) : target.webkitRequestFullscreen?.());
    } catch {
      // A refused request (no user gesture, an iframe without allowfullscreen) leaves the page as it was.
    }
  }, [targetRef]);

  return { supported, active, toggle };
}
