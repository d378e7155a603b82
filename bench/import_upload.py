"""The project's import through its API, as the benchmarks drive it: upload a CSV, then wait
for the job to complete.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path

import requests

JOB_QUERY = """query ($id: ID!) { importJob(id: $id) { status progress rowsProcessed
  createdCount updatedCount unchangedCount replacedCount errorCount errorMessage finishedAt } }"""
UPLOAD = """mutation ($file: Upload!) { importProducts(file: $file) {
  ... on ImportJob { id status } ... on OperationInfo { messages { message } } } }"""


def import_once(base: str, token: str, path: Path, timeout: float = 900) -> tuple[float, dict]:
    """Upload `path`; return seconds from the upload's answer to COMPLETED, and the job.

    The end is the job's own ``finishedAt`` (written with COMPLETED; this machine's clock, as
    the start is), so the status is asked only twice a second: asking every 50 ms cost the
    web process and the database CPU that the import itself then lacked.
    """
    headers = {"Authorization": f"Bearer {token}"}
    with path.open("rb") as handle:
        answer = requests.post(
            base + "/graphql/",
            headers=headers,
            data={"operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (path.name, handle, "text/csv")},
            timeout=600,
        )
    started = time.time()
    body = answer.json()
    job_id = body["data"]["importProducts"]["id"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            job = requests.post(base + "/graphql/", headers=headers, timeout=30,
                                json={"query": JOB_QUERY, "variables": {"id": job_id}}
                                ).json()["data"]["importJob"]
        except (requests.RequestException, ValueError, TypeError, KeyError):
            continue  # a busy moment (e.g. no free database connection): ask again
        if job["status"] not in ("PENDING", "PROCESSING"):
            if job["status"] != "COMPLETED":
                raise RuntimeError(f"import ended {job['status']}: {job['errorMessage']}")
            finished = datetime.fromisoformat(job["finishedAt"]).timestamp()
            return finished - started, job
    raise RuntimeError("import did not finish in time")
