#!/usr/bin/env python3
"""Military Medical Exercise Patient Generator: the whole flow in Python, standard library only.

Creates a job for 5 patients (JSON + CSV), polls it until it is done, downloads the ZIP,
checks that it holds patients.json with 5 patients, and prints the rate-limit headers.
A 429 is handled by sleeping for Retry-After seconds and trying again.

    MILMED_API_URL=http://localhost:8000 MILMED_API_KEY=DEMO_MILMED_2025_500_PATIENTS \
        python3 docs/examples/python_example.py

Exits 0 when everything checked out, 1 otherwise.
"""

import io
import json
import os
import sys
import time
import urllib.error
import urllib.request
import zipfile

BASE_URL = os.environ.get("MILMED_API_URL", "http://localhost:8000").rstrip("/")
API_KEY = os.environ.get("MILMED_API_KEY", "DEMO_MILMED_2025_500_PATIENTS")
POLL_SECONDS = 3
JOB_TIMEOUT_SECONDS = 300
# A Retry-After longer than this is the daily quota, not a minute window: give up instead of waiting.
MAX_WAIT_SECONDS = int(os.environ.get("MILMED_MAX_WAIT", "120"))

RATE_HEADERS = [
    "X-API-Key-Type",
    "X-Patient-Limit",
    "X-Daily-Limit",
    "X-Daily-Usage",
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "RateLimit-Policy",
    "RateLimit",
]


class ApiError(Exception):
    pass


def request(method, path, body=None):
    """Sends one request; on 429 waits Retry-After seconds and repeats. Returns (status, headers, bytes)."""
    data = json.dumps(body).encode() if body is not None else None
    while True:
        req = urllib.request.Request(BASE_URL + path, data=data, method=method)
        req.add_header("X-API-Key", API_KEY)
        req.add_header("Accept", "application/json, application/zip")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as res:
                return res.status, res.headers, res.read()
        except urllib.error.HTTPError as err:
            payload = err.read()
            if err.code == 429:
                wait = int(err.headers.get("Retry-After", "1"))
                detail = json.loads(payload).get("detail", "")
                if wait > MAX_WAIT_SECONDS:
                    raise ApiError(f"429 {detail}: Retry-After {wait}s is longer than we are willing to wait")
                print(f"  429 {detail}; sleeping {wait}s (Retry-After) and retrying")
                time.sleep(wait)
                continue
            raise ApiError(f"{method} {path} -> {err.code}: {payload.decode(errors='replace')}")


def show_rate_headers(headers):
    for name in RATE_HEADERS:
        if headers.get(name) is not None:
            print(f"  {name}: {headers.get(name)}")


def main():
    print(f"API: {BASE_URL}")

    # 1. Create a job.
    status, headers, body = request(
        "POST",
        "/api/v1/generation/",
        {
            "configuration": {"name": "Python example", "total_patients": 5},
            "output_formats": ["json", "csv"],
            "use_compression": False,
            "priority": "normal",
        },
    )
    if status != 201:
        raise ApiError(f"expected 201 from POST /api/v1/generation/, got {status}")
    job = json.loads(body)
    job_id = job["job_id"]
    print(f"created job {job_id} (status {job['status']}, seed {job.get('seed')})")
    show_rate_headers(headers)

    # 2. Poll it.
    deadline = time.monotonic() + JOB_TIMEOUT_SECONDS
    while True:
        time.sleep(POLL_SECONDS)
        _, headers, body = request("GET", f"/api/v1/jobs/{job_id}")
        job = json.loads(body)
        print(f"  {job['status']} {job['progress']}%")
        if job["status"] == "completed":
            break
        if job["status"] in ("failed", "cancelled"):
            raise ApiError(f"job {job['status']}: {job.get('error')}")
        if time.monotonic() > deadline:
            raise ApiError("job did not finish in time")
    print(f"summary: {json.dumps(job['summary'].get('by_triage', {}))}, files: {job['output_files']}")

    # 3. Download the ZIP and check it.
    status, headers, body = request("GET", f"/api/v1/downloads/{job_id}")
    if not headers.get("Content-Type", "").startswith("application/zip") or body[:4] != b"PK\x03\x04":
        raise ApiError(f"download is not a ZIP (Content-Type {headers.get('Content-Type')})")
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = archive.namelist()
        patients = json.loads(archive.read("patients.json"))
    if len(patients) != 5:
        raise ApiError(f"expected 5 patients in patients.json, found {len(patients)}")
    if "patients.csv" not in names:
        raise ApiError(f"patients.csv missing from the ZIP: {names}")
    print(f"downloaded {len(body)} bytes: {names}, {len(patients)} patients")
    print(f"  Content-Disposition: {headers.get('Content-Disposition')}")
    print("rate-limit headers on the download:")
    show_rate_headers(headers)
    print("OK")


if __name__ == "__main__":
    try:
        main()
    except (ApiError, urllib.error.URLError, KeyError, ValueError, zipfile.BadZipFile) as error:
        print(f"FAILED: {error}", file=sys.stderr)
        sys.exit(1)
