#!/usr/bin/env bash
# Installs what is missing, builds the app, and serves it on the sample data at
# http://127.0.0.1:8080 (PORT=... to change). Replace files in dist/data to publish new data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec node scripts/serve-dist.mjs dist "${PORT:-8080}" 127.0.0.1
