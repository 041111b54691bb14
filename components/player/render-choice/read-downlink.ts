// The browser's own estimate of the link (Network Information API, Chromium only): downlink in
// Mbit/s, rounded to 25 kbit/s and capped at 10 Mbit/s. Read per visit, never remembered with
// the device probe; null where the browser does not say.
interface NetworkInformationLike {
  downlink?: number;
}

export function readDownlinkKbps(): number | null {
  if (typeof navigator === 'undefined') return null;
  const connection = (navigator as Navigator & { connection?: NetworkInformationLike }).connection;
  const downlink = connection?.downlink;
  // Chromium reports 0 before it has measured anything: that is "unknown", not "no link".
  return typeof downlink === 'number' && Number.isFinite(downlink) && downlink > 0 ? Math.round(downlink * 1000) : null;
}
