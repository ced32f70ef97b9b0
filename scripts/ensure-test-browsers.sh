#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and Firefox ESR (and openssl makes the overlay test's certificate),
# and the bench's clock-jump rows run Chromium under libfaketime (package faketime). Installs whichever is missing
# (as root, or through sudo); used by `npm test` (pretest), `npm run bench` (prebench) and .ci/run, so a fresh
# Debian machine needs nothing else.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
# The overlay's e2e test serves the official site's stand-in over HTTPS with a certificate it makes (tests/e2e/overlay.test.ts).
command -v openssl >/dev/null || missing+=(openssl)
[[ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 ]] || missing+=(faketime)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  run=()
elif command -v sudo >/dev/null; then
  run=(sudo)
else
  echo "The browser tests and the bench need: ${missing[*]}. Install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing what the browser tests and the bench need: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update </dev/null
"${run[@]}" apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
