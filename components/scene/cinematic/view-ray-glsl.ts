// A pixel's view ray in world space from the depth buffer: shared by the cloud march and the
// composite that lays it over the scene. Post-processing quads have a camera of their own,
// so the view camera comes in as uniforms, not three's cameraPosition.

export const VIEW_RAY_GLSL = /* glsl */ `
uniform mat4 uInverseProjection;
uniform mat4 uCameraWorld;

// xyz: unit direction from the camera; w: distance to the surface in metres (1e9 for the sky).
vec4 viewRay(vec2 uv, float depth) {
  vec4 view = uInverseProjection * vec4(uv * 2.0 - 1.0, depth * 2.0 - 1.0, 1.0);
  view.xyz /= view.w;
  vec3 toSurface = (uCameraWorld * vec4(view.xyz, 1.0)).xyz - uCameraWorld[3].xyz;
  float distanceM = length(toSurface);
  return vec4(toSurface / distanceM, depth >= 1.0 ? 1e9 : distanceM);
}
`;
