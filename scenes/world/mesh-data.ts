// Plain typed-array meshes: what the pure geometry builders return and the renderer
// uploads as-is, and what the geometry hash reads.

export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  /** Linear RGB per vertex, 0..1. */
  colors?: Float32Array;
  uvs?: Float32Array;
  indices: Uint32Array;
}

export function triangleCount(mesh: MeshData): number {
  return mesh.indices.length / 3;
}

/** Area-weighted smooth normals from the triangles. */
/**
 * Writes the quad a-b-c-d (a and b along one edge, c and d the edge after them) as the two
 * triangles a-c-b and b-c-d at indices[t], and returns where the next quad goes.
 */
export function putQuad(indices: Uint32Array, t: number, a: number, b: number, c: number, d: number): number {
  indices[t] = a;
  indices[t + 1] = c;
  indices[t + 2] = b;
  indices[t + 3] = b;
  indices[t + 4] = c;
  indices[t + 5] = d;
  return t + 6;
}

export function computeVertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t] * 3;
    const b = indices[t + 1] * 3;
    const c = indices[t + 2] * 3;
    const abx = positions[b] - positions[a];
    const aby = positions[b + 1] - positions[a + 1];
    const abz = positions[b + 2] - positions[a + 2];
    const acx = positions[c] - positions[a];
    const acy = positions[c + 1] - positions[a + 1];
    const acz = positions[c + 2] - positions[a + 2];
    const nx = aby * acz - abz * acy;
    const ny = abz * acx - abx * acz;
    const nz = abx * acy - aby * acx;
    for (const v of [a, b, c]) {
      normals[v] += nx;
      normals[v + 1] += ny;
      normals[v + 2] += nz;
    }
  }
  for (let v = 0; v < normals.length; v += 3) {
    const len = Math.hypot(normals[v], normals[v + 1], normals[v + 2]) || 1;
    normals[v] /= len;
    normals[v + 1] /= len;
    normals[v + 2] /= len;
  }
  return normals;
}

/** Concatenates meshes into one (one draw call); every part must carry colours if any does. */
export function mergeMeshes(parts: readonly MeshData[]): MeshData {
  let vertexCount = 0;
  let indexCount = 0;
  for (const p of parts) {
    vertexCount += p.positions.length / 3;
    indexCount += p.indices.length;
  }
  const withColors = parts.length > 0 && parts.every((p) => p.colors);
  const positions = new Float32Array(vertexCount * 3);
  const normals = new Float32Array(vertexCount * 3);
  const colors = withColors ? new Float32Array(vertexCount * 3) : undefined;
  const indices = new Uint32Array(indexCount);
  let vOffset = 0;
  let iOffset = 0;
  for (const p of parts) {
    positions.set(p.positions, vOffset * 3);
    normals.set(p.normals, vOffset * 3);
    if (colors && p.colors) colors.set(p.colors, vOffset * 3);
    for (let i = 0; i < p.indices.length; i++) indices[iOffset + i] = p.indices[i] + vOffset;
    vOffset += p.positions.length / 3;
    iOffset += p.indices.length;
  }
  return colors ? { positions, normals, colors, indices } : { positions, normals, indices };
}

/**
 * Applies an affine transform (column-major 4x4, no projective part) to a mesh; normals
 * go through the inverse transpose so non-uniform scale keeps them right.
 */
export function transformMesh(mesh: MeshData, m: ArrayLike<number>): MeshData {
  const positions = new Float32Array(mesh.positions.length);
  const normals = new Float32Array(mesh.normals.length);
  // Inverse transpose of the upper 3x3 via cofactors (the determinant only scales, and normals are renormalised).
  const a = m[0],
    b = m[4],
    c = m[8];
  const d = m[1],
    e = m[5],
    f = m[9];
  const g = m[2],
    h = m[6],
    k = m[10];
  const n00 = e * k - f * h,
    n01 = -(d * k - f * g),
    n02 = d * h - e * g;
  const n10 = -(b * k - c * h),
    n11 = a * k - c * g,
    n12 = -(a * h - b * g);
  const n20 = b * f - c * e,
    n21 = -(a * f - c * d),
    n22 = a * e - b * d;
  for (let i = 0; i < mesh.positions.length; i += 3) {
    const x = mesh.positions[i],
      y = mesh.positions[i + 1],
      z = mesh.positions[i + 2];
    positions[i] = a * x + b * y + c * z + m[12];
    positions[i + 1] = d * x + e * y + f * z + m[13];
    positions[i + 2] = g * x + h * y + k * z + m[14];
    const nx = mesh.normals[i],
      ny = mesh.normals[i + 1],
      nz = mesh.normals[i + 2];
    const tx = n00 * nx + n01 * ny + n02 * nz;
    const ty = n10 * nx + n11 * ny + n12 * nz;
    const tz = n20 * nx + n21 * ny + n22 * nz;
    const len = Math.hypot(tx, ty, tz) || 1;
    normals[i] = tx / len;
    normals[i + 1] = ty / len;
    normals[i + 2] = tz / len;
  }
  return { ...mesh, positions, normals };
}
