"""Fixtures of the exports tests: products, running an export, reading its file."""

import csv
import io
from collections.abc import Callable

import pytest
from asgiref.sync import async_to_sync
from django.test import Client

from exports import runner
from exports.models import ExportJob
from imports.tests.conftest import run_import, submit  # noqa: F401  (fixtures reused)
from products.models import Product

from .documents import EXPORT_PRODUCTS

TRICKY = [
    ("ALPHA-1", "Alpha, the first", 'Line one\nline two with "quotes"\n\nafter a blank line', True),
    ("beta-2", "Beta", "", False),
    ("Gamma-3", "  Gamma;semicolon  ".strip(), "tab\there, comma, and ünïcødé ✓", True),
    ("delta-4", "=1+2 formula-looking", "0012 leading zeros", False),
    ("eps-5", "Windows breaks", "first\r\nsecond\r\nthird", True),
]


@pytest.fixture
def tricky_products(db) -> list[Product]:
    """Products whose values test quoting, line breaks, empties, accents and look-alikes."""
    return [
        Product.objects.create(sku=sku, name=name, description=desc, active=active)
        for sku, name, desc, active in TRICKY
    ]


@pytest.fixture
def start_export(gql_client) -> Callable[..., dict]:
    """Ask for an export through the API; returns the mutation's answer (the job or messages)."""

    def start(export_format: str = "CSV", filters: dict | None = None, client=None) -> dict:
        result = (client or gql_client).query(
            EXPORT_PRODUCTS, {"format": export_format, "filters": filters}
        )
        assert "errors" not in result, result
        return result["data"]["exportProducts"]

    return start


@pytest.fixture
def run_export(start_export) -> Callable[..., ExportJob]:
    """Ask for an export through the API and make it in this thread; returns the ended job."""

    def run(export_format: str = "CSV", filters: dict | None = None) -> ExportJob:
        answer = start_export(export_format, filters)
        job = ExportJob.objects.latest("id")
        assert answer["status"] == "PENDING"
        runner.run(job.pk)
        job.refresh_from_db()
        return job

    return run


def read_download(client: Client, url: str):
    """GET ``url``; returns the response and its whole body."""
    response = client.get(url)
    if not getattr(response, "streaming", False):
        return response, response.content

    async def collect():
        return [part async for part in response.streaming_content]

    return response, b"".join(async_to_sync(collect)())


def csv_rows(body: bytes) -> list[list[str]]:
    """The records of a CSV export (after checking its UTF-8 byte order mark)."""
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body[3:].decode("utf-8"), newline="")))
