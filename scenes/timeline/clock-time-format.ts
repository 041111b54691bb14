// Formats route time for people: "m:ss", the way video players show it.

/** Whole seconds as "m:ss" (e.g. 95.7 → "1:35"); negative or non-finite input reads as 0:00. */
export function formatClockTime(timeS: number): string {
  const wholeS = Number.isFinite(timeS) && timeS > 0 ? Math.floor(timeS) : 0;
  const minutes = Math.floor(wholeS / 60);
  const seconds = wholeS % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}
