// Averages the jittered sub-frames of one baked frame: each sub-frame's finished picture is
// blended into a running mean (weight 1/(n+1)), and the last one writes the mean to the canvas
// that the encoder reads. Half-float buffers, so four or more sub-frames add up without banding.
import { Pass } from 'postprocessing';
import { HalfFloatType, ShaderMaterial, Uniform, WebGLRenderTarget, type Texture, type WebGLRenderer } from 'three';

const vertexShader = /* glsl */ `
varying vec2 vUv;
void main() {
  vUv = position.xy * 0.5 + 0.5;
  gl_Position = vec4(position.xy, 1.0, 1.0);
}
`;

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

const outputShader = /* glsl */ `
uniform sampler2D uMean;
varying vec2 vUv;
void main() {
  gl_FragColor = vec4(texture2D(uMean, vUv).rgb, 1.0);
  #include <colorspace_fragment>
}
`;

export class AccumulationPass extends Pass {
  private readonly blend: ShaderMaterial;
  private readonly output: ShaderMaterial;
  private targets: [WebGLRenderTarget, WebGLRenderTarget];
  /** Index of the sub-frame about to be rendered; set before each composer.render. */
  subFrame = 0;
  subFrames = 1;

  constructor() {
    super('AccumulationPass');
    this.needsSwap = false;
    this.blend = new ShaderMaterial({
      vertexShader,
      fragmentShader: blendShader,
      uniforms: { uSubFrame: new Uniform(null), uMean: new Uniform(null), uWeight: new Uniform(1) },
      depthTest: false,
      depthWrite: false,
    });
    this.output = new ShaderMaterial({
      vertexShader,
      fragmentShader: outputShader,
      uniforms: { uMean: new Uniform(null) },
      depthTest: false,
      depthWrite: false,
      toneMapped: false,
    });
    const target = () => new WebGLRenderTarget(1, 1, { type: HalfFloatType, depthBuffer: false });
    this.targets = [target(), target()];
  }

  override setSize(width: number, height: number): void {
    for (const target of this.targets) target.setSize(width, height);
  }

  override render(renderer: WebGLRenderer, inputBuffer: WebGLRenderTarget | null): void {
    const [mean, next] = this.targets;
    this.fullscreenMaterial = this.blend;
    this.blend.uniforms.uSubFrame.value = inputBuffer?.texture ?? null;
    this.blend.uniforms.uMean.value = mean.texture as Texture;
    this.blend.uniforms.uWeight.value = 1 / (this.subFrame + 1);
    renderer.setRenderTarget(next);
    renderer.render(this.scene, this.camera);
    this.targets = [next, mean];
    if (this.subFrame === this.subFrames - 1) {
      this.fullscreenMaterial = this.output;
      this.output.uniforms.uMean.value = next.texture;
      renderer.setRenderTarget(null);
      renderer.render(this.scene, this.camera);
    }
  }

  override dispose(): void {
    for (const target of this.targets) target.dispose();
    this.blend.dispose();
    this.output.dispose();
    super.dispose();
  }
}
