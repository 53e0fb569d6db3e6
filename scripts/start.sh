#!/usr/bin/env bash
# Starts the portal with the demo region: the app on http://localhost:3000,
# the backend on http://localhost:7007. Data stays in data/sqlite/.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"

mkdir -p data/sqlite
exec yarn start
