"""The API's settings are checked when Django starts: a rate that django-ninja cannot read
would otherwise fail at the first request."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

RATE = re.compile(r"^[1-9][0-9]*/(s|m|h|d)[a-z]*$")


def check_settings() -> None:
    for name in ("ACCORD_API_RATE", "ACCORD_API_PUBLIC_RATE"):
        value = getattr(settings, name)
        if not RATE.match(value):
            raise ImproperlyConfigured(f"{name}={value!r} is not a rate such as 600/m or 10/s")
    if settings.ACCORD_API_MAX_LIMIT < 1:
        raise ImproperlyConfigured("ACCORD_API_MAX_LIMIT must be at least 1")
