"""``record``: write one activity entry in the caller's transaction.

Call it inside the ``transaction.atomic()`` block that makes the change, so the entry and the
change commit or roll back together: a change is never made without its entry.
"""

from __future__ import annotations

from typing import Any

from activity.context import Actor, current_actor
from activity.models import Entry

#: ``detail`` keys that could carry a credential are refused outright, whatever their value.
_FORBIDDEN_KEYS = ("password", "secret", "token", "plaintext", "hash")


def _target(obj: Any) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    label = getattr(obj, "sku", None) or getattr(obj, "username", None) or str(obj)
    return type(obj).__name__, str(getattr(obj, "pk", "") or ""), str(label)[:300]


def record(
    kind: str,
    target: Any = None,
    *,
    detail: dict[str, Any] | None = None,
    actor: Actor | None = None,
    label: str | None = None,
) -> Entry:
    """Write an entry: ``kind`` (e.g. "product.updated") done to ``target`` by the actor."""
    detail = detail or {}
    for key in detail:
        if any(word in key.lower() for word in _FORBIDDEN_KEYS):
            raise ValueError(f"activity detail key {key!r} could hold a credential")
    who = actor or current_actor()
    user = who.user if getattr(who.user, "pk", None) is not None else None
    token = who.token
    target_type, target_id, target_label = _target(target)
    return Entry.objects.create(
        kind=kind,
        user=user,
        actor=(user.get_username() if user is not None else "system")[:150],
        token_id=getattr(token, "pk", None),
        token_label=f"{token.name} ({token.prefix}…)"[:120] if token is not None else "",
        ip=who.ip,
        request_id=(who.request_id or "")[:64],
        target_type=target_type,
        target_id=target_id,
        target_label=label if label is not None else target_label,
        detail=detail,
    )
