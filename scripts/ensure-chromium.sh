#!/usr/bin/env bash
# Makes sure the render server's Chromium (Debian's chromium, or the binary that
# YUNSHAN_CHROMIUM_PATH / CHROMIUM_PATH names) and CJK fonts, so Chinese text renders in
# tests and screenshots, are present; installs the Debian packages with apt-get when
# running as root. `npm test` and `npm start` both run it. The scale-out engines the tests
# start (redis-server, nginx) are scripts/ensure-test-engines.sh's job: one machine serves
# without them, so `npm start` never installs a service it does not use.
# Exit status: 0 when everything is there, 1 when something is missing (it says what to do).
set -euo pipefail
need=()
chromium_path=${YUNSHAN_CHROMIUM_PATH:-${CHROMIUM_PATH:-}}
if [ -n "$chromium_path" ]; then
  # A binary the operator chose: installing Debian's chromium would not put it there.
  if [ ! -x "$chromium_path" ]; then
    variable=CHROMIUM_PATH
    [ -n "${YUNSHAN_CHROMIUM_PATH:-}" ] && variable=YUNSHAN_CHROMIUM_PATH
    echo "$variable=$chromium_path is not an executable Chromium: point it at one, or unset it to use Debian's chromium." >&2
    exit 1
  fi
else
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
source "$(dirname "$0")/install-debian-packages.sh"
install_debian_packages "" "${need[@]}"
