// The haze law in GLSL, mirroring hazeOpticalDepth in scenes/atmosphere/atmosphere-params.ts:
// every shader that fades a surface or a cloud by distance uses it, so nothing drifts apart.
import { HAZE_LINEAR_SHARE } from '@/scenes/atmosphere/atmosphere-params';

export const HAZE_LAW_GLSL = /* glsl */ `
float hazeOpticalDepth(float densityPerM, float distanceM) {
  float x = densityPerM * distanceM;
  return x * x + ${HAZE_LINEAR_SHARE.toFixed(4)} * x;
}
`;
