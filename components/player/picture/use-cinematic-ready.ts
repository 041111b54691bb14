'use client';
// Whether this visit can stream the route's cinematic bake: the page's reading of the bake
// queue says it is finished, and this browser decodes VP8 (the cinematic profiles have no
// JPEG fallback). null while the decoder check runs, so Auto waits for it instead of starting
// on one path and handing over a moment later.
import { useEffect, useState } from 'react';
import type { CloudReadiness } from '@/server/bake/cloud-readiness';
import { hasCinematicProfile } from '../cloud/cinematic-profiles';
import { canDecodeVp8 } from '../cloud/frame-decoder';

export function cinematicBaked(readiness: CloudReadiness | null): boolean {
  return readiness?.state === 'ready' && hasCinematicProfile(readiness.profilesReady);
}

export function useCinematicReady(cloudAvailable: boolean, readiness: CloudReadiness | null): boolean | null {
  const baked = cloudAvailable && cinematicBaked(readiness);
  const [vp8, setVp8] = useState<boolean | null>(null);
  useEffect(() => {
    if (!baked || vp8 !== null) return;
    let cancelled = false;
    void canDecodeVp8().then((supported) => {
      if (!cancelled) setVp8(supported);
    });
    return () => {
      cancelled = true;
    };
  }, [baked, vp8]);
  return baked ? vp8 : false;
}
