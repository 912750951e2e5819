#!/bin/sh
# Ensure the Chromium the browser tests drive: Debian's at /usr/bin/chromium (KK_CHROMIUM names another).
# Present: nothing to do. Missing: install it when this can (root with apt-get, as CI runs), otherwise stop
# with the one command to run. KK_SKIP_BROWSER=1 skips the browser tests instead. Used by `make test` and
# .ci/run; tests/test_chromium.py runs it with stand-ins for `id` and `apt-get`.
set -eu

CHROMIUM=${KK_CHROMIUM:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "${KK_SKIP_BROWSER:-}" = 1 ]; then
  echo "KK_SKIP_BROWSER=1: no Chromium at $CHROMIUM, so the browser tests will be skipped"
  exit 0
fi

cannot() {  # cannot REASON: the one command to run, then stop
  {
    echo "Chromium for the browser tests is missing at $CHROMIUM ($1)."
    echo "Install it with:"
    echo "    sudo apt-get install -y chromium"
    echo "or skip the browser tests with:"
    echo "    KK_SKIP_BROWSER=1 make test"
  } >&2
  exit 1
}

if [ "$(id -u)" != 0 ]; then
  cannot "installing it needs root"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  cannot "no apt-get here to install it with"
fi

echo "Chromium is missing at $CHROMIUM: installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -q && apt-get install -y -q chromium; }; then
  cannot "apt-get could not install it"
fi
if [ ! -x "$CHROMIUM" ]; then
  cannot "apt-get installed chromium, but not at this path"
fi
echo "installed: $("$CHROMIUM" --version 2>/dev/null || echo chromium)"
