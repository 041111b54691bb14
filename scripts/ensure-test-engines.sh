#!/usr/bin/env bash
# Makes sure the scale-out engines that tests and benches start on loopback are present:
# Debian's redis-server (the render farm's queue, tests/scale and bench:farm) and nginx (the
# segment cache in tests/scale/http-segments and bench:fanout). Each test starts its own
# server on a free port in a temporary folder, so the packages' own services are not needed.
# `npm test` runs it; `npm start` does not (one machine serves without either).
# Exit status: 0 when both are there, 1 when something is missing (it says what to do).
set -euo pipefail
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "apt-get could not install ${need[*]}; install them with: apt-get install ${need[*]}" >&2
    exit 1
  fi
else
  echo "Missing Debian packages for the scale-out tests: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
