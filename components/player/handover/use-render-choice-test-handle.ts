// Puts the render choice and the stage's handovers on window for end-to-end tests.
import { useEffect } from 'react';
import { describeTarget, type HandoverRecord } from './handover-record';
import type { YunshanRenderChoiceHandle } from './render-choice-test-handle';
import type { StageState } from './stage-layers';

type ChoiceFacts = Pick<YunshanRenderChoiceHandle, 'preference' | 'probe' | 'decision'>;

export function useRenderChoiceTestHandle(
  { preference, probe, decision }: ChoiceFacts,
  stageState: StageState | null,
  handovers: readonly HandoverRecord[],
): void {
  useEffect(() => {
    const handle: YunshanRenderChoiceHandle = {
      preference,
      probe,
      decision,
      active: stageState === null ? null : describeTarget(stageState.active),
      incoming: stageState?.incoming ? describeTarget(stageState.incoming) : null,
      handovers,
    };
    window.__yunshanRenderChoice = handle;
    return () => {
      if (window.__yunshanRenderChoice === handle) delete window.__yunshanRenderChoice;
    };
  }, [preference, probe, decision, stageState, handovers]);
}
