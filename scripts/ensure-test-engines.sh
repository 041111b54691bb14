#!/usr/bin/env bash
# Makes sure the scale-out engines that tests and benches start on loopback are present:
# Debian's redis-server (the render farm's queue, tests/scale and bench:farm), nginx (the
# segment cache in tests/scale/http-segments and bench:fanout) and postgresql 15 (the web
# tier's store contracts in tests/scale/store-contracts-postgres). Each test starts its own
# server on a free port in a temporary folder, so the packages' own services are not needed.
# `npm test` runs it; `npm start` does not (one machine serves without either).
# Exit status: 0 when all are there, 1 when something is missing (it says what to do).
set -euo pipefail
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
source "$(dirname "$0")/install-debian-packages.sh"
install_debian_packages " for the scale-out tests" "${need[@]}"
