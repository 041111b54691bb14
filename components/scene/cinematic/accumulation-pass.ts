// Averages the jittered, time-shifted sub-frames of one baked frame in linear light, before the
// tone curve: each sub-frame's picture is blended into a running mean (weight 1/(n+1)), and the
// last one hands the mean on to the passes after it (bloom, tone curve, grade), which then run
// once a frame instead of once a sub-frame. Averaging scene light, not graded pixels, is also
// how film smears a bright edge in motion. Half-float buffers, so sub-frames add up without banding.
import { Pass } from 'postprocessing';
import { HalfFloatType, ShaderMaterial, Uniform, WebGLRenderTarget, type Texture, type WebGLRenderer } from 'three';
import { FULLSCREEN_QUAD_VERTEX_GLSL } from './fullscreen-quad-glsl';

const blendShader = /* glsl */ `
uniform sampler2D uSubFrame;
uniform sampler2D uMean;
uniform float uWeight;
varying vec2 vUv;
void main() {
  vec4 subFrame = texture2D(uSubFrame, vUv);
  // The first sub-frame replaces the mean outright: mix(a, b, 1.0) can round a last bit of the
  // previous frame into it, and a frame must not depend on what was drawn before it.
  gl_FragColor = uWeight >= 1.0 ? subFrame : mix(texture2D(uMean, vUv), subFrame, uWeight);
}
`;

export class AccumulationPass extends Pass {
  private readonly blend: ShaderMaterial;
  private targets: [WebGLRenderTarget, WebGLRenderTarget];
  /** Index of the sub-frame about to be rendered; set before each composer.render. */
  subFrame = 0;
  subFrames = 1;

  constructor() {
    super('AccumulationPass');
    this.needsSwap = false;
    this.blend = new ShaderMaterial({
      vertexShader: FULLSCREEN_QUAD_VERTEX_GLSL,
      fragmentShader: blendShader,
      uniforms: { uSubFrame: new Uniform(null), uMean: new Uniform(null), uWeight: new Uniform(1) },
      depthTest: false,
      depthWrite: false,
    });
    this.fullscreenMaterial = this.blend;
    const target = () => new WebGLRenderTarget(1, 1, { type: HalfFloatType, depthBuffer: false });
    this.targets = [target(), target()];
  }

  /** Whether this composer run completes the frame: only then do the passes after this one run. */
  get isLastSubFrame(): boolean {
    return this.subFrame === this.subFrames - 1;
  }

  override setSize(width: number, height: number): void {
    for (const target of this.targets) target.setSize(width, height);
  }

  override render(renderer: WebGLRenderer, inputBuffer: WebGLRenderTarget | null, outputBuffer: WebGLRenderTarget | null): void {
    const [mean, next] = this.targets;
    this.blend.uniforms.uSubFrame.value = inputBuffer?.texture ?? null;
    this.blend.uniforms.uMean.value = mean.texture as Texture;
    this.blend.uniforms.uWeight.value = 1 / (this.subFrame + 1);
    // The last sub-frame's mean goes straight to the next pass; the others keep it for the next sub-frame.
    this.needsSwap = this.isLastSubFrame;
    renderer.setRenderTarget(this.isLastSubFrame ? outputBuffer : next);
    renderer.render(this.scene, this.camera);
    if (!this.isLastSubFrame) this.targets = [next, mean];
  }

  override dispose(): void {
    for (const target of this.targets) target.dispose();
    this.blend.dispose();
    super.dispose();
  }
}
