"""Settings of people, invitations, password resets, e-mail and the activity log.

E-mail, in order: ``EMAIL_URL`` (e.g. ``smtp://user:pass@mail.example.com:587?tls=True``,
read by dj-email-url); else ``EMAIL_HOST`` with ``EMAIL_PORT``, ``EMAIL_HOST_USER``,
``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``; else, in embedded mode, files in
``DATA_DIR/emails`` (Django's file backend); else none, and the app shows invitation links
to copy.
"""

from pathlib import Path

import dj_email_url

from core.env import env_bool, env_int, env_str


def email_settings(data_dir: Path, embedded: bool) -> dict[str, object]:
    """The EMAIL_* settings and ``EMAIL_DELIVERY`` ("smtp", "file" or "none")."""
    url = env_str("EMAIL_URL")
    if url:
        parsed = dj_email_url.parse(url)
        out = {f"EMAIL_{key}": value for key, value in parsed.items() if value is not None}
        delivery = "file" if parsed["BACKEND"].endswith("filebased.EmailBackend") else "smtp"
        return {**out, "EMAIL_DELIVERY": delivery}
    host = env_str("EMAIL_HOST")
    if host:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": host,
            "EMAIL_PORT": env_int("EMAIL_PORT", 25, min_value=1),
            "EMAIL_HOST_USER": env_str("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": env_str("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS", False),
            "EMAIL_TIMEOUT": env_int("EMAIL_TIMEOUT", 10, min_value=1),
            "EMAIL_DELIVERY": "smtp",
        }
    if embedded:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(data_dir / "emails"),
            "EMAIL_DELIVERY": "file",
        }
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "EMAIL_DELIVERY": "none",
    }


def settings(data_dir: Path, embedded: bool) -> dict[str, object]:
    """Every setting of this module, for ``config/settings.py`` to take in."""
    return {
        **email_settings(data_dir, embedded),
        "INVITATION_TTL_HOURS": env_int("INVITATION_TTL_HOURS", 72, min_value=1),
        # Django's password-reset links (one use: they die once the password changes).
        "PASSWORD_RESET_TIMEOUT": env_int("PASSWORD_RESET_TIMEOUT_HOURS", 24, min_value=1) * 3600,
        "ACTIVITY_RETENTION_DAYS": env_int("ACTIVITY_RETENTION_DAYS", 365, min_value=1),
        "DEFAULT_FROM_EMAIL": env_str("DEFAULT_FROM_EMAIL", "Product Importer <noreply@localhost>"),
        # Links in e-mails start with this; by default, the address the admin's request used.
        "APP_URL": (env_str("APP_URL", "") or "").rstrip("/"),
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": f"django.contrib.auth.password_validation.{name}"}
            for name in (
                "UserAttributeSimilarityValidator",
                "MinimumLengthValidator",
                "CommonPasswordValidator",
                "NumericPasswordValidator",
            )
        ],
    }
