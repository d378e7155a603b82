"""Who may call what: the rules of ``accounts.roles.OPERATIONS``, applied to every call.

``Allowed`` guards GraphQL root fields by ``info.field_name``; ``http_refusal`` guards plain
HTTP routes by URL name. Refusals are ``FORBIDDEN`` and name the role or scope needed.
"""

from typing import Any

from django.http import HttpRequest
from django.urls import Resolver404, resolve
from strawberry import Info
from strawberry.permission import BasePermission

from accounts.context import caller
from accounts.roles import HTTP_OPERATIONS, OPERATIONS, Rule, refusal, role_of, token_scopes
from activity.context import actor_for, current_actor, set_actor
from core.graphql_errors import FORBIDDEN, coded_error


def _refusal(rule: Rule | None, name: str, user: Any, token: Any) -> str | None:
    if rule is None:  # an operation nobody wrote a rule for is nobody's
        return f"'{name}' has no permission rule, so it is refused."
    role = role_of(user)
    return refusal(rule, role, token_scopes(token.scopes, role) if token is not None else None)


class Allowed(BasePermission):
    """Allow a signed-in user whose role (and token scopes) the operation's rule allows.

    Anonymous callers get UNAUTHENTICATED; others without the role or scope get FORBIDDEN
    naming it. Records the caller as the actor of what the operation writes to the log.
    """

    message = "Sign in first: send a session cookie or 'Authorization: Bearer <token>'."
    error_extensions = {"code": "UNAUTHENTICATED"}

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        """Return False for anonymous callers; raise FORBIDDEN when the rule refuses."""
        user, token = await caller(info)
        if user is None:
            return False
        name = info.field_name
        rule = OPERATIONS.get(name)
        reason = _refusal(rule, name, user, token)
        if reason is not None:
            extensions: dict[str, Any] = {}
            if rule is not None and rule.role is not None:
                extensions["requiredRole"] = rule.role.name
                extensions["requiredScope"] = rule.scope
            raise coded_error(FORBIDDEN, reason, **extensions)
        context = info.context
        request = context.get("request") if isinstance(context, dict) else context.request
        set_actor(actor_for(request if isinstance(request, HttpRequest) else None, user, token))
        return True


#: The name every app's schema imports; it checks the operation table, not only sign-in.
IsAuthenticated = Allowed


def http_refusal(request: HttpRequest, user: Any, token: Any = None) -> str | None:
    """Why ``user`` (through ``token``) may not fetch this URL, or None when they may.

    Also records the caller as the actor of anything the view writes to the log.
    """
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        return None  # answered 404 further on
    reason = _refusal(HTTP_OPERATIONS.get(name), name, user, token)
    if reason is None:
        set_actor(actor_for(request, user, token))
    return reason


def may(user: Any, token: Any, operation: str) -> bool:
    """Whether ``user`` (through ``token``) may do what ``operation``'s rule guards."""
    return _refusal(OPERATIONS.get(operation), operation, user, token) is None


def caller_may(operation: str) -> bool:
    """Whether the caller of this request (known once ``Allowed`` let it in) may do
    ``operation``: for fields only some roles may read, e.g. a webhook's secret."""
    actor = current_actor()
    return actor.user is not None and may(actor.user, actor.token, operation)
