// The time source for sessions and throttling, injectable so tests can move time
// instead of waiting for it.
export type NowMs = () => number;

export const systemNowMs: NowMs = () => Date.now();
