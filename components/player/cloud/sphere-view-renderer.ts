// Draws the visitor's view out of a decoded sphere frame (an equirect picture, see
// scenes/protocol/sphere-mapping.ts) with a few lines of raw WebGL2: one triangle over the
// viewport whose fragments each turn their ray into the frame's longitude and latitude. Turning
// the view is a redraw of the picture already on the GPU: nothing is asked of the server. The
// same draw serves the page's canvas and each eye of a headset (sphere-immersive.ts).
//
// A video frame comes as its Y, U and V planes (three one-channel textures, converted to RGB
// per pixel here, yuv-colour.ts): 3 MB a 2k frame instead of the 8 MB of RGBA the browser
// would make, and none of the browser's own conversion, which on software GL took the GPU
// process a tenth of a second a frame and held up every animation frame behind it. Pictures
// that are not planar video (JPEG bitmaps) go up as RGBA.
import type { SphereView } from '@/scenes/protocol/sphere-mapping';
import { VIGNETTE_GLSL } from '@/components/xr/vignette-glsl';
import type { YuvToRgb } from './yuv-colour';

const VERTEX_SHADER = `#version 300 es
in vec2 corner;
out vec2 ndc;
void main() {
  ndc = corner;
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

// The same mapping as equirectUvOf: u = 0.5 - yaw / 2π, v = 0.5 - pitch / π; u wraps (REPEAT) across the seam behind.
// `shift` is an off-centre frustum's centre in ndc (a headset's eyes look slightly inwards); zero for the page.
const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform sampler2D sphere;
uniform sampler2D planeY;
uniform sampler2D planeU;
uniform sampler2D planeV;
uniform bool planar;
uniform mat3 yuvMatrix;
uniform vec3 yuvOffset;
uniform vec3 forward;
uniform vec3 right;
uniform vec3 up;
uniform vec2 tanHalf;
uniform vec2 shift;
uniform float vignette;
in vec2 ndc;
out vec4 colour;
const float PI = 3.141592653589793;
${VIGNETTE_GLSL}
void main() {
  vec2 at = ndc + shift;
  vec3 d = normalize(forward + at.x * tanHalf.x * right + at.y * tanHalf.y * up);
  float yaw = atan(-d.x, -d.z);
  float pitch = asin(clamp(d.y, -1.0, 1.0));
  vec2 uv = vec2(0.5 - yaw / (2.0 * PI), 0.5 - pitch / PI);
  vec3 rgb = planar
    ? clamp(yuvMatrix * vec3(texture(planeY, uv).r, texture(planeU, uv).r, texture(planeV, uv).r) + yuvOffset, 0.0, 1.0)
    : texture(sphere, uv).rgb;
  colour = vec4(rgb * (1.0 - vignetteAlpha(ndc, vignette)), 1.0);
}`;

type UniformName = 'forward' | 'right' | 'up' | 'tanHalf' | 'shift' | 'vignette' | 'planar' | 'yuvMatrix' | 'yuvOffset';
const UNIFORMS: readonly UniformName[] = ['forward', 'right', 'up', 'tanHalf', 'shift', 'vignette', 'planar', 'yuvMatrix', 'yuvOffset'];

/** One plane of a frame copied out of a VideoFrame: where it starts in the buffer and its row stride (bytes). */
export interface PlaneLayout {
  offset: number;
  stride: number;
}

/** A frame's I420 planes in one buffer (VideoFrame.copyTo's layout), with how to turn them into RGB. */
export interface I420Picture {
  width: number;
  height: number;
  data: Uint8Array;
  /** Y, U, V. */
  planes: readonly [PlaneLayout, PlaneLayout, PlaneLayout];
  colour: YuvToRgb;
}

/** Where on the target to draw and what: one eye of a headset, or the whole canvas. */
export interface ViewTarget {
  framebuffer: WebGLFramebuffer | null;
  viewport: { x: number; y: number; width: number; height: number };
  /** The frustum's centre in ndc (zero for a symmetric view). */
  shift?: readonly [number, number];
  /** Comfort vignette strength, 0 (open) to 1. */
  vignette?: number;
}

export class SphereViewRenderer {
  readonly #gl: WebGL2RenderingContext;
  readonly #program: WebGLProgram;
  readonly #corners: WebGLBuffer | null;
  readonly #rgba: WebGLTexture;
  readonly #planes: [WebGLTexture, WebGLTexture, WebGLTexture];
  #planeSize = { width: 0, height: 0 };
  #planar = false;
  readonly #uniforms: Record<UniformName, WebGLUniformLocation | null>;
  #hasPicture = false;

