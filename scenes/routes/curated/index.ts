// The curated routes shipped with Yunshan, parsed through the route schema so every
// consumer (route store seeding, studio, render server) gets them with defaults applied.
import { RouteSchema, type Route } from '../route-schema';
import { firstBridgePass } from './first-bridge-pass';
import { goldenWhipGlide } from './golden-whip-glide';
import { hallelujahFlyover } from './hallelujah-flyover';
import { heavensGateFlythrough } from './heavens-gate-flythrough';
import { tianmenCliffSkywalk } from './tianmen-cliff-skywalk';
import { tianziSunrise } from './tianzi-sunrise';

export const CURATED_ROUTES: Route[] = [
  hallelujahFlyover,
  goldenWhipGlide,
  tianziSunrise,
  firstBridgePass,
  heavensGateFlythrough,
  tianmenCliffSkywalk,
].map((route) => RouteSchema.parse(route));
