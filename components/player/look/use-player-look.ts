// The player's look: one store per flight (so a handover between renderers keeps it), the
// visitor's remembered setting, the inputs (drag on the stage, keys, the gyroscope when on),
// and the test handle.
import { useCallback, useEffect, useState, type RefObject } from 'react';
import { useLookSettings } from './look-context';
import { readLookRelease, rememberLookRelease } from './look-settings';
import { createLookStore, type LookStore } from './look-store';
import { latestDrawnLook, type YunshanLookHandle } from './look-test-handle';
import { useGyroLook } from './use-gyro-look';
import { useLookDrag } from './use-look-drag';
import { useLookKeys } from './use-look-keys';

export interface PlayerLookOptions {
  stageRef: RefObject<HTMLElement | null>;
  /** A key turned the view: the controls show, as for the other shortcuts. */
  onKeyLook: () => void;
}

/** Until a camera has drawn, a drag assumes the routes' usual field of view (route-schema's default). */
const USUAL_FOV_DEG = 55;

// The field of view the picture was last drawn with: a drag moves the picture with the finger.
// Read from the drawn camera rather than poseAt, which would bring the route schema (zod) into the first load.
const verticalFovDeg = () => latestDrawnLook()?.fovDeg ?? USUAL_FOV_DEG;

export function usePlayerLook({ stageRef, onKeyLook }: PlayerLookOptions): LookStore {
  const [store] = useState(() => createLookStore({ release: readLookRelease(), gyro: false }));
  const settings = useLookSettings(store);
  useEffect(() => rememberLookRelease(settings.release), [settings.release]);
  useLookDrag(stageRef, store, verticalFovDeg);
  useLookKeys(store, onKeyLook);
  useGyroLook(store, settings.gyro);

  const drawn = useCallback(() => latestDrawnLook(), []);
  useEffect(() => {
    const handle: YunshanLookHandle = {
      get: () => store.getLookOffset(),
      set: (offset) => store.setLookOffset(offset),
      recentre: () => store.recentre(),
      moving: () => store.isMoving(),
      release: () => store.getSettings().release,
      setRelease: (release) => store.setRelease(release),
      drawn,
    };
    window.__yunshanLook = handle;
    return () => {
      if (window.__yunshanLook === handle) delete window.__yunshanLook;
    };
  }, [store, drawn]);
  return store;
}
