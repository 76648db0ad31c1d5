#!/usr/bin/env bash
# The tools the site's judges use, each installed only where it is missing: Chromium (browser
# tests), LinkChecker (links and anchors), LibreOffice Impress and Poppler (decks are opened
# as a buyer's client would and their PDF's text boxes read) and the venv module from Debian; Node.js and npm from
# Debian when absent; Lighthouse, pinned in tools/lighthouse/package-lock.json, from npm.
# Runs as root or through sudo. The tests never skip a missing tool: they fail with an error.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v linkchecker >/dev/null || need+=(linkchecker)
command -v soffice >/dev/null || need+=(libreoffice-impress)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v npm >/dev/null || need+=(nodejs npm)
python3 -c "import ensurepip" 2>/dev/null || need+=(python3-venv)
if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if [ ! -x tools/lighthouse/node_modules/.bin/lighthouse ]; then
  (cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
fi
