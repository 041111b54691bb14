// Bakes the end-to-end tests' cloud fixture (the test route at 360p, 360p-jpeg and 540p with
// their VP9 twins, and the 2k sphere the look-around tests stream) into the folder those tests
// share. scripts/test.sh runs it in the background while the static checks, the unit tests and
// the build run, which leave a core idle most of the time; without it the first end-to-end file
// to need each profile paid for its bake (about ten minutes of the integration phase on 2
// cores). It goes on while the first integration files (the API tests) run; a test that needs
// the fixture meanwhile waits for it. The renderer runs at the bake's low priority, so the
// phases beside it keep the CPU they need. Nothing here is required: a fixture it did not finish
// is baked by the tests, and the bake resumes at the first segment it lacks.
import fs from 'node:fs';
import path from 'node:path';
import { bakeCloudFixture, cloudFixtureFramesDir, prebakeMarkerPath } from '../tests/helpers/cloud-stream-fixture';

const started = Date.now();
const log = (line: string) => console.log(`[prebake ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}`);
const framesDir = cloudFixtureFramesDir();
// The tests that need the fixture wait while this marker names a live process (bakeCloudFixture).
const marker = prebakeMarkerPath(framesDir);
fs.mkdirSync(path.dirname(marker), { recursive: true });
fs.writeFileSync(marker, String(process.pid));
log(`baking into ${framesDir}`);
try {
  await bakeCloudFixture({ framesDir, extraProfiles: ['sphere-2k'], log });
  log('done');
} catch (error) {
  console.error(`[prebake] failed, the tests will bake what is missing: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(marker, { force: true });
}
