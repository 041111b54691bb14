// A stand-in for navigator.xr in headless Chromium, whose test tooling here offers no WebXR
// emulation (the WebXR Test API needs a content shell with Mojo bindings; the emulator is a
// browser extension). It says a headset is present, records what the player asks of it, and
// serves session frames: by default two eyes with 90° frusta looking straight ahead from the
// origin; `window.__xrStub.head` turns the head (a quaternion), and `window.__xrStub.monoFovDeg`
// (set before the session starts) serves one view over the whole layer with that vertical field
// of view, the layer's aspect, as a page's own view would have. The layer it hands out draws
// into the page's canvas (a null framebuffer), so what the session drew can be screenshot.
// A string, not a function: tsx would wrap a function's inner names in __name().

export interface XRStubLog {
  supportedAsked: string[];
  requested: { mode: string; init: unknown }[];
  referenceSpaces: string[];
  framesServed: number;
  ended: number;
}

export const XR_STUB = `
  (() => {
    const log = { supportedAsked: [], requested: [], referenceSpaces: [], framesServed: 0, ended: 0, session: null,
      head: { x: 0, y: 0, z: 0, w: 1 }, monoFovDeg: null };
    window.__xrStub = log;
    const near = 0.1, far = 10000;
    const perspective = (tanHalfY, aspect) => {
      const f = 1 / tanHalfY;
      return new Float32Array([f / aspect,0,0,0, 0,f,0,0, 0,0,(far+near)/(near-far),-1, 0,0,(2*far*near)/(near-far),0]);
    };
    const matrixOf = (q) => {
      const { x, y, z, w } = q;
      return new Float32Array([1-2*(y*y+z*z), 2*(x*y+z*w), 2*(x*z-y*w), 0, 2*(x*y-z*w), 1-2*(x*x+z*z), 2*(y*z+x*w), 0,
        2*(x*z+y*w), 2*(y*z-x*w), 1-2*(x*x+y*y), 0, 0, 0, 0, 1]);
    };
    const viewsOf = (session) => {
      const orientation = { ...log.head };
      const transform = { matrix: matrixOf(orientation), position: { x: 0, y: 0, z: 0, w: 1 }, orientation };
      const layer = session.renderState.baseLayer;
      if (log.monoFovDeg !== null && layer) {
        const aspect = layer.framebufferWidth / layer.framebufferHeight;
        return [{ eye: 'none', projectionMatrix: perspective(Math.tan((log.monoFovDeg * Math.PI) / 360), aspect), transform }];
      }
      return ['left', 'right'].map((eye) => ({ eye, projectionMatrix: perspective(1, 1), transform }));
    };
    class StubSession extends EventTarget {
      constructor() {
        super();
        this.renderState = { depthNear: near, depthFar: far, baseLayer: null };
        this.inputSources = [];
        this.enabledFeatures = ['local'];
        this.environmentBlendMode = 'opaque';
        this.visibilityState = 'visible';
        this.frames = new Map();
        this.nextFrame = 1;
        this.over = false;
      }
      async updateRenderState(state) { Object.assign(this.renderState, state); }
      async requestReferenceSpace(type) {
        log.referenceSpaces.push(type);
        return { getOffsetReferenceSpace() { return this; } };
      }
      requestAnimationFrame(callback) {
        const id = this.nextFrame++;
        const timer = setTimeout(() => {
          if (this.over) return;
          log.framesServed += 1;
          const session = this;
          callback(performance.now(), { session, getViewerPose: () => ({ transform: viewsOf(session)[0].transform, views: viewsOf(session) }), getPose: () => null });
        }, 16);
        this.frames.set(id, timer);
        return id;
      }
      cancelAnimationFrame(id) { clearTimeout(this.frames.get(id)); }
      async end() {
        if (this.over) return;
        this.over = true;
        log.ended += 1;
        this.dispatchEvent(new Event('end'));
      }
    }
    Object.defineProperty(navigator, 'xr', {
      configurable: true,
      value: {
        async isSessionSupported(mode) { log.supportedAsked.push(mode); return mode === 'immersive-vr'; },
        async requestSession(mode, init) {
          log.requested.push({ mode, init });
          log.session = new StubSession();
          return log.session;
        },
        addEventListener() {},
        removeEventListener() {},
      },
    });
    // The layer the stub's session draws into: the page's own canvas (a null framebuffer).
    window.XRWebGLLayer = class {
      constructor(session, gl, init) { this.framebuffer = null; this.framebufferWidth = gl.drawingBufferWidth; this.framebufferHeight = gl.drawingBufferHeight; this.antialias = false; this.ignoreDepthValues = false; this.fixedFoveation = null; }
      getViewport(view) {
        if (view.eye === 'none') return { x: 0, y: 0, width: this.framebufferWidth, height: this.framebufferHeight };
        const w = this.framebufferWidth / 2;
        return { x: view.eye === 'left' ? 0 : w, y: 0, width: w, height: this.framebufferHeight };
      }
    };
    window.XRWebGLBinding = undefined;
    WebGL2RenderingContext.prototype.makeXRCompatible = async function () {};
  })();
`;
