"""PostgreSQL restarted mid-import, and separately the worker's connections cut with
``pg_terminate_backend``, on a private server (initdb/pg_ctl in a temp folder, free port).

The import resumes from its checkpoint and ends with the state and counts of an
uninterrupted run (computed in this process on the test database); during the outage the
web process answers within its timeouts (``/readyz`` 503 naming the database, GraphQL an
error) and afterwards serves again without a restart.
"""

import json
import time

import httpx
import psycopg2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imports import services as imports
from imports.models import ImportJob, ImportRowError
from imports.tests.conftest import catalogue, sample_csv
from imports.tests.test_worker_processes import CHUNK, kill, start_worker

from .faults import PrivatePostgres, manage, production_env, start_web, wait_until

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.production_only]

DATABASE = "faults"
HTTP_TIMEOUT = 15  # no request may take longer, outage or not
UPLOAD = """mutation Upload($file: Upload!) { importProducts(file: $file) {
  ... on ImportJob { id } ... on OperationInfo { messages { message } } } }"""
COUNT = "query Count { products(first: 1) { totalCount } }"
MAKE_TOKEN = (
    "from django.contrib.auth import get_user_model; from accounts.services import "
    "create_api_token; u = get_user_model().objects.create_user('ops', password='pw-long-1', "
    "role='editor'); "
    "print(create_api_token(u, 'faults')[1])"
)
OUTCOME = ("status, rows_processed, created_count, updated_count, unchanged_count, "
           "error_count")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """A private PostgreSQL with a migrated database, a web process and a worker on it."""
    from django.conf import settings

    folder = tmp_path_factory.mktemp("pg-stack")
    server = PrivatePostgres()
    processes = []
    try:
        server.start()
        server.create_database(DATABASE)
        url = server.url(DATABASE)
        env = production_env(url, settings.REDIS_URL, folder / "media",
                             IMPORT_CHUNK_ROWS=str(CHUNK), IMPORT_SWEEP_SECONDS="1")
        manage(env, "migrate", "--noinput")
        token = manage(env, "shell", "-c", MAKE_TOKEN).strip().splitlines()[-1]
        web, web_url = start_web(env, folder / "web.log")
        processes.append(web)
        settings_media = folder / "media"
        worker = start_worker(folder / "worker.log", DATABASE_URL=url,
                              MEDIA_ROOT=str(settings_media), DATABASE_CONNECT_TIMEOUT="2")
        processes.append(worker)
        yield {"server": server, "url": url, "web": web, "web_url": web_url, "token": token,
               "log": folder}
    finally:
        for process in processes:
            kill(process)
        server.destroy()


def query(url: str, sql: str, params=()) -> list[tuple]:
    with psycopg2.connect(url, connect_timeout=3) as conn, conn.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall() if cursor.description else []
    conn.close()
    return rows


def reference(data: bytes) -> tuple[tuple, dict, int]:
    """Outcome, catalogue and error rows of an uninterrupted run (test database)."""
    job = imports.submit_import(SimpleUploadedFile("p.csv", data))
    imports.process_queue()
    job.refresh_from_db()
    outcome = (job.status, job.rows_processed, job.created_count, job.updated_count,
               job.unchanged_count, job.error_count)
    return outcome, catalogue(), ImportRowError.objects.filter(job=job).count()


def api(stack) -> httpx.Client:
    return httpx.Client(base_url=stack["web_url"], timeout=HTTP_TIMEOUT,
                        headers={"Authorization": f"Bearer {stack['token']}"})


def upload(stack, data: bytes) -> int:
    from core.ids import node_pk

    with api(stack) as client:
        answer = client.post(
            "/graphql/",
            data={"operations": json.dumps({"query": UPLOAD, "variables": {"file": None}}),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("p.csv", data, "text/csv")},
        ).json()
    return node_pk(answer["data"]["importProducts"]["id"], "ImportJob")


def state(stack, job_id: int) -> tuple[tuple, dict, int]:
    url = stack["url"]
    outcome = query(url, f"SELECT {OUTCOME} FROM imports_importjob WHERE id = %s", [job_id])[0]
    products = {sku: (name, description, active) for sku, name, description, active in
                query(url, "SELECT sku, name, description, active FROM products_product")}
    errors = query(url, "SELECT count(*) FROM imports_importrowerror WHERE job_id = %s",
                   [job_id])[0][0]
    return outcome, products, errors


def run_with_fault(stack, data: bytes, fault) -> int:
    """Clear the private database's catalogue, import `data`, apply `fault` mid-import."""
    query(stack["url"], "DELETE FROM products_product")
    job_id = upload(stack, data)
    wait_until(lambda: query(stack["url"], "SELECT chunks_committed FROM imports_importjob "
                             "WHERE id = %s", [job_id])[0][0] >= 2, 60, "two chunks")
    fault()
    wait_until(lambda: query(stack["url"], "SELECT status FROM imports_importjob WHERE id = %s",
                             [job_id])[0][0] not in ("PENDING", "PROCESSING"), 180,
               f"the import to end (logs in {stack['log']})")
    return job_id


def assert_web_serves(stack) -> None:
    assert httpx.get(f"{stack['web_url']}/readyz", timeout=HTTP_TIMEOUT).status_code == 200
    with api(stack) as client:
        answer = client.post("/graphql/", json={"query": COUNT}).json()
    # The web process answers from the restarted database: the figure the database holds.
    in_database = query(stack["url"], "SELECT count(*) FROM products_product")[0][0]
    assert in_database > 0
    assert answer["data"]["products"]["totalCount"] == in_database, answer
    assert stack["web"].poll() is None  # the same process, never restarted


def test_postgres_restarted_mid_import(stack):
    data = sample_csv(6000, seed=21, prefix="pg")
    expected = reference(data)
    during = {}

    def restart():
        stack["server"].stop("fast")
        with api(stack) as client:  # each answer comes within HTTP_TIMEOUT or the test fails
            ready = httpx.get(f"{stack['web_url']}/readyz", timeout=HTTP_TIMEOUT)
            during["ready"] = (ready.status_code, ready.json())
            graphql = client.post("/graphql/", json={"query": COUNT})
            during["graphql"] = (graphql.status_code, graphql.json())
        time.sleep(2)  # the worker meets the outage on its next chunk
        stack["server"].start()

    job_id = run_with_fault(stack, data, restart)

    status, body = during["ready"]
    assert status == 503 and "database" in body["down"]
    status, body = during["graphql"]
    assert status == 503, body
    assert body["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert state(stack, job_id) == expected
    attempts = query(stack["url"], "SELECT attempts FROM imports_importjob WHERE id = %s",
                     [job_id])[0][0]
    assert attempts >= 2  # it was interrupted and resumed
    assert_web_serves(stack)


def test_worker_connections_cut_mid_import(stack):
    data = sample_csv(6000, seed=22, prefix="cut")
    expected = reference(data)

    def cut():
        cut_pids = query(
            stack["url"],
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'", [DATABASE],
        )
        assert cut_pids

    job_id = run_with_fault(stack, data, cut)

    assert state(stack, job_id) == expected
    attempts = query(stack["url"], "SELECT attempts FROM imports_importjob WHERE id = %s",
                     [job_id])[0][0]
    assert attempts >= 2
    assert_web_serves(stack)
    assert ImportJob.objects.count() == 1  # the reference's, in the test database
