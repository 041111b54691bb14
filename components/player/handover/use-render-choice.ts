'use client';
// The visitor's preference (Auto / On this device / From the cloud) and, under Auto, the
// device probe and the decision taken from it. The probe runs once per device (it is
// remembered); its warm-up render needs the player to mount WarmupRender while it runs.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { decideRenderPath } from '../render-choice/decide-render-path';
import type { WarmupResult } from '../render-choice/probe-device';
import type { QualityTier } from '@/scenes/world/quality-tiers';
import type { DeviceProbe, RenderDecision, RenderPreference } from '../render-choice/render-choice-types';
import { guessQualityTier, readDeviceHints } from '../guess-quality-tier';
import { hasStoredProbe, loadRenderPreference, saveRenderPreference } from '../render-choice/device-storage';
import type { LayerTarget } from './stage-layers';

export interface RenderChoiceOptions {
  cloudAvailable: boolean;
  /** The route's bake is still under way: under Auto, any device that can draw does. */
  cloudBaking?: boolean;
  /**
   * The route has a finished cinematic bake this browser can decode: under Auto it streams
   * even where the device draws well. null while not yet known (the VP8 check is async): Auto
   * waits rather than start on one path and hand over a moment later.
   */
  cinematicReady?: boolean | null;
  /** navigator.connection.downlink in kbit/s, where the browser gives it. */
  downlinkKbps?: number | null;
  /** `?render=` on the page: a preference for this visit only, not remembered. */
  urlPreference: RenderPreference | null;
  /** `?tier=` on the page: the local tier, whatever the probe says (and no watch lowers it). */
  tierOverride: QualityTier | null;
  /** False holds the probe (a WebGL warm-up) back: under Auto it waits for the visitor to want the flight. */
  probeAllowed?: boolean;
}

export interface RenderChoice {
  /** null until read from storage on the client (the server render knows nothing of the device). */
  preference: RenderPreference | null;
  probe: DeviceProbe | null;
  decision: RenderDecision | null;
  /** The probe wants its warm-up frames drawn: mount WarmupRender and report through onWarmupDone. */
  warmupWanted: boolean;
  onWarmupDone: (result: WarmupResult) => void;
  /** The tier to draw at on this device; null when the probe found it cannot draw the scene. */
  localTier: QualityTier | null;
  /** Where the flight should be drawn under the current preference; null while the probe runs. */
  target: LayerTarget | null;
  choose: (preference: RenderPreference) => void;
}

export function useRenderChoice({
  cloudAvailable,
  cloudBaking = false,
  cinematicReady = false,
  downlinkKbps = null,
  urlPreference,
  tierOverride,
  probeAllowed = true,
}: RenderChoiceOptions): RenderChoice {
  const [preference, setPreference] = useState<RenderPreference | null>(null);
  const [probe, setProbe] = useState<DeviceProbe | null>(null);
  const [warmupWanted, setWarmupWanted] = useState(false);
  const warmupResolverRef = useRef<((result: WarmupResult) => void) | null>(null);
  const probingRef = useRef(false);

  // Storage is only readable on the client, after hydration. The probe code (detect-gpu, zod
  // schemas) loads on demand, off the page's first-load JavaScript, and only where a probe is
  // remembered: on a first visit the preference alone (a plain word) puts the poster up at once.
  // The preference re-renders the whole player right after hydration: as a transition, React
  // renders it in slices between the browser's own work instead of one long task (issue 15).
  useEffect(() => {
    if (!hasStoredProbe()) {
      startTransition(() => setPreference(urlPreference ?? loadRenderPreference()));
      return;
    }
    let cancelled = false;
    void Promise.all([import('../render-choice/remembered-choice'), import('../render-choice/probe-device')]).then(([memory, prober]) => {
      if (cancelled) return;
      const override = prober.readProbeOverride();
      const remembered = memory.loadRememberedProbe();
      if (remembered !== null) setProbe(override === null ? remembered : { ...remembered, ...override, version: 1 });
      setPreference(urlPreference ?? memory.loadRenderPreference());
    });
    return () => {
      cancelled = true;
    };
  }, [urlPreference]);

  // Auto needs a probe; a remembered one spares the device the warm-up.
  useEffect(() => {
    if (preference !== 'auto' || probe !== null || probingRef.current || !probeAllowed) return;
    probingRef.current = true;
    let cancelled = false;
    void Promise.all([import('../render-choice/remembered-choice'), import('../render-choice/probe-device')]).then(
      async ([memory, prober]) => {
        const override = prober.readProbeOverride();
        const measured = await prober.probeDevice({
          warmup: () =>
            new Promise<WarmupResult>((resolve) => {
              warmupResolverRef.current = resolve;
              setWarmupWanted(true);
            }),
          override: override ?? undefined,
        });
        if (cancelled) return;
        // A probe bent by a test's override is not this device's: never remember it.
        if (override === null) memory.saveRememberedProbe(measured);
        setProbe(measured);
      },
    );
    return () => {
      cancelled = true;
      probingRef.current = false;
    };
  }, [preference, probe, probeAllowed]);

  const onWarmupDone = useCallback((result: WarmupResult) => {
    setWarmupWanted(false);
    warmupResolverRef.current?.(result);
    warmupResolverRef.current = null;
  }, []);

  const decision = useMemo(
    () =>
      probe === null || cinematicReady === null
        ? null
        : decideRenderPath(probe, { cloudAvailable, cloudBaking, cinematicReady, downlinkKbps }),
    [probe, cloudAvailable, cloudBaking, cinematicReady, downlinkKbps],
  );

  // Without a probe (the visitor chose a path outright) the screen's shape is the best guess.
  const localTier: QualityTier | null =
    tierOverride ?? (decision === null ? guessQualityTier(readDeviceHintsSafely()) : decision.localTier);

  const target = useMemo((): LayerTarget | null => {
    if (preference === null) return null;
    if (preference === 'cloud' && cloudAvailable) return { kind: 'cloud' };
    // The visitor asked for this device: try it even where the probe doubted it (a failure falls back).
    if (preference === 'local' || (preference === 'cloud' && !cloudAvailable)) return { kind: 'local', tier: localTier ?? 'phone' };
    if (decision === null) return null;
    if (decision.path === 'local') return { kind: 'local', tier: localTier ?? 'phone' };
    return decision.path === 'cloud' ? { kind: 'cloud' } : { kind: 'posters' };
  }, [preference, cloudAvailable, localTier, decision]);

  const choose = useCallback((next: RenderPreference) => {
    setPreference(next);
    // A choice made on the page is the visitor's from now on; the URL's was only for that visit.
    saveRenderPreference(next);
  }, []);

  return { preference, probe, decision, warmupWanted, onWarmupDone, localTier, target, choose };
}

/** The screen hints exist only in a browser; on the server render the phone tier is the safe guess. */
function readDeviceHintsSafely() {
  return typeof window === 'undefined' ? { coarsePointer: true, screenShortSidePx: 390 } : readDeviceHints();
}
