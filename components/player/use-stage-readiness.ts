// When the stage has a picture, read from the layers' own marks: FlightCanvas marks its
// wrapper data-ready="true" once it has drawn a frame, the cloud view once its first
// streamed frame is up (or it has something to say instead), the posters once their picture
// is in. Only the stage's layers count, not the warm-up.
import { useEffect, useState, type RefObject } from 'react';

/** A scene that never reports its first frame must not hold the flight (or the veil) forever. */
const SCENE_READY_TIMEOUT_MS = 15_000;
/** Autoplay waits at most this long past the first picture for the stream's next second (a slow link still starts). */
const PRIMED_WAIT_MAX_MS = 3000;

const READY_LAYER = '[data-layer-id] [data-ready="true"]';

export interface StageReadiness {
  /** A layer has drawn its first picture (or the wait for it ran out): the veil can go. */
  canvasReady: boolean;
  /** The picture will keep up once the clock runs: autoplay may start. */
  pictureSettled: boolean;
}

export function useStageReadiness(stageRef: RefObject<HTMLElement | null>, stageStarted: boolean): StageReadiness {
  const [canvasReady, setCanvasReady] = useState(false);
  const [pictureSettled, setPictureSettled] = useState(false);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !stageStarted) return;
    return watchStage(
      stage,
      ['data-ready'],
      () => stage.querySelector(READY_LAYER) !== null,
      SCENE_READY_TIMEOUT_MS,
      () => setCanvasReady(true),
    );
  }, [stageRef, stageStarted]);

  // A stream's first picture is not yet a playing stream: the cloud view says data-primed once
  // the frames after it are decoded and a second of them has arrived. A clock started at the
  // first picture runs ahead of them and the first second's frames are dropped.
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage || !canvasReady || pictureSettled) return;
    const settled = () =>
      Array.from(stage.querySelectorAll(READY_LAYER)).some((element) => element.getAttribute('data-primed') !== 'false');
    return watchStage(stage, ['data-ready', 'data-primed'], settled, PRIMED_WAIT_MAX_MS, () => setPictureSettled(true));
  }, [stageRef, canvasReady, pictureSettled]);

  return { canvasReady, pictureSettled };
}

/** Calls `onHolds` once `holds()` is true of the stage (watched through its attributes), or after `timeoutMs` regardless. */
function watchStage(
  stage: HTMLElement,
  attributes: string[],
  holds: () => boolean,
  timeoutMs: number,
  onHolds: () => void,
): (() => void) | undefined {
  if (holds()) {
    onHolds();
    return undefined;
  }
  const observer = new MutationObserver(() => {
    if (!holds()) return;
    observer.disconnect();
    onHolds();
  });
  observer.observe(stage, { subtree: true, childList: true, attributes: true, attributeFilter: attributes });
  const fallback = window.setTimeout(onHolds, timeoutMs);
  return () => {
    observer.disconnect();
    window.clearTimeout(fallback);
  };
}
