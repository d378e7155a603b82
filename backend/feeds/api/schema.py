"""GraphQL root fields of the feeds app: each turns input into one service call; the runs it
queues are sent to a worker after the change commits."""

from __future__ import annotations

from typing import Any

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import Info
from strawberry.permission import BasePermission

from accounts.permissions import IsAuthenticated
from core.ids import node_pk
from core.pagination import ListConnection
from core.queueing import send_after_commit

from .. import services, tasks, testing
from ..models import Feed, FeedRun
from .types import FeedInput, FeedRunType, FeedSourceTest, FeedType

AUTH: list[type[BasePermission]] = [IsAuthenticated]


def _user(info: Info) -> Any:
    return getattr(info.context.request, "user", None)


@strawberry.type
class Query:
    """Feeds queries."""

    @strawberry_django.connection(ListConnection[FeedType], permission_classes=AUTH)
    def feeds(self, info: Info) -> QuerySet[Feed]:
        """Every feed, newest first."""
        return services.feeds_for(_user(info))

    @strawberry_django.field(graphql_type=FeedType | None, permission_classes=AUTH)
    def feed(self, info: Info, id: strawberry.ID) -> Feed | None:  # noqa: A002
        """The feed with this id, or null when there is none."""
        return services.feeds_for(_user(info)).filter(pk=node_pk(id, "Feed")).first()


@strawberry.type
class Mutation:
    """Feeds mutations; problems come back as OperationInfo messages with a field and code."""

    @strawberry_django.mutation(
        graphql_type=FeedType, handle_django_errors=True, permission_classes=AUTH
    )
    def create_feed(self, info: Info, input: FeedInput) -> Feed:  # noqa: A002
        """Create a feed (name and url required); it is owned by the caller."""
        return services.create_feed(input.to_dict(), owner=_user(info))

    @strawberry_django.mutation(
        graphql_type=FeedType, handle_django_errors=True, permission_classes=AUTH
    )
    def update_feed(self, id: strawberry.ID, input: FeedInput) -> Feed:  # noqa: A002
        """Change the fields given; a secret given as "" is cleared. Enabling a disabled
        feed forgets its failures."""
        return services.update_feed(node_pk(id, "Feed"), input.to_dict())

    @strawberry_django.mutation(
        graphql_type=FeedType, handle_django_errors=True, permission_classes=AUTH
    )
    def delete_feed(self, id: strawberry.ID) -> Feed:  # noqa: A002
        """Delete a feed and its run history; the imports it started stay."""
        return services.delete_feed(node_pk(id, "Feed"))

    @strawberry_django.mutation(
        graphql_type=FeedRunType, handle_django_errors=True, permission_classes=AUTH
    )
    def run_feed(self, id: strawberry.ID) -> FeedRun:  # noqa: A002
        """Run the feed now: the run is queued, fetches, and (when the file is new) starts
        an import that waits in the import queue like any other."""
        run = services.queue_run(node_pk(id, "Feed"))
        send_after_commit(tasks.run_feed, run.pk)
        return run

    @strawberry_django.mutation(
        graphql_type=FeedSourceTest, handle_django_errors=True, permission_classes=AUTH
    )
    def test_feed_source(
        self,
        info: Info,
        input: FeedInput,
        feed_id: strawberry.ID | None = None,  # noqa: A002
    ) -> FeedSourceTest:
        """Reach the source with these fields (a saved feed's secrets fill the ones not
        given) and stage the fetched file without importing it."""
        pk = node_pk(feed_id, "Feed", field="feedId") if feed_id is not None else None
        found = testing.test_source(input.to_dict(), feed_id=pk, user=_user(info))
        return FeedSourceTest(
            ok=found.ok,
            message=found.message,
            code=found.code,
            http_status=found.http_status,
            size=found.size,
            content_type=found.content_type,
            host_key=found.host_key,
            job=found.job,
        )
