// Fixed shapes and positions of the Tianmen Mountain scene: the massif, Heaven's Gate and
// the features around it. Design constants (public figures, rounded), not generator output.
// One unit is one metre; y is up, -z is north; the gate faces south towards the city.

/** The flat-topped massif: a blocky oval plateau ringed by sheer limestone cliffs. */
export const TIANMEN_MASSIF = {
  centreX: 0,
  centreZ: -1030,
  /** Half-lengths of the plateau's outline, east-west and north-south. */
  radiusXM: 1450,
  radiusZM: 780,
  /** Superellipse exponent of the outline: above 2 the plateau reads as a block, not a dome. */
  squareness: 3.2,
  topM: 1500,
  highestPointM: 1518,
  /** Foot of the sheer cliffs, where the forested slopes begin. */
  cliffFootM: 1180,
} as const;

/** Tianmen Cave: a natural arch right through the south wall, about 131.5 m high, 57 m wide, 60 m deep. */
export const HEAVENS_GATE = {
  x: 0,
  /** Centre of the passage; the wall's south face is half the depth towards +z. */
  z: -250,
  floorM: 1300,
  heightM: 131.5,
  widthM: 57,
  depthM: 60,
  /** The rock wall pierced by the gate: its half width east-west, top and buried base. */
  wallHalfWidthM: 240,
  wallTopM: 1496,
  wallBaseM: 1050,
} as const;

/** The 999 steps: a straight pale stair up the spur below the gate, from its foot to the gate floor. */
export const TIANMEN_STAIR = {
  x: 0,
  topZ: HEAVENS_GATE.z + HEAVENS_GATE.depthM / 2,
  bottomZ: 170,
  widthM: 10,
  steps: 999,
} as const;

/** The ravine behind the gate: open sky shows through the arch, and a flight can climb out of it onto the plateau. */
export const GATE_RAVINE = {
  halfWidthM: 150,
  floorM: 1140,
  /** Where its floor has climbed back to the plateau. */
  headZ: -1060,
} as const;

/** The valley towards Zhangjiajie city, south of the gate: the cableway's valley station and the approach lie in it. */
export const TIANMEN_CITY_VALLEY = {
  /** Its axis at the massif's foot, and how far east it has bent by the world's south edge. */
  axisX: 150,
  bendM: 450,
  /** Half-width of the flattened floor and of the whole valley to its ridge lines. */
  floorHalfWidthM: 450,
  halfWidthM: 1150,
} as const;

/** The cliff-side glass skywalk on the west face, about 1,430 m up. */
export const CLIFF_WALKWAY = {
  x: -1300,
  z: -620,
  heightM: 1430,
} as const;

/** The cableway from the city: about 7.5 km long, climbing about 1,280 m. */
export const TIANMEN_CABLEWAY = {
  lengthKm: 7.5,
  climbM: 1280,
} as const;
