// Draws the visitor's view out of a decoded sphere frame (an equirect picture, see
// scenes/protocol/sphere-mapping.ts) with a few lines of raw WebGL2: one triangle over the
// canvas whose fragments each turn their ray into the frame's longitude and latitude. Turning
// the view is a redraw of the picture already on the GPU: nothing is asked of the server.
import type { SphereView } from '@/scenes/protocol/sphere-mapping';

const VERTEX_SHADER = `#version 300 es
in vec2 corner;
out vec2 ndc;
void main() {
  ndc = corner;
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

// The same mapping as equirectUvOf: u = 0.5 - yaw / 2π, v = 0.5 - pitch / π; u wraps (REPEAT) across the seam behind.
const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform sampler2D sphere;
uniform vec3 forward;
uniform vec3 right;
uniform vec3 up;
uniform vec2 tanHalf;
in vec2 ndc;
out vec4 colour;
const float PI = 3.141592653589793;
void main() {
  vec3 d = normalize(forward + ndc.x * tanHalf.x * right + ndc.y * tanHalf.y * up);
  float yaw = atan(-d.x, -d.z);
  float pitch = asin(clamp(d.y, -1.0, 1.0));
  colour = vec4(texture(sphere, vec2(0.5 - yaw / (2.0 * PI), 0.5 - pitch / PI)).rgb, 1.0);
}`;

export class SphereViewRenderer {
  readonly #gl: WebGL2RenderingContext;
  readonly #program: WebGLProgram;
  readonly #texture: WebGLTexture;
  readonly #uniforms: Record<'forward' | 'right' | 'up' | 'tanHalf', WebGLUniformLocation | null>;
  #hasPicture = false;

  /** Throws when the browser gives no WebGL2 context: the caller then keeps the flat stream. */
  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { alpha: false, antialias: false, depth: false, preserveDrawingBuffer: false });
    if (!gl) throw new Error('No WebGL2 context for the sphere view');
    this.#gl = gl;
    this.#program = linkProgram(gl);
    gl.useProgram(this.#program);
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    // One triangle that covers the canvas.
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
    const corner = gl.getAttribLocation(this.#program, 'corner');
    gl.enableVertexAttribArray(corner);
    gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
    const texture = gl.createTexture();
    if (!texture) throw new Error('No texture for the sphere view');
    this.#texture = texture;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.uniform1i(gl.getUniformLocation(this.#program, 'sphere'), 0);
    this.#uniforms = {
      forward: gl.getUniformLocation(this.#program, 'forward'),
      right: gl.getUniformLocation(this.#program, 'right'),
      up: gl.getUniformLocation(this.#program, 'up'),
      tanHalf: gl.getUniformLocation(this.#program, 'tanHalf'),
    };
  }

  get hasPicture(): boolean {
    return this.#hasPicture;
  }

  /** Takes a decoded sphere frame onto the GPU; the caller may close it once this returns. */
  upload(image: TexImageSource): void {
    const gl = this.#gl;
    gl.bindTexture(gl.TEXTURE_2D, this.#texture);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, image);
    this.#hasPicture = true;
  }

  /** Draws the view of the last uploaded frame at the canvas's current size. */
  draw(view: SphereView): void {
    const gl = this.#gl;
    gl.viewport(0, 0, this.canvas.width, this.canvas.height);
    gl.uniform3fv(this.#uniforms.forward, view.forward);
    gl.uniform3fv(this.#uniforms.right, view.right);
    gl.uniform3fv(this.#uniforms.up, view.up);
    gl.uniform2f(this.#uniforms.tanHalf, view.tanHalfX, view.tanHalfY);
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  dispose(): void {
    this.#gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
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
