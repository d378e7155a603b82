"""The activity log over GraphQL (admins): who did what, newest first, filtered."""

from collections.abc import Iterable
from datetime import datetime

import strawberry
import strawberry_django
from strawberry import auto, relay
from strawberry.scalars import JSON

from accounts.permissions import Allowed
from accounts.types import UserType
from activity import services
from activity.models import Entry
from core.ids import node_pk
from core.pagination import ListConnection


@strawberry_django.type(Entry, name="ActivityEntry")
class ActivityEntryType(relay.Node):
    """One thing a person or token did: when, who, from where, what, to which object."""

    at: auto
    kind: auto
    actor: auto = strawberry_django.field(description="Username at the time, or 'system'.")
    user: UserType | None
    token_label: auto = strawberry_django.field(
        description="The API token used (name and prefix), empty for a browser session."
    )
    ip: auto
    request_id: auto
    target_type: auto
    target_id: auto
    target_label: auto
    detail: JSON


@strawberry.type
class Query:
    """Activity queries."""

    @strawberry_django.connection(ListConnection[ActivityEntryType], permission_classes=[Allowed])
    def activity_entries(
        self,
        user_id: strawberry.ID | None = None,
        kind: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> Iterable[Entry]:
        """Entries newest first; ``kind`` is a kind ("product.updated") or a prefix ("product.")."""
        return services.entries(
            user_id=node_pk(user_id, "User", field="userId") if user_id else None,
            kind=kind,
            since=since,
            until=until,
        ).select_related("user")
