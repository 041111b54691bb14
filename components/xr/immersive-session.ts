// Asking the browser for an immersive session. Seated ("local") space is what every headset
// grants without asking; the flight carries the visitor, so the floor does not matter.

export const IMMERSIVE_MODE: XRSessionMode = 'immersive-vr';
export const IMMERSIVE_REFERENCE_SPACE: XRReferenceSpaceType = 'local';
export const IMMERSIVE_SESSION_INIT: XRSessionInit = { requiredFeatures: [IMMERSIVE_REFERENCE_SPACE] };

/** Whether a headset can show an immersive view here; false where WebXR is missing or says no. */
export async function immersiveSupported(xr: XRSystem | undefined = globalThis.navigator?.xr): Promise<boolean> {
  if (!xr) return false;
  return xr.isSessionSupported(IMMERSIVE_MODE).catch(() => false);
}

/** Must run from the visitor's gesture (a click): browsers only open a session from one. */
export async function requestImmersiveSession(xr: XRSystem | undefined = globalThis.navigator?.xr): Promise<XRSession | null> {
  if (!xr) return null;
  return xr.requestSession(IMMERSIVE_MODE, IMMERSIVE_SESSION_INIT).catch(() => null);
}
