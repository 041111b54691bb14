// The curated routes shipped with Yunshan. They are data (one JSON file each, see README.md),
// parsed here through the route schema so every consumer (route store seeding, studio, render
// server) gets them validated and with defaults applied; a malformed file fails at load.
import { RouteSchema, type Route } from '../route-schema';
import firstBridgePass from './first-bridge-pass.json' with { type: 'json' };
import goldenWhipGlide from './golden-whip-glide.json' with { type: 'json' };
import hallelujahFlyover from './hallelujah-flyover.json' with { type: 'json' };
import heavensGateFlythrough from './heavens-gate-flythrough.json' with { type: 'json' };
import tianmenCliffSkywalk from './tianmen-cliff-skywalk.json' with { type: 'json' };
import tianziSunrise from './tianzi-sunrise.json' with { type: 'json' };

export const CURATED_ROUTES: Route[] = [
  hallelujahFlyover,
  goldenWhipGlide,
  tianziSunrise,
  firstBridgePass,
  heavensGateFlythrough,
  tianmenCliffSkywalk,
].map((route: unknown) => RouteSchema.parse(route));
