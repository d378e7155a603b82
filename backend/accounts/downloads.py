"""Sign-in and role for the files the server serves itself (exports, import error and
change logs, the activity log).

A download accepts the session cookie or ``Authorization: Bearer <token>`` (the bearer
token is checked by ``accounts.middleware``, which sets ``request.user``); the role and the
token's scopes are checked against the one permission table (``accounts.roles``).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import urlencode

from accounts.permissions import http_refusal
from core.graphql_errors import FORBIDDEN, UNAUTHENTICATED
from core.http_errors import error_response

SIGN_IN_FIRST = "Sign in first: send a session cookie or 'Authorization: Bearer <token>'."


def wants_html(request: HttpRequest) -> bool:
    """True for a browser opening a link (it asks for HTML first), not for an API client."""
    accept = request.headers.get("Accept", "")
    return "text/html" in accept and "Authorization" not in request.headers


async def require_user(
    request: HttpRequest, *, send_browsers_to_sign_in: bool = False
) -> AbstractBaseUser | HttpResponse:
    """The signed-in user allowed to fetch this URL, or the answer to give instead (a JSON
    401, or 403 naming the role or scope needed).

    With ``send_browsers_to_sign_in``, a signed-out browser is redirected to the app's
    sign-in page, which brings it back to this download.
    """
    user = await request.auser()
    if user.is_authenticated and user.is_active:
        refused = http_refusal(request, user, getattr(request, "api_token", None))
        if refused is not None:
            return error_response(FORBIDDEN, refused, 403)
        return user
    if send_browsers_to_sign_in and wants_html(request):
        return HttpResponseRedirect("/login?" + urlencode({"next": request.path}))
    return error_response(UNAUTHENTICATED, SIGN_IN_FIRST, 401)
