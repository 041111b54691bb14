// A polling loop's pause that another caller can cut short: the bake worker and the farm
// dispatcher sleep between rounds, and an enqueue (look now) or a stop (finish now) wakes them.

export class WakeablePause {
  private wakeUp: (() => void) | null = null;

  /** Resolves after `ms`, or as soon as wake() is called, whichever comes first. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** Ends the pause in progress, if any. */
  wake(): void {
    this.wakeUp?.();
  }
}
