"""The check step keeps a staged import's sync choices as they are made (chooseImportSync),
so a reload starts from them; an incomplete choice waits for Start to be refused."""

import pytest
from strawberry.relay import to_base64

from imports.models import ImportJob

from .test_staging_api import START, messages, stage

pytestmark = pytest.mark.django_db

CHOOSE = """
mutation Choose($id: ID!, $options: ImportOptionsInput!) {
  chooseImportSync(id: $id, options: $options) {
    ... on ImportJob { id status mode missing missingScope source maxRemovalPercent }
    ... on OperationInfo { messages { kind message field code } }
  }
}
"""

RELOAD = """
query Reload($id: ID!) {
  importJob(id: $id) { status mode emptyCells missing missingScope source maxRemovalPercent }
}
"""

FILE = b"sku,active\na-1,false\n"


def choose(client, job_id: str, options: dict) -> dict:
    return client.query(CHOOSE, {"id": job_id, "options": options})["data"]["chooseImportSync"]


def test_choices_made_on_the_check_step_are_there_after_a_reload(gql_client):
    staged = stage(gql_client, FILE)
    choose(gql_client, staged["id"], {"mode": "UPDATE_ONLY"})
    choose(gql_client, staged["id"], {"missing": "DEACTIVATE", "maxRemovalPercent": 40})

    reloaded = gql_client.query(RELOAD, {"id": staged["id"]})["data"]["importJob"]

    assert reloaded == {"status": "STAGED", "mode": "UPDATE_ONLY", "emptyCells": "CLEAR",
                        "missing": "DEACTIVATE", "missingScope": "ALL", "source": None,
                        "maxRemovalPercent": 40.0}


def test_a_scope_waiting_for_its_source_is_kept_and_refused_only_at_start(gql_client):
    staged = stage(gql_client, FILE)
    chosen = choose(gql_client, staged["id"], {"missing": "DELETE", "missingScope": "SOURCE"})
    assert (chosen["missingScope"], chosen["source"]) == ("SOURCE", None)

    started = gql_client.query(START, {"id": staged["id"]})["data"]["startImport"]

    assert [(field, code) for field, code, _ in messages(started)] == [
        ("source", "source_required")]
    assert ImportJob.objects.get().status == ImportJob.Status.STAGED


def test_a_bad_value_is_a_message_with_a_code_and_nothing_is_kept(gql_client):
    staged = stage(gql_client, FILE)
    answer = choose(gql_client, staged["id"], {"mode": "UPDATE_ONLY", "maxRemovalPercent": 101})
    assert [(field, code) for field, code, _ in messages(answer)] == [
        ("maxRemovalPercent", "out_of_range")]
    assert ImportJob.objects.get().mode == "UPSERT"


def test_only_a_staged_import_takes_choices(gql_client, run_import):
    job = run_import(FILE.replace(b"sku,active", b"sku,name"))
    answer = choose(gql_client, to_base64("ImportJob", job.pk), {"mode": "CREATE_ONLY"})
    assert [(field, code) for field, code, _ in messages(answer)] == [("id", "not_staged")]
    job.refresh_from_db()
    assert job.mode == "UPSERT"
