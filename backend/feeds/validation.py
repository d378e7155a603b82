"""Checking a feed's fields before anything is saved: one message per field at fault, each
with a code (raised together as one ValidationError)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from core.outbound import AddressError, resolve_host
from imports.pipeline import options as sync_options
from imports.staging import clean_options

from .schedule import ScheduleError, clean_schedule, clean_time_zone
from .sources.ssh_keys import load_private_key, parse_host_key

SCHEMES = ("http", "https", "sftp")
DEFAULT_PORTS = {"http": 80, "https": 443, "sftp": 22}
NAME_MAX = 255
URL_MAX = 2000
MAX_NOTIFY_EMAILS = 20
HEADER_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,255}$")


class Problems:
    """Collects field problems; `raise_if_any` raises them as one ValidationError."""

    def __init__(self) -> None:
        self.errors: dict[str, list[ValidationError]] = {}

    def add(self, field: str, message: str, code: str) -> None:
        """Note a problem on `field` (its API name)."""
        self.errors.setdefault(field, []).append(ValidationError(message, code=code))

    def raise_if_any(self) -> None:
        """Raise the problems noted, if any."""
        if self.errors:
            raise ValidationError(self.errors)


def clean_name(value: Any, problems: Problems) -> str:
    """The feed's name, trimmed (1-255 characters)."""
    name = str(value or "").strip()
    if not name:
        problems.add("name", 'Give the feed a name, e.g. "Acme daily catalogue".', "required")
    elif len(name) > NAME_MAX:
        problems.add(
            "name",
            f"A feed's name is at most {NAME_MAX} characters; this one has {len(name)}.",
            "too_long",
        )
    return name


def clean_url(value: Any, problems: Problems) -> str:
    """The source URL: http(s) or sftp, with a host, no credentials inside, and (unless
    FEED_ALLOW_PRIVATE_SOURCES) a host that resolves to public addresses only."""
    url = str(value or "").strip()
    if not url:
        problems.add(
            "url",
            "Enter the source's URL: https://example.com/catalogue.csv or "
            "sftp://host/path/catalogue.csv.",
            "required",
        )
        return url
    if len(url) > URL_MAX:
        problems.add(
            "url",
            f"The URL is {len(url)} characters long; at most {URL_MAX} are allowed.",
            "too_long",
        )
        return url
    if any(ch.isspace() for ch in url):
        problems.add("url", "The URL must not contain spaces.", "invalid_url")
        return url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        problems.add("url", f"This is not a valid URL: {exc}.", "invalid_url")
        return url
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        problems.add(
            "url",
            f"A feed reads https://, http:// or sftp:// URLs, not "
            f"{(scheme + '://') if scheme else 'this'}.",
            "unsupported_scheme",
        )
        return url
    if parts.username or parts.password or "@" in parts.netloc:
        problems.add(
            "url",
            "Put no user name or password in the URL; use the feed's "
            "username and password fields (they are stored encrypted).",
            "credentials_in_url",
        )
        return url
    if not parts.hostname:
        problems.add(
            "url",
            "The URL has no host name, e.g. https://example.com/catalogue.csv.",
            "invalid_url",
        )
        return url
    if port == 0:
        problems.add("url", "The URL's port must be between 1 and 65535.", "invalid_url")
        return url
    if scheme == "sftp" and parts.path.strip("/") == "":
        problems.add(
            "url",
            "An sftp:// URL names the file to fetch, e.g. "
            "sftp://files.example.com/outgoing/catalogue.csv.",
            "invalid_url",
        )
        return url
    try:
        resolve_host(
            parts.hostname,
            port or DEFAULT_PORTS[scheme],
            allow_private=settings.FEED_ALLOW_PRIVATE_SOURCES,
        )
    except AddressError as exc:
        if exc.blocked:
            problems.add(
                "url",
                f"{exc} Feeds may only fetch from public addresses (the "
                "operator may set FEED_ALLOW_PRIVATE_SOURCES=1 to allow private "
                "networks).",
                "private_address",
            )
        else:
            problems.add("url", f"{exc} Check the URL.", "unresolvable_host")
    return url