  /** Throws when the browser gives no WebGL2 context: the caller then keeps the flat stream. */
  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, preserveDrawingBuffer: false });
    if (!gl) throw new Error('No WebGL2 context for the sphere view');
    this.#gl = gl;
    this.#program = linkProgram(gl);
    gl.useProgram(this.#program);
    this.#corners = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, this.#corners);
    // One triangle that covers the viewport.
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
    const corner = gl.getAttribLocation(this.#program, 'corner');
    gl.enableVertexAttribArray(corner);
    gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
    this.#rgba = newTexture(gl);
    this.#planes = [newTexture(gl), newTexture(gl), newTexture(gl)];
    ['sphere', 'planeY', 'planeU', 'planeV'].forEach((name, unit) => gl.uniform1i(gl.getUniformLocation(this.#program, name), unit));
    this.#uniforms = Object.fromEntries(UNIFORMS.map((name) => [name, gl.getUniformLocation(this.#program, name)])) as Record<
      UniformName,
      WebGLUniformLocation | null
    >;
  }

  /** The context, for binding a headset session to it. */
  get gl(): WebGL2RenderingContext {
    return this.#gl;
  }

  get hasPicture(): boolean {
    return this.#hasPicture;
  }

  /** Takes a picture that is not planar video (a JPEG bitmap) onto the GPU as RGBA; the caller may close it once this returns. */
  upload(image: TexImageSource): void {
    const gl = this.#gl;
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, this.#rgba);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
    this.#planar = false;
    this.#hasPicture = true;
  }

  /** Takes a video frame's planes onto the GPU (storage made once per size, then only rewritten). */
  uploadI420(picture: I420Picture): void {
    const gl = this.#gl;
    const { width, height } = picture;
    const sizes = [
      [width, height],
      [Math.ceil(width / 2), Math.ceil(height / 2)],
      [Math.ceil(width / 2), Math.ceil(height / 2)],
    ] as const;
    const resized = this.#planeSize.width !== width || this.#planeSize.height !== height;
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
    this.#planes.forEach((texture, i) => {
      gl.activeTexture(gl.TEXTURE1 + i);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      const [w, h] = sizes[i];
      const plane = picture.planes[i];
      gl.pixelStorei(gl.UNPACK_ROW_LENGTH, plane.stride);
      if (resized) gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, w, h, 0, gl.RED, gl.UNSIGNED_BYTE, picture.data, plane.offset);
      else gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, w, h, gl.RED, gl.UNSIGNED_BYTE, picture.data, plane.offset);
    });
    gl.pixelStorei(gl.UNPACK_ROW_LENGTH, 0);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.activeTexture(gl.TEXTURE0);
    this.#planeSize = { width, height };
    gl.uniformMatrix3fv(this.#uniforms.yuvMatrix, false, picture.colour.matrix);
    gl.uniform3fv(this.#uniforms.yuvOffset, picture.colour.offset);
    this.#planar = true;
    this.#hasPicture = true;
  }

  /** Draws the view of the last uploaded frame: over the whole canvas at its current size, or where `target` says. */
  draw(view: SphereView, target?: ViewTarget): void {
    const gl = this.#gl;
    const viewport = target?.viewport ?? { x: 0, y: 0, width: this.canvas.width, height: this.canvas.height };
    gl.bindFramebuffer(gl.FRAMEBUFFER, target?.framebuffer ?? null);
    gl.viewport(viewport.x, viewport.y, viewport.width, viewport.height);
    gl.uniform1i(this.#uniforms.planar, this.#planar ? 1 : 0);
    gl.uniform3fv(this.#uniforms.forward, view.forward);
    gl.uniform3fv(this.#uniforms.right, view.right);
    gl.uniform3fv(this.#uniforms.up, view.up);
    gl.uniform2f(this.#uniforms.tanHalf, view.tanHalfX, view.tanHalfY);
    gl.uniform2f(this.#uniforms.shift, target?.shift?.[0] ?? 0, target?.shift?.[1] ?? 0);
    gl.uniform1f(this.#uniforms.vignette, target?.vignette ?? 0);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** A headset view before the first sphere frame: black, not whatever the framebuffer held. */
  clear(target: ViewTarget): void {
    const gl = this.#gl;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target.framebuffer);
    gl.viewport(target.viewport.x, target.viewport.y, target.viewport.width, target.viewport.height);
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
  }

  /**
   * Frees what this view put on the GPU. The context itself stays with the canvas: a later
   * view on the same canvas (a new look route, the stream view bound again) gets the same
   * context from getContext, and one lost on purpose here would reach it lost, so that the
   * sphere could never be drawn there again ("cannot turn here" after a handover).
   */
  dispose(): void {
    const gl = this.#gl;
    for (const texture of [this.#rgba, ...this.#planes]) gl.deleteTexture(texture);
    gl.deleteBuffer(this.#corners);
    gl.deleteProgram(this.#program);
  }
}

function newTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const texture = gl.createTexture();
  if (!texture) throw new Error('No texture for the sphere view');
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  return texture;
}

function linkProgram(gl: WebGL2RenderingContext): WebGLProgram {
  const program = gl.createProgram();
  for (const [type, source] of [
    [gl.VERTEX_SHADER, VERTEX_SHADER],
    [gl.FRAGMENT_SHADER, FRAGMENT_SHADER],
  ] as const) {
    const shader = gl.createShader(type);
    if (!shader) throw new Error('No shader for the sphere view');
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`Sphere view shader: ${gl.getShaderInfoLog(shader)}`);
    gl.attachShader(program, shader);
  }
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`Sphere view program: ${gl.getProgramInfoLog(program)}`);
  return program;
}
