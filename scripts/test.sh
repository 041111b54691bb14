#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, a production build, then API and
# end-to-end tests against the real server, a real SQLite file and real Chromium.
# The scale-out tests (tests/scale) start their own redis-server, s3rver and nginx.
# Prints one closing line "N passed, N failed" summing every phase.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh || exit 1
bash scripts/ensure-test-engines.sh || exit 1

log_dir=$(mktemp -d)
status=0
phase() {
  local name=$1; shift
  echo "=== $name ==="
  "$@" 2>&1 | tee "$log_dir/$name.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || { echo "=== $name failed (exit $rc) ==="; status=1; }
  return "$rc"
}

# The end-to-end tests' cloud fixture bakes beside the static checks, unit tests, build and
# the first integration files, which leave a core idle much of the time
# (scripts/prebake-cloud-fixture.ts says why).
# Niced on top of the renderer's own low priority, so the phases in front keep their CPU.
nice -n 10 node --import tsx scripts/prebake-cloud-fixture.ts >"$log_dir/prebake.log" 2>&1 &
prebake_pid=$!

phase typecheck npx tsc --noEmit -p .
phase lint npx eslint . --max-warnings=0
phase format npx prettier --check . --log-level=warn
# Node 20's test runner takes files, not globs.
test_files() { find "$@" -name '*.test.ts' 2>/dev/null | sort; }
mapfile -t unit_files < <(test_files tests/unit)
# Files that need the end-to-end cloud fixture run last, in a second invocation (the test
# runner sorts the files it is given), so the fixture's background bake overlaps the files that
# need nothing from it (scripts/integration-order.ts says why).
mapfile -t all_integration_files < <(test_files tests/api tests/e2e tests/render tests/scale)
mapfile -t early_files < <(node --import tsx scripts/integration-order.ts others "${all_integration_files[@]}")
mapfile -t fixture_files < <(node --import tsx scripts/integration-order.ts fixture "${all_integration_files[@]}")
if [ $((${#early_files[@]} + ${#fixture_files[@]})) -ne ${#all_integration_files[@]} ]; then
  echo "scripts/integration-order.ts split ${#all_integration_files[@]} files into ${#early_files[@]} + ${#fixture_files[@]}"
  kill "$prebake_pid" 2>/dev/null; exit 1
fi
integration() {
  local name=$1; shift
  phase "$name" node --import tsx --test --test-concurrency=1 \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=./scripts/file-times-reporter.mjs --test-reporter-destination="$log_dir/$name-times.txt" \
    "$@"
}

phase unit node --import tsx --test --test-reporter=spec "${unit_files[@]}"
if phase build npx next build; then
  # The prebake goes on beside the integration files that need no fixture; the first file that
  # needs it waits for it (bakeCloudFixture), so the same folder is never baked twice at once.
  integration integration "${early_files[@]}"
  integration integration-cloud "${fixture_files[@]}"
  wait "$prebake_pid" || echo "The prebake failed; the end-to-end tests baked what was missing."
  echo "=== cloud fixture prebake ==="
  tail -n 8 "$log_dir/prebake.log"
else
  kill "$prebake_pid" 2>/dev/null
  echo "Skipping API and end-to-end tests: the build failed."
fi

passed=$(cat "$log_dir"/unit.log "$log_dir"/integration*.log 2>/dev/null | sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' | awk '{s+=$1} END {print s+0}')
failed=$(cat "$log_dir"/unit.log "$log_dir"/integration*.log 2>/dev/null | sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' | awk '{s+=$1} END {print s+0}')
# A phase that failed without failing a test (typecheck, lint, build) still fails the run.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "A non-test phase failed; counting it as one failure."; fi
# Where the suite's time goes, for whoever next has to keep it under budget.
for times in "$log_dir"/integration-times.txt "$log_dir"/integration-cloud-times.txt; do
  [ -s "$times" ] && { echo; head -n 12 "$times"; grep -A 20 '^Files whose process' "$times"; }
done
echo
echo "$passed passed, $failed failed"
exit $status
