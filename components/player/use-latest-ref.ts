// A prop read through a ref: an effect or a callback that must not restart when the parent
// passes a new function on each render still calls the newest one. The ref object itself never
// changes, so listing it in a hook's dependencies restarts nothing.
import { useEffect, useRef, type RefObject } from 'react';

export function useLatestRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
