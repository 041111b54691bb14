// How far a rendered frame is from its golden image: the share of pixels whose largest RGB
// channel difference exceeds a tolerance (rasterisers round the last bits differently).
import assert from 'node:assert/strict';
import type { PNG } from 'pngjs';

export interface ImageDifference {
  differingFraction: number;
  maxChannelDelta: number;
}

export function compareImages(actual: PNG, expected: PNG, channelTolerance: number): ImageDifference {
  assert.equal(actual.width, expected.width, 'width');
  assert.equal(actual.height, expected.height, 'height');
  let differing = 0;
  let maxChannelDelta = 0;
  for (let p = 0; p < actual.data.length; p += 4) {
    let pixelDelta = 0;
    for (let c = 0; c < 3; c++) pixelDelta = Math.max(pixelDelta, Math.abs(actual.data[p + c] - expected.data[p + c]));
    maxChannelDelta = Math.max(maxChannelDelta, pixelDelta);
    if (pixelDelta > channelTolerance) differing++;
  }
  return { differingFraction: differing / (actual.width * actual.height), maxChannelDelta };
}
