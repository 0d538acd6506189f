#!/usr/bin/env bash
# Make `python3 -m venv` work: Debian ships venv/ensurepip in a separate package.
set -euo pipefail
PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; assert sys.version_info >= (3, 11), "Concord needs Python 3.11 or newer"'
if "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
  exit 0
fi
if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info.major}.{sys.version_info.minor}")')
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python${version}-venv" || \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
else
  echo "error: $PYTHON has no venv module; install python3-venv" >&2
  exit 1
fi
