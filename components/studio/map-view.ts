// The studio map's view: which part of the world the canvas shows, and the conversions
// between world metres (x east, z south) and canvas pixels (north up). Pure.
export interface MapView {
  centerX: number;
  centerZ: number;
  /** Canvas pixels (CSS) per metre. */
  pxPerM: number;
}

export interface CanvasSize {
  widthPx: number;
  heightPx: number;
}

export const MIN_PX_PER_M = 0.04;
export const MAX_PX_PER_M = 4;

/** The whole square world, with a small margin. */
export function fitView(size: CanvasSize, halfExtentM: number, centerX = 0, centerZ = 0): MapView {
  const pxPerM = Math.min(size.widthPx, size.heightPx) / (2 * halfExtentM * 1.04);
  return { centerX, centerZ, pxPerM: clampScale(pxPerM) };
}

export function clampScale(pxPerM: number): number {
  return Math.min(MAX_PX_PER_M, Math.max(MIN_PX_PER_M, pxPerM));
}

export function worldToCanvas(view: MapView, size: CanvasSize, x: number, z: number): [number, number] {
  return [size.widthPx / 2 + (x - view.centerX) * view.pxPerM, size.heightPx / 2 + (z - view.centerZ) * view.pxPerM];
}

export function canvasToWorld(view: MapView, size: CanvasSize, px: number, py: number): [number, number] {
  return [view.centerX + (px - size.widthPx / 2) / view.pxPerM, view.centerZ + (py - size.heightPx / 2) / view.pxPerM];
}

/** Zooms by `factor` keeping the world point under (px, py) where it is. */
export function zoomAt(view: MapView, size: CanvasSize, px: number, py: number, factor: number): MapView {
  const [wx, wz] = canvasToWorld(view, size, px, py);
  const pxPerM = clampScale(view.pxPerM * factor);
  return {
    pxPerM,
    centerX: wx - (px - size.widthPx / 2) / pxPerM,
    centerZ: wz - (py - size.heightPx / 2) / pxPerM,
  };
}

export function panBy(view: MapView, dxPx: number, dyPx: number): MapView {
  return { ...view, centerX: view.centerX - dxPx / view.pxPerM, centerZ: view.centerZ - dyPx / view.pxPerM };
}
