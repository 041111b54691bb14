// The grade after the tone curve (see film-grades.ts): saturation, contrast, a cool lift in
// the shadows and a warm gain in the highlights, in display-referred linear light.
import { Effect } from 'postprocessing';
import { Color, Uniform } from 'three';
import type { FilmGrade } from './film-grades';

const fragmentShader = /* glsl */ `
uniform vec3 uShadowTint;
uniform vec3 uHighlightTint;
uniform float uSaturation;
uniform float uContrast;

void mainImage(const in vec4 inputColor, const in vec2 uv, out vec4 outputColor) {
  vec3 c = clamp(inputColor.rgb, 0.0, 1.0);
  float luma = dot(c, vec3(0.2126, 0.7152, 0.0722));
  c = max(mix(vec3(luma), c, uSaturation), 0.0);
  // Contrast in a perceptual space, so mid grey stays put.
  vec3 perceptual = pow(c, vec3(1.0 / 2.2));
  perceptual = clamp((perceptual - 0.5) * uContrast + 0.5, 0.0, 1.0);
  c = pow(perceptual, vec3(2.2));
  c = c * mix(vec3(1.0), uHighlightTint, smoothstep(0.2, 0.9, luma)) + uShadowTint * (1.0 - smoothstep(0.0, 0.35, luma));
  outputColor = vec4(c, inputColor.a);
}
`;

export class FilmGradeEffect extends Effect {
  constructor(grade: FilmGrade) {
    super('FilmGradeEffect', fragmentShader, {
      uniforms: new Map<string, Uniform>([
        ['uShadowTint', new Uniform(new Color(grade.shadowTint))],
        ['uHighlightTint', new Uniform(new Color(grade.highlightTint))],
        ['uSaturation', new Uniform(grade.saturation)],
        ['uContrast', new Uniform(grade.contrast)],
      ]),
    });
  }
}
