#!/usr/bin/env bash
# A Chromium for the bots: Debian's package where apt is usable, else Playwright's own build.
set -euo pipefail
VENV=${VENV:-.venv}
for candidate in "${CONCORD_CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    exit 0
  fi
done
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
  "$VENV/bin/playwright" install chromium
fi
