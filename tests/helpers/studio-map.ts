// Where a world point lies on the studio's map, from the view the map reports in its data
// attributes (centre and scale), so tests click and sample the map the way RouteMap draws it.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface MapGeometry {
  left: number;
  top: number;
  widthPx: number;
  heightPx: number;
  centerX: number;
  centerZ: number;
  pxPerM: number;
}

export async function mapGeometry(page: Page): Promise<MapGeometry> {
  const map = page.getByTestId('studio-map');
  const box = await map.boundingBox();
  assert.ok(box, 'the map is on screen');
  const view = await map.evaluate((el) => ({
    centerX: Number(el.getAttribute('data-center-x')),
    centerZ: Number(el.getAttribute('data-center-z')),
    pxPerM: Number(el.getAttribute('data-px-per-m')),
  }));
  assert.ok(view.pxPerM > 0, 'the map reports its view');
  return { left: box.x, top: box.y, widthPx: box.width, heightPx: box.height, ...view };
}

/** Map-local CSS pixels of a world point, as RouteMap's worldToCanvas places it. */
export function toMapPx(map: MapGeometry, x: number, z: number): [number, number] {
  return [map.widthPx / 2 + (x - map.centerX) * map.pxPerM, map.heightPx / 2 + (z - map.centerZ) * map.pxPerM];
}

export function toClient(map: MapGeometry, x: number, z: number): { x: number; y: number } {
  const [px, py] = toMapPx(map, x, z);
  assert.ok(px > 0 && px < map.widthPx && py > 0 && py < map.heightPx, `(${x}, ${z}) is on the map`);
  return { x: map.left + px, y: map.top + py };
}
