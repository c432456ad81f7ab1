#!/usr/bin/env bash
# Runs every reliability scenario (CI-sized unless --full is passed) against DATABASE_URL.
# Each script prints a JSON line with its counts and exits non-zero on lost > 0 or double-applied > 0.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/test)}"
for s in s2-no-ghost s7-duplicate-storm s13-sigterm s5-postgres-restart s9-worker-kill s1-relay-kill s26-store-poison s27-ingest-poison s28-outbox-poison s29-linear-time s30-awaited-fetch; do
  echo "== $s"
  npx tsx --conditions=@jobkit/source "scripts/reliability/$s.ts" "$@"
done
