"""Who calls the API: a personal token (``Authorization: Bearer <key>``), else the signed-in
session for reads (GET, HEAD), else the public. Writes need a read-write token.

``Caller`` is what ``request.auth`` holds; the throttle counts requests per token, per
signed-in user, else per address.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from accord.api.errors import ApiError
from accord.api.models import ApiToken
from accord.api.tokens import token_for_key

SAFE = ("GET", "HEAD", "OPTIONS")


class Caller:
    """The user behind a request, and the token they presented (if any)."""

    def __init__(self, user, token: ApiToken | None = None):
        self.user = user
        self.token = token

    def __bool__(self) -> bool:  # django-ninja refuses a falsy auth result
        return True

    def __str__(self) -> str:
        if self.token is not None:
            return f"token-{self.token.pk}"
        if self.user.is_authenticated:
            return f"user-{self.user.pk}"
        return "public"


class TokenAuth(HttpBearer):
    """Optional bearer authentication: without the header the caller is the session's user
    (reads only) or the public; a header with an unknown, expired or revoked key is 401."""

    def __call__(self, request):
        # The first step of every operation: answer in the caller's language (Accept-Language,
        # else the language cookie). The pages take it from the URL's prefix; /api/v1/ has none.
        translation.activate(translation.get_language_from_request(request))
        request.LANGUAGE_CODE = translation.get_language()
        header = request.headers.get("Authorization", "")
        if not header:
            user = request.user if request.method in SAFE else AnonymousUser()
            return Caller(user)
        scheme, _sep, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise ApiError(401, _("Give a valid API token: Authorization: Bearer <key>."))
        token = token_for_key(key)
        if token is None:
            raise ApiError(401, _("This API token is unknown, expired or revoked."))
        return Caller(token.user, token)

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return None


def caller(request) -> Caller:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, Caller) else Caller(AnonymousUser())


def writer(request):
    """The user of a write: refused (401) without a token, (403) with a read-only one."""
    who = caller(request)
    if who.token is None:
        raise ApiError(401, _("Writing through the API needs a read-write API token."))
    if not who.token.can_write:
        raise ApiError(403, _("This API token may only read."))
    return who.user


class CallerThrottle(SimpleRateThrottle):
    """``ACCORD_API_RATE`` requests per token or signed-in user, ``ACCORD_API_PUBLIC_RATE``
    per address for the public (read at each request, so a change of setting applies)."""

    scope = "accord-api"

    def __init__(self):
        super().__init__(settings.ACCORD_API_RATE)

    def allow_request(self, request) -> bool:
        who = caller(request)
        public = who.token is None and not who.user.is_authenticated
        rate = settings.ACCORD_API_PUBLIC_RATE if public else settings.ACCORD_API_RATE
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return super().allow_request(request)

    def get_cache_key(self, request) -> str:
        who = caller(request)
        ident = str(who) if str(who) != "public" else f"ip-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
