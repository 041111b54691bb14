// A path whose percent-encoding does not decode (a lone "%", "%ZZ", a cut-off UTF-8
// sequence) names nothing: it is the client's mistake, answered 400 before any route
// tries to decode it and fails with a 500.

export function isUndecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
