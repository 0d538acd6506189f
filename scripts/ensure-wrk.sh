#!/usr/bin/env bash
# wrk, the HTTP load generator `make bench` drives the servers with: Debian's package where apt is usable.
# Without it the benchmark falls back to its own asyncio load process, so this never fails the run.
set -uo pipefail
if command -v wrk >/dev/null; then
  exit 0
fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
command -v wrk >/dev/null || echo "wrk is not available: the benchmark uses its asyncio load process instead" >&2
exit 0
