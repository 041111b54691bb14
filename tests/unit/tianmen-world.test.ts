// The Tianmen world core: deterministic and DOM-free, Heaven's Gate truly open through solid
// rock, the cliffs where the landmarks say, every tier within budget, and the scene registry.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashTianmenGeometry, hashWorldGeometry } from '@/scenes/world/geometry-hash';
import { createSceneWorld, isTianmenWorld } from '@/scenes/world/scene-worlds';
import { HEAVENS_GATE, TIANMEN_MASSIF, TIANMEN_STAIR } from '@/scenes/world/tianmen-landmarks';
import { buildTianmenGeometry, tianmenDrawCost } from '@/scenes/world/tianmen-geometry';
import { createTianmenWorld, DEFAULT_TIANMEN_SEED } from '@/scenes/world/tianmen-world';
import { QUALITY_TIERS, TIER_BUDGETS } from '@/scenes/world/quality-tiers';
import { DEFAULT_WORLD_SEED } from '@/scenes/world/world';
import { LANDMARKS } from '@/scenes/world/landmarks';

const world = createTianmenWorld();
const g = HEAVENS_GATE;
const gateMidY = g.floorM + g.heightM / 2;
/** Atmosphere (sky, fog, cloud sea, mist) is drawn by another part of the scene: leave it this share. */
const ATMOSPHERE_SHARE = 0.15;
const ATMOSPHERE_DRAW_CALLS = 15;

describe('Tianmen world determinism', () => {
  test('builds under Node with no DOM', () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    assert.equal(world.scene, 'tianmen');
  });

  test('the same seed gives the same geometry hash, another seed or tier a different one', () => {
    const a = hashTianmenGeometry(DEFAULT_TIANMEN_SEED, 'phone');
    assert.match(a, /^[0-9a-f]{16}$/);
    assert.equal(hashTianmenGeometry(DEFAULT_TIANMEN_SEED, 'phone'), a);
    assert.notEqual(hashTianmenGeometry(DEFAULT_TIANMEN_SEED + 1, 'phone'), a);
    assert.notEqual(hashTianmenGeometry(DEFAULT_TIANMEN_SEED, 'laptop'), a);
  });

  test('two worlds from one seed answer every query alike', () => {
    const other = createTianmenWorld(DEFAULT_TIANMEN_SEED);
    for (const p of [
      [0, 1365, -250],
      [-1400, 1420, -700],
      [300, 900, 600],
    ] as const) {
      assert.equal(other.clearanceAt([...p]), world.clearanceAt([...p]));
      assert.equal(other.heightAt(p[0], p[2]), world.heightAt(p[0], p[2]));
    }
  });
});

describe('Heaven’s Gate', () => {
  test('is open: a line straight through the arch stays clear of rock', () => {
    for (let z = g.z + 150; z >= g.z - 150; z -= 2) {
      const clearanceM = world.clearanceAt([g.x, gateMidY, z]);
      assert.ok(clearanceM > 20, `clearance ${clearanceM.toFixed(1)} m at z ${z}`);
    }
  });

  test('is a hole through solid rock: beside, above and below the passage is inside the wall', () => {
    for (const dz of [-25, 0, 25]) {
      const z = g.z + dz;
      assert.ok(world.clearanceAt([g.x + g.widthM / 2 + 15, gateMidY, z]) < 0, 'east of the passage');
      assert.ok(world.clearanceAt([g.x - g.widthM / 2 - 15, gateMidY, z]) < 0, 'west of the passage');
      assert.ok(world.clearanceAt([g.x, g.floorM + g.heightM + 20, z]) < 0, 'above the roof');
      assert.ok(world.clearanceAt([g.x, g.floorM - 5, z]) < 0, 'below the floor');
    }
  });

  /** Width of the opening at a height, metres, from its outline. */
  const openingWidthAtM = (y: number): number => {
    let west = Infinity;
    let east = -Infinity;
    for (let x = g.x - 60; x <= g.x + 60; x += 0.25) {
      if (world.gateWall.openingDistanceM(x, y) < 0) {
        west = Math.min(west, x);
        east = Math.max(east, x);
      }
    }
    return east - west;
  };

  test('has the published size: about 130 m high and 57 m wide at mid-height, floor at 1,300 m', () => {
    const wall = world.gateWall;
    const ys = wall.outline.map(([, y]) => y);
    assert.ok(Math.abs(openingWidthAtM(gateMidY) - g.widthM) < 1, `width ${openingWidthAtM(gateMidY)}`);
    assert.ok(Math.abs(Math.max(...ys) - g.floorM - g.heightM) < 0.5);
    assert.equal(Math.min(...ys), g.floorM);
    assert.equal(wall.southZ - wall.northZ, g.depthM);
    // The passage is open at mid-height across its whole width, less a few metres of rim.
    assert.ok(wall.openingDistanceM(g.x + g.widthM / 2 - 3, gateMidY) < 0);
  });

  test('is a tall rounded slot that widens to its floor, not a door with parallel jambs', () => {
    const nearFloor = openingWidthAtM(g.floorM + 0.1 * g.heightM);
    const high = openingWidthAtM(g.floorM + 0.8 * g.heightM);
    assert.ok(nearFloor > g.widthM * 1.12, `near the floor ${nearFloor.toFixed(1)} m`);
    assert.ok(high < g.widthM * 0.8, `high in the head ${high.toFixed(1)} m`);
    // The roof only falls from east to west, so the face grid can follow it.
    const xs = world.gateWall.outline.map(([x]) => x);
    for (let i = 1; i < xs.length; i++) assert.ok(xs[i] < xs[i - 1], `outline point ${i}`);
  });

  test('sits under an uneven mountain crest, not a wall with a straight top', () => {
    const wall = world.gateWall;
    const crest: number[] = [];
    for (let x = g.x - wall.halfWidthM; x <= g.x + wall.halfWidthM; x += 5) crest.push(wall.crestAtM(x));
    const highest = Math.max(...crest);
    const lowest = Math.min(...crest);
    // Shoulders stand above the plateau's rim and notches sag below it, by tens of metres.
    assert.ok(highest > TIANMEN_MASSIF.topM + 40, `highest ${highest.toFixed(0)} m`);
    assert.ok(lowest < TIANMEN_MASSIF.topM - 25, `lowest ${lowest.toFixed(0)} m`);
    // Rock stands over the roof all across the opening, and the shoulders are inside the wall's solid.
    for (let x = g.x - 40; x <= g.x + 40; x += 2) assert.ok(wall.crestAtM(x) > g.floorM + g.heightM + 30, `crest over the gate at ${x}`);
    const peakX = g.x - wall.halfWidthM + 5 * crest.indexOf(highest);
    assert.ok(world.clearanceAt([peakX, highest - 2, g.z]) <= 0, 'the crest is solid');
  });

  test('the rock mesh leaves the passage empty: no triangle crosses the line through the arch', () => {
    const { rock } = buildTianmenGeometry(world, 'phone');
    const p = rock.positions;
    for (let t = 0; t < rock.indices.length; t += 3) {
      const [a, b, c] = [rock.indices[t] * 3, rock.indices[t + 1] * 3, rock.indices[t + 2] * 3];
      const minX = Math.min(p[a], p[b], p[c]);
      const maxX = Math.max(p[a], p[b], p[c]);
      const minY = Math.min(p[a + 1], p[b + 1], p[c + 1]);
      const maxY = Math.max(p[a + 1], p[b + 1], p[c + 1]);
      const straddles = minX < g.x - 1 && maxX > g.x + 1 && minY < gateMidY && maxY > gateMidY;
      assert.ok(!straddles || Math.abs(maxX - minX) > g.widthM, `triangle ${t / 3} spans the passage`);
    }
  });
});

