#!/usr/bin/env bash
# Makes sure the render server's Chromium (Debian's chromium, or the binary that
# YUNSHAN_CHROMIUM_PATH / CHROMIUM_PATH names) and CJK fonts, so Chinese text renders in
# tests and screenshots, are present; installs the Debian packages with apt-get when
# running as root. `npm test` and `npm start` both run it. It also installs redis-server
# (the render farm's queue, which tests/scale starts on its own port) and nginx (the segment
# cache the HTTP segment test and bench:fanout start on their own port), but a missing Redis
# or nginx only gets a note: one machine serves without them.
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
has_nginx() { command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; }
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  # Debian's nginx package only; policy-rc.d or no init system keeps it from starting a service.
  has_nginx || need+=(nginx)
else
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server is not installed (needed for the render farm and its tests, not for one machine): sudo apt-get install redis-server" >&2
  fi
  if ! has_nginx; then
    echo "nginx is not installed (needed for the HTTP segment cache test and npm run bench:fanout, not for one machine): sudo apt-get install nginx" >&2
  fi
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "apt-get could not install ${need[*]}; install them with: apt-get install ${need[*]}" >&2
    exit 1
  fi
else
  echo "Missing Debian packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
