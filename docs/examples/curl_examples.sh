#!/usr/bin/env bash
# Military Medical Exercise Patient Generator: the whole flow with curl (python3 reads the JSON).
# Creates a job for 5 patients (JSON + CSV), polls it, downloads the ZIP, checks that it holds
# patients.json with 5 patients, and prints the rate-limit headers. A 429 is handled by sleeping
# for Retry-After seconds and trying again.
#
#   MILMED_API_URL=http://localhost:8000 MILMED_API_KEY=DEMO_MILMED_2025_500_PATIENTS \
#     bash docs/examples/curl_examples.sh
#
# Exits 0 when everything checked out, 1 otherwise.
set -euo pipefail

API="${MILMED_API_URL:-http://localhost:8000}"
API="${API%/}"
KEY="${MILMED_API_KEY:-DEMO_MILMED_2025_500_PATIENTS}"
MAX_WAIT="${MILMED_MAX_WAIT:-120}" # a longer Retry-After is the daily quota: give up instead
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAILED: $*" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }
header() { { grep -i "^$2:" "$1" || true; } | tail -1 | cut -d' ' -f2- | tr -d '\r'; }

# call METHOD PATH [JSON-BODY]: the body lands in $WORK/body, the headers in $WORK/headers and the
# status in $STATUS. A 429 sleeps Retry-After seconds and repeats.
call() {
  local method=$1 path=$2 data=${3:-}
  while :; do
    local args=(-sS -X "$method" -H "X-API-Key: $KEY" -D "$WORK/headers" -o "$WORK/body" -w '%{http_code}')
    [ -n "$data" ] && args+=(-H 'Content-Type: application/json' --data "$data")
    STATUS=$(curl "${args[@]}" "$API$path") || fail "$method $path: cannot connect to $API"
    if [ "$STATUS" = 429 ]; then
      local wait detail
      wait=$(header "$WORK/headers" Retry-After)
      detail=$(json "$WORK/body" "d['detail']")
      [ "${wait:-1}" -le "$MAX_WAIT" ] || fail "429 $detail: Retry-After ${wait}s is longer than we are willing to wait"
      echo "  429 $detail; sleeping ${wait}s (Retry-After) and retrying"
      sleep "${wait:-1}"
      continue
    fi
    case "$STATUS" in 2??) return 0 ;; esac
    fail "$method $path -> $STATUS: $(cat "$WORK/body")"
  done
}

show_rate_headers() {
  local h
  for h in X-API-Key-Type X-Patient-Limit X-Daily-Limit X-Daily-Usage X-RateLimit-Limit \
    X-RateLimit-Remaining X-RateLimit-Reset RateLimit-Policy RateLimit; do
    local v
    v=$(header "$WORK/headers" "$h")
    [ -n "$v" ] && echo "  $h: $v"
  done
  return 0
}

echo "API: $API"

# 1. Create a job.
call POST /api/v1/generation/ \
  '{"configuration": {"name": "curl example", "total_patients": 5}, "output_formats": ["json", "csv"], "use_compression": false, "priority": "normal"}'
[ "$STATUS" = 201 ] || fail "expected 201 from POST /api/v1/generation/, got $STATUS"
JOB_ID=$(json "$WORK/body" "d['job_id']")
echo "created job $JOB_ID (status $(json "$WORK/body" "d['status']"), seed $(json "$WORK/body" "d['seed']"))"
show_rate_headers

# 2. Poll it every 3 s, for at most 5 minutes.
for _ in $(seq 1 100); do
  sleep 3
  call GET "/api/v1/jobs/$JOB_ID"
  JOB_STATUS=$(json "$WORK/body" "d['status']")
  echo "  $JOB_STATUS $(json "$WORK/body" "d['progress']")%"
  case "$JOB_STATUS" in
    completed) break ;;
    failed | cancelled) fail "job $JOB_STATUS: $(json "$WORK/body" "d['error']")" ;;
  esac
done
[ "$JOB_STATUS" = completed ] || fail "job did not finish in time"
echo "files: $(json "$WORK/body" "', '.join(d['output_files'])")"

# 3. Download the ZIP and check it.
call GET "/api/v1/downloads/$JOB_ID"
cp "$WORK/body" "$WORK/patients.zip"
case "$(header "$WORK/headers" Content-Type)" in application/zip*) ;; *) fail "download is not application/zip" ;; esac
python3 - "$WORK/patients.zip" <<'EOF' || fail "the ZIP does not hold patients.json with 5 patients and patients.csv"
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    patients = json.loads(z.read("patients.json"))
assert len(patients) == 5, f"expected 5 patients, found {len(patients)}"
assert "patients.csv" in names, f"patients.csv missing: {names}"
print(f"downloaded: {', '.join(names)}, {len(patients)} patients")
EOF
echo "  Content-Disposition: $(header "$WORK/headers" Content-Disposition)"
echo "rate-limit headers on the download:"
show_rate_headers
echo "OK"