describe('Tianmen massif', () => {
  test('is flat-topped about 1,500 m up, with sheer cliffs down to forested slopes', () => {
    const top = world.heightAt(TIANMEN_MASSIF.centreX, TIANMEN_MASSIF.centreZ);
    assert.ok(Math.abs(top - TIANMEN_MASSIF.topM) < 25, `top ${top}`);
    // Across the west rim the ground drops hundreds of metres within 60 m.
    let rimX = -2300;
    while (world.heightAt(rimX, -900) < 1350) rimX += 2;
    const drop = world.heightAt(rimX + 30, -900) - world.heightAt(rimX - 30, -900);
    assert.ok(drop > 200, `drop ${drop}`);
    assert.ok(world.heightAt(0, 2000) < 700, 'low hills towards the city');
  });

  test('the stair climbs the spur to the gate floor', () => {
    const atTop = world.heightAt(TIANMEN_STAIR.x, TIANMEN_STAIR.topZ + 1);
    const atBottom = world.heightAt(TIANMEN_STAIR.x, TIANMEN_STAIR.bottomZ);
    assert.ok(Math.abs(atTop - g.floorM) < 10, `top of the stair ${atTop}`);
    assert.ok(g.floorM - atBottom > 200, `the stair climbs ${g.floorM - atBottom} m`);
  });
});

describe('the stair’s spur', () => {
  test('is a knife ridge that falls away within a few tens of metres of the stair, not a mound', () => {
    for (const z of [-150, -50, 50]) {
      const crest = world.heightAt(TIANMEN_STAIR.x, z);
      for (const side of [-1, 1]) {
        const drop = crest - world.heightAt(TIANMEN_STAIR.x + side * 40, z);
        assert.ok(drop > 45, `only ${drop.toFixed(0)} m lower 40 m beside the stair at z ${z}`);
      }
    }
  });
});

describe('Tianmen budgets', () => {
  for (const tier of QUALITY_TIERS) {
    test(`${tier}: the world fits its budget with room for the atmosphere`, () => {
      const cost = tianmenDrawCost(world, tier);
      const budget = TIER_BUDGETS[tier];
      assert.ok(cost.triangles > 0);
      assert.ok(cost.triangles <= budget.maxTriangles * (1 - ATMOSPHERE_SHARE), `${cost.triangles} triangles`);
      assert.ok(cost.drawCalls <= budget.maxDrawCalls - ATMOSPHERE_DRAW_CALLS);
    });
  }
});

describe('scene registry', () => {
  test('returns the world of each scene id', () => {
    const tianmen = createSceneWorld('tianmen');
    assert.ok(isTianmenWorld(tianmen));
    assert.equal(tianmen.seed, DEFAULT_TIANMEN_SEED);
    assert.ok(tianmen.clearanceAt([g.x, gateMidY, g.z]) > 20);
    const wulingyuan = createSceneWorld('wulingyuan');
    assert.ok(!isTianmenWorld(wulingyuan));
    assert.ok(wulingyuan.pillars.length > 0);
    assert.equal(wulingyuan.seed, DEFAULT_WORLD_SEED);
    // The two worlds are different places.
    assert.notEqual(wulingyuan.heightAt(0, -250), tianmen.heightAt(0, -250));
    assert.match(hashWorldGeometry(DEFAULT_WORLD_SEED, 'phone'), /^[0-9a-f]{16}$/);
  });

  test('landmarks name their scene, and Heaven’s Gate is in Tianmen', () => {
    assert.equal(LANDMARKS['heavens-gate'].scene, 'tianmen');
    assert.equal(LANDMARKS['heavens-gate'].name.zh, '天门洞');
    assert.equal(LANDMARKS['hallelujah-mountain'].scene, 'wulingyuan');
  });
});
