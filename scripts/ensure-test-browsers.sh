#!/usr/bin/env bash
# The browser tests drive Debian's Chromium and Firefox ESR (and openssl makes a test certificate). Installs whichever is missing (as root,
# or through sudo); used by `npm test` (pretest) and by .ci/run, so a fresh Debian machine needs nothing else.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
[[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
# The overlay's e2e test serves the official site's stand-in over HTTPS with a certificate it makes (tests/e2e/overlay.test.ts).
command -v openssl >/dev/null || missing+=(openssl)
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  run=()
elif command -v sudo >/dev/null; then
  run=(sudo)
else
  echo "The browser tests need: ${missing[*]}. Install them with: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing the test browsers: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update </dev/null
"${run[@]}" apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
