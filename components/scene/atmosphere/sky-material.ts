// The sky dome's shader: a zenith-to-haze gradient with a soft sun disc and halo. The dome
// is drawn first, centred on the camera and behind everything, so its size never matters.
import { BackSide, Color, ShaderMaterial } from 'three';
import type { AtmosphereParams } from '@/scenes/atmosphere/atmosphere-params';
import { HORIZON_GLSL, horizonUniforms } from './horizon-glsl';

const vertexShader = /* glsl */ `
varying vec3 vDirection;

void main() {
  vDirection = position;
  // Rotation only: the dome travels with the camera, an infinitely distant sky.
  vec4 clip = projectionMatrix * vec4(mat3(viewMatrix) * position, 1.0);
  // Depth is irrelevant (no depth test or write); z = 0 keeps it clear of the near and far planes.
  gl_Position = vec4(clip.xy, 0.0, clip.w);
}
`;

const fragmentShader = /* glsl */ `
#include <common>
uniform vec3 uZenith;
${HORIZON_GLSL}
varying vec3 vDirection;
#include <dithering_pars_fragment>

void main() {
  vec3 dir = normalize(vDirection);
  float up = max(dir.y, 0.0);
  vec3 horizon = horizonColour(dir);
  // Humid air keeps a wide milky band above the horizon before the sky turns blue.
  vec3 sky = mix(horizon, uZenith, smoothstep(0.0, 1.0, pow(up, 0.6)));
  sky += sunHalo(dir);
  // The disc itself, about a degree across, soft-edged and dimmed by haze when low.
  float mu = dot(dir, uSunDirection);
  float disc = smoothstep(0.99982, 0.99992, mu);
  float clearness = mix(0.45, 1.0, smoothstep(0.0, 0.5, uSunDirection.y));
  sky += uSunGlow * disc * 6.0 * clearness;
  gl_FragColor = vec4(sky, 1.0);
  #include <tonemapping_fragment>
  #include <colorspace_fragment>
  #include <dithering_fragment>
}
`;

export function createSkyMaterial(params: AtmosphereParams): ShaderMaterial {
  const { palette } = params;
  return new ShaderMaterial({
    name: 'yunshan-sky',
    vertexShader,
    fragmentShader,
    uniforms: {
      uZenith: { value: new Color(palette.zenith) },
      ...horizonUniforms(params),
    },
    // Seen from inside.
    side: BackSide,
    depthTest: false,
    depthWrite: false,
    fog: false,
    dithering: true,
  });
}
