"""A large file uploaded straight to the bucket through the direct-upload API, against a
`curl` PUT of the same bytes to the same store, and against boto3's own multipart transfer
of the same bytes (the same part size, as many parts at once) to the same store.

The direct upload runs the app's algorithm in Python: createUpload, part URLs asked for in
batches, 4 parts PUT at once to the presigned URLs, completeUpload (which has the store join
the parts, then stages the import: HEAD, the inspection of the first bytes). The store's own
CompleteMultipartUpload is timed in boto3's transfer, and the app logs how long each step of
completeUpload took (the join is the store's): both are printed, so the figure says what part
of the time is the store's. The web process (uvicorn, embedded mode) never sees the bytes, so
its peak RSS must not grow with the file; it is printed beside its RSS before.

    .venv/bin/python bench/upload_bench.py                  # 2 GB (the figure's size)
    .venv/bin/python bench/upload_bench.py --megabytes 50   # proves it runs

The store is a `moto_server` started here (in memory: a 2 GB run needs some 5 GB of RAM), or
any S3-compatible store given with --endpoint-url (and STORAGE_ACCESS_KEY_ID,
STORAGE_SECRET_ACCESS_KEY, STORAGE_BUCKET in the environment), e.g. MinIO.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import boto3
import requests
from boto3.s3.transfer import TransferConfig
from botocore.config import Config

from benchlib import OUT, PY, api_token, manage, start, stop, wait_http
from rss_peak import Peak

CREATE = """mutation ($name: String!, $size: Float!) { createUpload(fileName: $name, size: $size) {
  ... on DirectUpload { id partSize partCount } ... on OperationInfo { messages { message } } } }"""
URLS = """query ($id: ID!, $numbers: [Int!]!) { uploadPartUrls(id: $id, partNumbers: $numbers) {
  partNumber url } }"""
COMPLETE = """mutation ($id: ID!, $parts: [UploadPartInput!]!) { completeUpload(id: $id,
  parts: $parts) { ... on ImportJob { status fileSize errorMessage }
  ... on OperationInfo { messages { message } } } }"""
URL_BATCH = 8
CONCURRENCY = 4


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def catalogue(megabytes: int) -> Path:
    """A CSV catalogue of about `megabytes` MB (written once, kept in bench/out)."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"upload-{megabytes}MB.csv"
    if not path.exists():
        print(f"writing {megabytes} MB ...", flush=True)
        row = 0
        with path.open("wb") as out:
            out.write(b"sku,name,description\n")
            while out.tell() < megabytes * 1_000_000:
                block = b"".join(
                    b"SKU-%09d,Product %d,A description of product %d for the bench\n"
                    % (n, n, n)
                    for n in range(row, row + 20_000)
                )
                out.write(block)
                row += 20_000
    return path


def start_moto() -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [PY, "-c", "from moto.server import main; main()", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.1)


def s3(endpoint: str, key: str, secret: str) -> object:
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
        aws_secret_access_key=secret, config=Config(s3={"addressing_style": "path"}),
    )


def multipart_put(
    endpoint: str, key: str, secret: str, bucket: str, path: Path, part_size: int
) -> tuple[float, float]:
    """Seconds for boto3's multipart transfer (as `aws s3 cp` does it) to upload the file in
    parts of `part_size`, CONCURRENCY at once, and of them those of the store's
    CompleteMultipartUpload. No checksums are sent, as none are with the app's parts."""
    client = boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=Config(s3={"addressing_style": "path"}, max_pool_connections=CONCURRENCY * 2,
                      request_checksum_calculation="when_required"),
    )
    joined: dict[str, float] = {}
    client.meta.events.register(
        "before-call.s3.CompleteMultipartUpload",
        lambda **_: joined.__setitem__("started", time.perf_counter()),
    )
    client.meta.events.register(
        "after-call.s3.CompleteMultipartUpload",
        lambda **_: joined.__setitem__("done", time.perf_counter()),
    )
    transfer = TransferConfig(multipart_threshold=part_size, multipart_chunksize=part_size,
                              max_concurrency=CONCURRENCY, use_threads=True)
    started = time.perf_counter()
    client.upload_file(str(path), bucket, "bench/multipart.csv", Config=transfer)
    elapsed = time.perf_counter() - started
    client.delete_object(Bucket=bucket, Key="bench/multipart.csv")
    return elapsed, joined["done"] - joined["started"]


def completion_steps(log: Path) -> dict[str, float]:
    """The seconds of each step of completeUpload, as the web process logged them."""
    for line in log.read_text(errors="replace").splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and "direct_upload" in entry:
            return entry["phase_seconds"]
    return {}


def curl_put(client: object, bucket: str, path: Path) -> float:
    """Seconds for `curl` to PUT the file to a presigned URL of the same store."""
    url = client.generate_presigned_url(  # type: ignore[attr-defined]
        "put_object", Params={"Bucket": bucket, "Key": "bench/curl.csv"}, ExpiresIn=3600
    )
    started = time.perf_counter()
    subprocess.run(["curl", "-sS", "-f", "-o", "/dev/null", "-T", str(path), url], check=True)
    elapsed = time.perf_counter() - started
    client.delete_object(Bucket=bucket, Key="bench/curl.csv")  # type: ignore[attr-defined]
    return elapsed


