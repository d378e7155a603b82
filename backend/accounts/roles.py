"""Who may do what: roles, token scopes, and the one table of rules per operation.

Every GraphQL root field (query, mutation, subscription) and every plain HTTP route has a
row in ``OPERATIONS``: the least role its caller needs and the scope an API token needs. A
field without a row is refused (``accounts.permissions.Allowed``), and a test walks the
schema so that a field added without a rule fails the suite.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Role(enum.IntEnum):
    """A person's role; a higher role may do everything a lower one may."""

    VIEWER = 1
    EDITOR = 2
    ADMIN = 3

    @property
    def label(self) -> str:
        """The role's name as people read it: "Editor"."""
        return self.name.capitalize()


ROLE_NAMES: dict[str, Role] = {role.name.lower(): role for role in Role}

#: Token scopes, in the order the app lists them.
PRODUCTS_READ = "products:read"
PRODUCTS_WRITE = "products:write"
IMPORTS = "imports"
WEBHOOKS = "webhooks"
ADMIN = "admin"
SCOPES: tuple[str, ...] = (PRODUCTS_READ, PRODUCTS_WRITE, IMPORTS, WEBHOOKS, ADMIN)

#: A scope also grants the scopes listed here (importing needs to read what it imported).
IMPLIED: dict[str, frozenset[str]] = {
    PRODUCTS_WRITE: frozenset({PRODUCTS_READ}),
    IMPORTS: frozenset({PRODUCTS_READ}),
    ADMIN: frozenset(SCOPES),
}


@dataclass(frozen=True)
class Rule:
    """The least role an operation needs, and the scope a token needs (None: none)."""

    role: Role | None  # None: anyone, signed in or not
    scope: str | None = None


PUBLIC = Rule(None)
OWN = Rule(Role.VIEWER)  # every signed-in person, for their own things; no scope needed
READ = Rule(Role.VIEWER, PRODUCTS_READ)
WRITE = Rule(Role.EDITOR, PRODUCTS_WRITE)
IMPORT = Rule(Role.EDITOR, IMPORTS)
WEBHOOK_READ = Rule(Role.VIEWER, WEBHOOKS)
WEBHOOK_ADMIN = Rule(Role.ADMIN, WEBHOOKS)
TEAM_ADMIN = Rule(Role.ADMIN, ADMIN)