def clean_options_json(value: dict[str, Any] | None, problems: Problems) -> dict[str, Any]:
    """The saved import options: the reading choices and the sync options (checked by the
    imports code). `source` is the feed's own key, so it is not kept here."""
    given = dict(value or {})
    given.pop("source", None)
    try:
        sync = sync_options.clean({**given, "source": "feed"})
    except ValidationError as exc:
        for field, errors in exc.error_dict.items():
            for error in errors:
                problems.add(
                    f"options.{field}",
                    error.message % (error.params or {}),
                    error.code or "invalid",
                )
        return {}
    sync.pop("source")
    reading = clean_options(given)
    if "header_row" in reading:
        row = reading["header_row"]
        if not isinstance(row, int) or isinstance(row, bool) or row < 1:
            problems.add(
                "options.headerRow",
                f"headerRow is the line holding the column names, 1 or more; {row!r} is not.",
                "out_of_range",
            )
    return {**reading, **sync}


def clean_schedule_fields(schedule: Any, time_zone: Any, problems: Problems) -> tuple[str, str]:
    """The cron expression ("" = manual only) and the IANA time zone."""
    out_schedule, out_zone = "", "UTC"
    try:
        out_schedule = clean_schedule(schedule)
    except ScheduleError as exc:
        problems.add(exc.field, str(exc), exc.code)
    try:
        out_zone = clean_time_zone(time_zone)
    except ScheduleError as exc:
        problems.add(exc.field, str(exc), exc.code)
    return out_schedule, out_zone


def clean_emails(value: Any, problems: Problems) -> list[str]:
    """The extra addresses to notify: valid, without duplicates, at most 20."""
    out: list[str] = []
    for index, raw in enumerate(value or []):
        address = str(raw or "").strip()
        try:
            validate_email(address)
        except ValidationError:
            problems.add(
                "notifyEmails",
                f"Address {index + 1} ({address!r}) is not an e-mail address.",
                "invalid_email",
            )
            continue
        if address.lower() not in (a.lower() for a in out):
            out.append(address)
    if len(out) > MAX_NOTIFY_EMAILS:
        problems.add(
            "notifyEmails",
            f"At most {MAX_NOTIFY_EMAILS} addresses; {len(out)} were given.",
            "too_many",
        )
    return out


def check_credentials(feed: dict[str, Any], problems: Problems) -> None:
    """The credentials fit the source: SFTP needs a user and a password or a private key;
    a header needs both its name and its value; keys look like keys."""
    scheme = urlsplit(feed["url"]).scheme.lower() if feed.get("url") else ""
    if len(feed.get("username") or "") > 255:
        problems.add("username", "A user name is at most 255 characters.", "too_long")
    header_name = feed.get("header_name") or ""
    if header_name and not HEADER_NAME.match(header_name):
        problems.add(
            "headerName",
            f"{header_name!r} is not an HTTP header name (letters, "
            "digits and - only, e.g. Authorization).",
            "invalid_header_name",
        )
    if feed.get("header_value_given") and any(c in feed["header_value_given"] for c in "\r\n"):
        problems.add("headerValue", "A header value must be one line.", "invalid_header_value")
    if header_name and not feed.get("has_header_value"):
        problems.add("headerValue", f"Give the value of the {header_name} header.", "required")
    if feed.get("has_header_value") and not header_name:
        problems.add(
            "headerName",
            "Give the name of the header the value goes in, e.g. Authorization.",
            "required",
        )
    key = feed.get("private_key_given")
    if key:
        try:
            load_private_key(key)
        except ValueError as exc:
            problems.add("privateKey", str(exc), "invalid_private_key")
    host_key = feed.get("host_key") or ""
    if host_key:
        try:
            parse_host_key(host_key)
        except ValueError as exc:
            problems.add("hostKey", str(exc), "invalid_host_key")
    if scheme == "sftp":
        if not feed.get("username"):
            problems.add(
                "username", "An SFTP feed needs the user name to sign in with.", "required"
            )
        if not feed.get("has_password") and not feed.get("has_private_key"):
            problems.add(
                "password",
                "An SFTP feed needs a password or a private key.",
                "credentials_required",
            )
        if header_name:
            problems.add(
                "headerName",
                "A header is sent to HTTP sources only; an SFTP feed "
                "signs in with a password or a private key.",
                "not_for_sftp",
            )
    elif scheme in ("http", "https"):
        if feed.get("has_private_key"):
            problems.add(
                "privateKey",
                "A private key signs in to SFTP sources only; an HTTP "
                "feed uses a user name and password or a header.",
                "not_for_http",
            )
        if feed.get("host_key"):
            problems.add("hostKey", "A host key belongs to SFTP sources only.", "not_for_http")
        if feed.get("has_password") and not feed.get("username"):
            problems.add(
                "username", "HTTP Basic sign-in needs the user name with the password.", "required"
            )
