#!/usr/bin/env bash
# Build the dashboard assets into src/wirescope/web/static (needs Node.js >= 18 and npm; libraries come from the
# npm registry as pinned in frontend/package-lock.json). Run by `make install` and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/../frontend"
npm ci --no-audit --no-fund --loglevel=error
node build.mjs