def direct_upload(base: str, token: str, path: Path) -> tuple[float, float, dict]:
    """Seconds from createUpload to completeUpload's answer, of them those of completeUpload,
    and its answer."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    def call(query: str, **variables: object) -> dict:
        answer = session.post(base + "/graphql/", json={"query": query, "variables": variables},
                              timeout=600).json()
        if answer.get("errors"):
            raise SystemExit(f"the API refused: {answer['errors']}")
        return answer["data"]

    size = path.stat().st_size
    started = time.perf_counter()
    upload = call(CREATE, name=path.name, size=size)["createUpload"]
    if "id" not in upload:
        raise SystemExit(f"createUpload refused: {upload}")
    part_size, count = int(upload["partSize"]), upload["partCount"]
    fd = os.open(path, os.O_RDONLY)

    urls: dict[int, str] = {}
    lock = threading.Lock()

    def url_of(n: int) -> str:
        """Part URLs come in batches of URL_BATCH, asked for when a part needs one."""
        with lock:
            if n not in urls:
                batch = list(range(n, min(n + URL_BATCH, count + 1)))
                for item in call(URLS, id=upload["id"], numbers=batch)["uploadPartUrls"]:
                    urls[item["partNumber"]] = item["url"]
            return urls.pop(n)

    local = threading.local()

    def send(n: int) -> dict:
        if not hasattr(local, "store"):
            local.store = requests.Session()
        body = os.pread(fd, part_size, (n - 1) * part_size)
        response = local.store.put(url_of(n), data=body, timeout=600)
        response.raise_for_status()
        return {"partNumber": n, "etag": response.headers["ETag"]}

    try:
        with ThreadPoolExecutor(CONCURRENCY) as pool:  # 4 parts in flight, as the app sends
            parts = list(pool.map(send, range(1, count + 1)))
    finally:
        os.close(fd)
    completing = time.perf_counter()
    job = call(COMPLETE, id=upload["id"], parts=sorted(parts, key=lambda p: p["partNumber"]))
    done = time.perf_counter()
    return done - started, done - completing, job["completeUpload"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=2000)
    parser.add_argument("--part-megabytes", type=int, default=16)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--endpoint-url", default="")
    args = parser.parse_args()

    path = catalogue(args.megabytes)
    size = path.stat().st_size
    moto = None
    if args.endpoint_url:
        endpoint, bucket = args.endpoint_url, os.environ["STORAGE_BUCKET"]
        key, secret = os.environ["STORAGE_ACCESS_KEY_ID"], os.environ["STORAGE_SECRET_ACCESS_KEY"]
    else:
        moto, endpoint = start_moto()
        bucket, key, secret = "upload-bench", "bench", "bench-secret"
    client = s3(endpoint, key, secret)
    if moto is not None:
        client.create_bucket(Bucket=bucket)  # type: ignore[attr-defined]
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as data_dir:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
        env.update(
            DATA_DIR=data_dir, LOG_LEVEL="INFO", LOG_FORMAT="JSON", STORAGE_BUCKET=bucket,
            STORAGE_ENDPOINT_URL=endpoint, STORAGE_ACCESS_KEY_ID=key,
            STORAGE_SECRET_ACCESS_KEY=secret, STORAGE_KEY_PREFIX="upload-bench",
            UPLOAD_PART_BYTES=str(args.part_megabytes << 20),
            IMPORT_MAX_UPLOAD_BYTES=str(max(1 << 30, 2 * size)),
        )
        manage(env, "migrate", "--noinput")
        token = api_token(env)
        log = Path(data_dir) / "web.log"
        with log.open("wb") as log_file:
            web = start(env, [PY, "-m", "uvicorn", "config.asgi:application", "--port",
                              str(port), "--log-level", "warning"], stderr=log_file)
        peak = Peak(web.pid)
        try:
            wait_http(base + "/healthz")
            warm_up = requests.post(
                base + "/graphql/", json={"query": "{ uploadLimits { directUploads } }"},
                headers={"Authorization": f"Bearer {token}"}, timeout=60,
            )
            assert warm_up.json()["data"]["uploadLimits"]["directUploads"] is True
            time.sleep(0.5)  # a sample or two after the first request
            before = peak.max_mb()
            curl_seconds = curl_put(client, bucket, path)
            multipart_seconds, join_seconds = multipart_put(
                endpoint, key, secret, bucket, path, args.part_megabytes << 20
            )
            direct_seconds, complete_seconds, job = direct_upload(base, token, path)
        finally:
            peak.stop()
            stop(web)
            if moto is not None:
                stop(moto)
        steps = completion_steps(log)
    print(f"file: {size / 1e6:,.0f} MB in parts of {args.part_megabytes} MiB, "
          f"{CONCURRENCY} at once; store: {'moto_server' if moto else endpoint}")
    print(f"curl PUT of the same bytes:           {curl_seconds:8.2f} s")
    print(f"boto3 multipart upload, same parts:   {multipart_seconds:8.2f} s  "
          f"(the store's CompleteMultipartUpload {join_seconds:.2f} s of it)")
    print(f"direct upload (create -> completed):  {direct_seconds:8.2f} s  "
          f"({direct_seconds / curl_seconds:.2f}x curl, goal <= 1.3x; "
          f"{direct_seconds / multipart_seconds:.2f}x boto3's multipart upload; "
          f"completeUpload {complete_seconds:.2f} s of it); import {job}")
    print("completeUpload's steps (web log): " + (", ".join(
        f"{name} {seconds:.2f} s" for name, seconds in steps.items()) or "not logged")
        + " (the join is the store's)")
    print(f"web process peak RSS: {peak.max_mb():.0f} MB (before the uploads: {before:.0f} MB; "
          "goal: no growth with the file)")
    if job.get("status") != "STAGED":
        sys.exit("the upload did not end in a staged import")


if __name__ == "__main__":
    main()
