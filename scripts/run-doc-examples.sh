#!/usr/bin/env bash
# Runs the three documented examples (docs/examples/) against a real server, as CI does:
# builds, starts `node dist/main.js` on a free port with a throwaway DATA_DIR (embedded database,
# no Redis), waits for /health, runs each example with the public demo key, stops the server with
# SIGTERM, then replays every response shown in README.md and docs/*.md against a server of its own
# (`npm run docs:check`), and prints "docs examples: N passed, N failed". Exits non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

HEALTH_TIMEOUT="${DOCS_HEALTH_TIMEOUT:-180}"

echo "::: building"
npm run -s build || { echo "docs examples: 0 passed, 1 failed (build)"; exit 1; }

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
DATA="$(mktemp -d)"
LOG="$DATA/server.log"
SERVER_PID=""

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 30); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && { echo "server did not stop on SIGTERM; killing it"; kill -KILL "$SERVER_PID"; }
    wait "$SERVER_PID" 2>/dev/null
  fi
  SERVER_PID=""
}
cleanup() { stop_server; rm -rf "$DATA"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "::: starting the server on port $PORT (DATA_DIR $DATA)"
env -u DATABASE_URL -u REDIS_URL -u API_KEY PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$DATA" LOG_LEVEL=warn \
  node dist/main.js >"$LOG" 2>&1 &
SERVER_PID=$!

ready=0
for _ in $(seq 1 "$HEALTH_TIMEOUT"); do
  if curl -sf "http://127.0.0.1:$PORT/health" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 1
done
if [ "$ready" != 1 ]; then
  echo "server did not answer /health within ${HEALTH_TIMEOUT}s; its log:"
  tail -50 "$LOG"
  echo "docs examples: 0 passed, 4 failed"
  exit 1
fi

export MILMED_API_URL="http://127.0.0.1:$PORT"
export MILMED_API_KEY="DEMO_MILMED_2025_500_PATIENTS"
passed=0
failed=0
run() {
  echo "::: $*"
  if "$@"; then passed=$((passed + 1)); else echo "::: FAILED: $*"; failed=$((failed + 1)); fi
}
run python3 docs/examples/python_example.py
run node docs/examples/javascript_example.js
run bash docs/examples/curl_examples.sh

stop_server
run npm run -s docs:check
if [ "$failed" -gt 0 ]; then
  echo "server log (last 30 lines):"
  tail -30 "$LOG"
fi
echo "docs examples: $passed passed, $failed failed"
mkdir -p .tmp && echo "{\"passed\": $passed, \"failed\": $failed}" > .tmp/doc-examples.json
[ "$failed" -eq 0 ]