OPERATIONS: dict[str, Rule] = {
    # Sign-in and the caller's own account.
    "me": PUBLIC,
    "login": PUBLIC,
    "logout": PUBLIC,
    "acceptInvitation": PUBLIC,
    "invitation": PUBLIC,
    "requestPasswordReset": PUBLIC,
    "resetPassword": PUBLIC,
    "operationRules": OWN,
    "apiTokens": OWN,
    "createApiToken": OWN,
    "revokeApiToken": OWN,
    # The catalogue.
    "products": READ,
    "product": READ,
    "productBySku": READ,
    "createProduct": WRITE,
    "updateProduct": WRITE,
    "deleteProduct": WRITE,
    "deleteProducts": WRITE,
    "setProductsActive": WRITE,
    "productChanges": READ,
    "productChangesCursor": READ,
    "upsertProducts": WRITE,
    "deleteAllProducts": TEAM_ADMIN,
    # Imports, their change logs and undo.
    "importJobs": READ,
    "importJob": READ,
    "importProgress": READ,
    "importProducts": IMPORT,
    "stageImport": IMPORT,
    "inspectImport": IMPORT,
    "chooseImportSync": IMPORT,
    "startImport": IMPORT,
    "importAgain": IMPORT,
    "cancelImport": IMPORT,
    "confirmImport": IMPORT,
    "revertImport": IMPORT,
    # Direct uploads to the object store (each person continues only their own).
    "uploadLimits": OWN,
    "createUpload": IMPORT,
    "uploadPartUrls": IMPORT,
    "uploadedParts": IMPORT,
    "completeUpload": IMPORT,
    "abortUpload": IMPORT,
    # Exports (each person sees the exports they made).
    "exportJobs": READ,
    "exportJob": READ,
    "exportProducts": Rule(Role.EDITOR, PRODUCTS_READ),
    # Webhooks: everyone reads them (the secret only admins), admins change them.
    "webhooks": WEBHOOK_READ,
    "webhookDeliveries": WEBHOOK_READ,
    "createWebhook": WEBHOOK_ADMIN,
    "updateWebhook": WEBHOOK_ADMIN,
    "deleteWebhook": WEBHOOK_ADMIN,
    "rotateWebhookSecret": WEBHOOK_ADMIN,
    "testWebhook": WEBHOOK_ADMIN,
    "redeliverWebhook": WEBHOOK_ADMIN,
    # Feeds (imports that fetch their file by themselves): reads READ, changes IMPORT.
    "feeds": READ,
    "feed": READ,
    "createFeed": IMPORT,
    "updateFeed": IMPORT,
    "deleteFeed": IMPORT,
    "runFeed": IMPORT,
    "testFeedSource": IMPORT,
    # People, every token, the activity log.
    "people": TEAM_ADMIN,
    "invitations": TEAM_ADMIN,
    "invitePerson": TEAM_ADMIN,
    "revokeInvitation": TEAM_ADMIN,
    "changeRole": TEAM_ADMIN,
    "deactivatePerson": TEAM_ADMIN,
    "reactivatePerson": TEAM_ADMIN,
    "allApiTokens": TEAM_ADMIN,
    "activityEntries": TEAM_ADMIN,
    "emailDelivery": TEAM_ADMIN,
}

#: Plain HTTP routes by URL name; /metrics answers before these (its own token).
HTTP_OPERATIONS: dict[str, Rule] = {
    "graphql": PUBLIC,  # each root field is checked on its own
    "healthz": PUBLIC,
    "readyz": PUBLIC,
    "spa": PUBLIC,
    "import-errors-csv": READ,
    "import-changes-csv": READ,
    "import-conflicts-csv": READ,
    "export-download": READ,
    "activity-csv": TEAM_ADMIN,
}


def role_of(user: Any) -> Role:
    """Return ``user``'s role; a superuser is an admin."""
    if getattr(user, "is_superuser", False):
        return Role.ADMIN
    return ROLE_NAMES.get(getattr(user, "role", ""), Role.VIEWER)


def expand(scopes: list[str] | tuple[str, ...] | frozenset[str]) -> frozenset[str]:
    """Return ``scopes`` with the scopes they imply."""
    out = set(scopes)
    for scope in scopes:
        out |= IMPLIED.get(scope, frozenset())
    return frozenset(out)


def scopes_for(role: Role) -> frozenset[str]:
    """The scopes a token of a person with ``role`` may hold: those of what the role may do."""
    return frozenset(
        rule.scope
        for rule in (*OPERATIONS.values(), *HTTP_OPERATIONS.values())
        if rule.scope and rule.role is not None and rule.role <= role
    )


def token_scopes(scopes: list[str] | None, role: Role) -> frozenset[str]:
    """The scopes a token holds now: its own (None: all its owner's), within the role's."""
    allowed = scopes_for(role)
    return allowed if scopes is None else expand(scopes) & allowed


def refusal(rule: Rule, role: Role, scopes: frozenset[str] | None) -> str | None:
    """Why a caller with ``role`` (and a token's ``scopes``) may not do this, or None."""
    if rule.role is not None and role < rule.role:
        return f"This needs the {rule.role.label} role; you are {_article(role.label)}."
    if scopes is not None and rule.scope is not None and rule.scope not in scopes:
        return (
            f"This API token lacks the '{rule.scope}' scope. Create a token with it "
            "(createApiToken scopes)."
        )
    return None


def _article(word: str) -> str:
    return ("an " if word[0] in "AEIOU" else "a ") + word
