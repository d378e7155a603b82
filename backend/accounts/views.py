"""GET /activity.csv: the activity log as CSV (admins), with the app's filters."""

from collections.abc import AsyncIterator
from itertools import islice

from asgiref.sync import sync_to_async
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.dateparse import parse_datetime
from graphql import GraphQLError

from accounts.downloads import require_user
from activity import services
from core.graphql_errors import BAD_USER_INPUT
from core.http_errors import error_response
from core.ids import node_pk


async def _lines(rows: object) -> AsyncIterator[str]:
    iterator = services.csv_lines(rows)
    while True:
        # A batch of lines per thread hop, not one.
        chunk = await sync_to_async(lambda: list(islice(iterator, 500)))()
        if not chunk:
            return
        yield "".join(chunk)


async def activity_csv(request: HttpRequest) -> HttpResponse:
    """Stream the entries matching ``?user=<id>&kind=&since=&until=`` (ISO 8601), newest first."""
    user = await require_user(request)
    if isinstance(user, HttpResponse):
        return user
    try:
        person = request.GET.get("user")
        user_id = node_pk(person, "User", field="user") if person else None
        since, until = (_moment(request.GET.get(name), name) for name in ("since", "until"))
    except (GraphQLError, ValueError) as exc:
        return error_response(BAD_USER_INPUT, str(exc), 400)
    rows = services.entries(user_id=user_id, kind=request.GET.get("kind") or None,
                            since=since, until=until)
    response = StreamingHttpResponse(_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="activity.csv"'
    return response


def _moment(value: str | None, name: str) -> object:
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        raise ValueError(f"'{name}' must be an ISO 8601 date and time, e.g. 2025-01-31T00:00:00Z.")
    return moment
