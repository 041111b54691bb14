// The phone's orientation as a look direction. DeviceOrientationEvent gives alpha, beta, gamma
// (degrees): the device frame turned about Z by alpha, then X by beta, then Y by gamma, from
// the earth frame (x east, y north, z up). The back camera looks along the device's -Z, so the
// direction the visitor looks is -(third column) of that rotation. Only yaw and pitch are
// used, never roll, so the horizon stays level however the phone is tilted sideways; and only
// changes between readings turn the view, so the visitor starts from the route's direction
// (and a drag still adds to it) rather than from where north happens to be.
import { yawPitchOf } from '@/scenes/routes/look-offset';
import type { Vec3 } from '@/scenes/routes/route-schema';

export interface DeviceAngles {
  alphaDeg: number;
  betaDeg: number;
  gammaDeg: number;
}

const RAD = Math.PI / 180;

/** Direction the phone's back faces, in the world's axes (y up; x east, -z north). */
export function deviceLookDirection({ alphaDeg, betaDeg, gammaDeg }: DeviceAngles): Vec3 {
  const [sa, ca] = [Math.sin(alphaDeg * RAD), Math.cos(alphaDeg * RAD)];
  const [sb, cb] = [Math.sin(betaDeg * RAD), Math.cos(betaDeg * RAD)];
  const [sg, cg] = [Math.sin(gammaDeg * RAD), Math.cos(gammaDeg * RAD)];
  const east = -(sg * ca + cg * sb * sa);
  const north = -(sg * sa - cg * sb * ca);
  const up = -cg * cb;
  return [east, up, -north];
}

export function deviceYawPitch(angles: DeviceAngles): { yawRad: number; pitchRad: number } {
  return yawPitchOf(deviceLookDirection(angles));
}

/** Wraps an angle difference to (-π, π]: a turn across north is a small turn, not a whole circle. */
function wrap(rad: number): number {
  let r = rad % (2 * Math.PI);
  if (r > Math.PI) r -= 2 * Math.PI;
  if (r <= -Math.PI) r += 2 * Math.PI;
  return r;
}

/**
 * How far the view turns between two readings. Near straight up or down yaw loses meaning (the
 * phone pointing at the sky has no heading), so yaw changes there are ignored rather than spun.
 */
export function gyroTurn(previous: DeviceAngles, next: DeviceAngles): { deltaYawRad: number; deltaPitchRad: number } {
  const a = deviceYawPitch(previous);
  const b = deviceYawPitch(next);
  const nearPole = Math.abs(a.pitchRad) > 80 * RAD || Math.abs(b.pitchRad) > 80 * RAD;
  return { deltaYawRad: nearPole ? 0 : wrap(b.yawRad - a.yawRad), deltaPitchRad: b.pitchRad - a.pitchRad };
}
