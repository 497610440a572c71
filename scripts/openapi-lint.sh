#!/usr/bin/env bash
# Lints the OpenAPI document with Redocly CLI (redocly.yaml; swagger-parser checks it in the tests),
# without starting a server: the document is built from the compiled controllers' metadata into a
# temporary file (docs/adr/0021). Exits non-zero on any lint error.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent --workspace @laget/contracts --workspace @laget/event-store \
  --workspace @laget/permissions --workspace @laget/api >/dev/null
document="$(mktemp -t laget-openapi-XXXXXX.json)"
trap 'rm -f "$document"' EXIT
node dist/apps/api/src/openapi/write-document.js "$document"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx --no-install redocly lint --config redocly.yaml "$document"
