// The generated world reads as Wulingyuan at the right scale, and the landmarks stand where the routes expect.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld } from '@/scenes/world/world';
import { FIRST_BRIDGE, GOLDEN_WHIP_STREAM, HALLELUJAH, TIANZI_PLATEAU, WORLD_HALF_EXTENT_M } from '@/scenes/world/landmarks';
import { pillarSolidTopY } from '@/scenes/world/pillar';

const world = createWorld();
const ordinary = world.pillars.filter((p) => p.landmark === null);

describe('world layout', () => {
  test('hundreds of pillars with plausible heights and sizes', () => {
    assert.ok(ordinary.length >= 400 && ordinary.length <= 1200, `pillar count ${ordinary.length}`);
    for (const p of ordinary) {
      assert.ok(p.topY - world.heightAt(p.x, p.z) >= 115 && p.topY <= 1120, `top ${p.topY}`);
      assert.ok(p.baseY > 380 && p.baseY < 800, `base ${p.baseY}`);
      assert.ok(p.topY - p.baseY >= 120, `height ${p.topY - p.baseY}`);
      assert.ok(Math.max(p.radiusXM, p.radiusZM) <= 90);
      assert.ok(Math.abs(p.x) < WORLD_HALF_EXTENT_M && Math.abs(p.z) < WORLD_HALF_EXTENT_M);
      assert.ok(p.archetype >= 0 && p.archetype < world.archetypeCount);
    }
    const leaning = ordinary.filter((p) => Math.hypot(p.leanX, p.leanZ) > 0.015).length;
    assert.ok(leaning > ordinary.length * 0.1, 'some pillars lean');
    const archetypesUsed = new Set(ordinary.map((p) => p.archetype));
    assert.equal(archetypesUsed.size, world.archetypeCount);
  });

  test('heights vary like Wulingyuan: most 120–300 m, a few far taller, tops at many levels', () => {
    const heights = ordinary.map((p) => p.topY - p.baseY).sort((a, b) => a - b);
    const quantile = (f: number) => heights[Math.floor(f * (heights.length - 1))];
    const inCommonRange = heights.filter((h) => h >= 120 && h <= 300).length;
    assert.ok(inCommonRange > 0.6 * heights.length, `${inCommonRange} of ${heights.length} in 120–300 m`);
    assert.ok(quantile(0.9) - quantile(0.1) > 100, `10–90% spread ${quantile(0.1)}–${quantile(0.9)}`);
    const tall = heights.filter((h) => h > 300).length;
    assert.ok(tall >= 15 && tall < 0.25 * heights.length, `${tall} over 300 m`);
    const tops = ordinary.map((p) => p.topY);
    const meanTop = tops.reduce((s, t) => s + t, 0) / tops.length;
    const sdTop = Math.sqrt(tops.reduce((s, t) => s + (t - meanTop) ** 2, 0) / tops.length);
    assert.ok(sdTop > 60, `tops spread ${sdTop.toFixed(0)} m`);
  });

  test('massive blocks stand among slender columns, and none is a pole', () => {
    const widest = (p: (typeof ordinary)[number]) => Math.max(p.radiusXM, p.radiusZM);
    const tallness = (p: (typeof ordinary)[number]) => (p.topY - world.heightAt(p.x, p.z)) / (2 * widest(p));
    assert.ok(ordinary.filter((p) => widest(p) > 44).length >= 40, 'massive blocks');
    assert.ok(ordinary.filter((p) => tallness(p) > 4).length > 0.2 * ordinary.length, 'slender columns');
    // A column more than ten times as tall as it is wide read as a pole at thumbnail size.
    for (const p of ordinary) assert.ok(tallness(p) < 10 && widest(p) >= 11, `${tallness(p).toFixed(1)}:1, ${widest(p).toFixed(0)} m`);
    assert.ok(
      ordinary.filter((p) => Math.min(p.radiusXM, p.radiusZM) < 0.8 * widest(p)).length > 0.3 * ordinary.length,
      'squarish-to-oblong sections',
    );
  });

  test('pillars stand in groups split by clefts, with open valleys between the groups', () => {
    let inCleft = 0;
    for (const p of ordinary) {
      const gap = Math.min(
        ...ordinary
          .filter((o) => o !== p)
          .map((o) => Math.hypot(o.x - p.x, o.z - p.z) - Math.max(o.radiusXM, o.radiusZM) - Math.max(p.radiusXM, p.radiusZM)),
      );
      if (gap < 15) inCleft++;
    }
    assert.ok(inCleft > 0.4 * ordinary.length, `${inCleft} pillars with a neighbour across a cleft`);
    let open = 0;
    let sampled = 0;
    for (let x = -2000; x <= 2000; x += 100) {
      for (let z = TIANZI_PLATEAU.edgeZ + 200; z <= 2000; z += 100) {
        if (world.stream.distanceM(x, z) < 250) continue;
        sampled++;
        if (ordinary.every((p) => Math.hypot(p.x - x, p.z - z) > 150)) open++;
      }
    }
    assert.ok(open > 0.15 * sampled && open < 0.7 * sampled, `${open} of ${sampled} samples in open valley`);
  });

  test('pillars gather in knots at every scale, never at a regular spacing', () => {
    // Centre-to-centre distance to the nearest neighbour: an even spacing makes these all alike.
    const nearest = ordinary.map((p) => Math.min(...ordinary.filter((o) => o !== p).map((o) => Math.hypot(o.x - p.x, o.z - p.z))));
    const mean = nearest.reduce((s, d) => s + d, 0) / nearest.length;
    const sd = Math.sqrt(nearest.reduce((s, d) => s + (d - mean) ** 2, 0) / nearest.length);
    assert.ok(sd / mean > 0.55, `nearest-neighbour distances vary by ${(sd / mean).toFixed(2)} of their mean`);
    // Clark and Evans' ratio: 1 for pillars scattered at random, above 1 for a regular spacing, below for clusters.
    const xs = ordinary.map((p) => p.x);
    const zs = ordinary.map((p) => p.z);
    const areaM2 = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...zs) - Math.min(...zs));
    const ratio = mean / (0.5 / Math.sqrt(ordinary.length / areaM2));
    // Centres of pillars 50–120 m across cannot crowd as close as points do, so the bar sits above
    // a point process's clustered values but well below the 1 of a random scatter.
    assert.ok(ratio < 0.92, `Clark-Evans ratio ${ratio.toFixed(2)}`);
    // Some pillars stand fused at the foot with a neighbour (their footprints overlap), as slabs of one block split higher up.
    const widest = (p: (typeof ordinary)[number]) => Math.max(p.radiusXM, p.radiusZM);
    const fused = ordinary.filter((p) => ordinary.some((o) => o !== p && Math.hypot(o.x - p.x, o.z - p.z) < widest(o) + widest(p))).length;
    assert.ok(fused > 0.05 * ordinary.length, `${fused} pillars fused with a neighbour`);
  });

  test('valley floor between 400 and 650 m away from the plateau and the rim hills', () => {
    for (let x = -1500; x <= 1500; x += 250) {
      for (let z = -1200; z <= 1500; z += 250) {
        const h = world.heightAt(x, z);
        assert.ok(h >= 400 && h <= 650, `ground ${h} at ${x},${z}`);
      }
    }
  });

  test('Hallelujah Mountain stands alone with its summit near 1,080 m', () => {
    const h = world.pillars.find((p) => p.landmark === 'hallelujah');
    assert.ok(h);
    assert.equal(h.x, HALLELUJAH.x);
    assert.ok(Math.abs(pillarSolidTopY(h) - HALLELUJAH.summitM) <= 5);
    for (const p of world.pillars) {
      if (p === h) continue;
      const distanceM = Math.hypot(p.x - h.x, p.z - h.z);
      assert.ok(distanceM > HALLELUJAH.clearRadiusM, `pillar ${p.index} too close`);
      // Its neighbours stay clearly lower, so the column reads as alone and tall.
      if (distanceM < 700) assert.ok(pillarSolidTopY(p) < HALLELUJAH.summitM - 180, `pillar ${p.index} rivals it: ${p.topY}`);
    }
  });

  test('First Bridge joins two pillars and the slot under it is open', () => {
    const west = world.pillars.find((p) => p.landmark === 'bridge-west');
    const east = world.pillars.find((p) => p.landmark === 'bridge-east');
    assert.ok(west && east);
    assert.ok(west.topY > FIRST_BRIDGE.deckTopM && east.topY > FIRST_BRIDGE.deckTopM);
    assert.ok(world.clearanceAt([FIRST_BRIDGE.x, FIRST_BRIDGE.deckTopM - 10, FIRST_BRIDGE.z]) < 0, 'the deck is solid');
    for (let y = FIRST_BRIDGE.slabUndersideM - 15; y > world.heightAt(FIRST_BRIDGE.x, FIRST_BRIDGE.z) + 30; y -= 40) {
      assert.ok(world.clearanceAt([FIRST_BRIDGE.x, y, FIRST_BRIDGE.z]) >= 12, `slot blocked at ${y}`);
    }
    for (const p of world.pillars) {
      if (p.landmark === 'bridge-west' || p.landmark === 'bridge-east') continue;
      assert.ok(Math.hypot(p.x - FIRST_BRIDGE.x, p.z - FIRST_BRIDGE.z) > FIRST_BRIDGE.clearRadiusM);
    }
  });

  test('First Bridge is a thick flat slab across a cleft between two long walls, not an arch between posts', () => {
    const { bridge } = world;
    const quarter = FIRST_BRIDGE.spanM / 4;
    // Flat over the middle of the span: an arch would rise there.
    for (let dx = -quarter; dx <= quarter; dx += 2) assert.equal(bridge.undersideAt(FIRST_BRIDGE.x + dx), FIRST_BRIDGE.slabUndersideM);
    assert.ok(FIRST_BRIDGE.deckTopM - FIRST_BRIDGE.slabUndersideM >= 25, 'thick');
    for (const id of ['bridge-west', 'bridge-east'] as const) {
      const wall = world.pillars.find((p) => p.landmark === id);
      assert.ok(wall);
      // Long along the cleft (z) and thick across it: a wall, not a post.
      assert.ok(
        wall.radiusZM >= 2 * FIRST_BRIDGE.spanM && wall.radiusXM >= FIRST_BRIDGE.spanM,
        `${id} ${wall.radiusXM} x ${wall.radiusZM}`,
      );
    }
    // The cleft is open all along the walls at the height a flight passes under the slab, and rock stands close on both sides.
    const y = FIRST_BRIDGE.slabUndersideM - 40;
    for (let z = FIRST_BRIDGE.wallCentreZ - 60; z <= FIRST_BRIDGE.wallCentreZ + 60; z += 10) {
      assert.ok(world.clearanceAt([FIRST_BRIDGE.x, y, z]) >= 12, `cleft blocked at z ${z}`);
      assert.ok(world.clearanceAt([FIRST_BRIDGE.x - FIRST_BRIDGE.spanM, y, z]) < 12, `no west wall at z ${z}`);
      assert.ok(world.clearanceAt([FIRST_BRIDGE.x + FIRST_BRIDGE.spanM, y, z]) < 12, `no east wall at z ${z}`);
    }
  });

  test('Tianzi plateau rises steeply north of its edge with pillars below it', () => {
    const x = TIANZI_PLATEAU.viewpointX;
    const top = world.heightAt(x, TIANZI_PLATEAU.edgeZ - 200);
    assert.ok(top > TIANZI_PLATEAU.topM - 20 && top < TIANZI_PLATEAU.highestPointM + 5, `plateau ${top}`);
    assert.ok(world.heightAt(x, TIANZI_PLATEAU.edgeZ + 250) < 700, 'valley south of the edge');
    const below = ordinary.filter((p) => p.z > TIANZI_PLATEAU.edgeZ && p.z < TIANZI_PLATEAU.edgeZ + 600);
    assert.ok(below.length >= 20, `${below.length} pillars under the edge`);
    assert.ok(
      ordinary.every((p) => p.z > TIANZI_PLATEAU.edgeZ - 60),
      'no ordinary pillar on the plateau top',
    );
  });

  test('Golden Whip Stream runs on the valley floor with its rock beside it', () => {
    for (let x = -2000; x <= 2000; x += 200) {
      const h = world.heightAt(x, world.stream.centreZAt(x));
      assert.ok(Math.abs(h - GOLDEN_WHIP_STREAM.floorM) < 3, `bed ${h} at x ${x}`);
    }
    for (const [x, z] of GOLDEN_WHIP_STREAM.path) assert.ok(world.stream.distanceM(x, z) < 1);
    const rock = world.pillars.find((p) => p.landmark === 'golden-whip-rock');
    assert.ok(rock);
    assert.equal(rock.topY, GOLDEN_WHIP_STREAM.rock.topM);
    assert.ok(world.stream.distanceM(rock.x, rock.z) < 120);
    for (const p of ordinary) assert.ok(world.stream.distanceM(p.x, p.z) > 40, 'pillar in the stream');
  });
});
