"""Session and response rules for every request: idle expiry, the second factor, headers."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

SEEN = "accord_seen"  # the time of the session's last request, in whole seconds
OTP_REQUIRED = "accord_otp_required"  # set at sign-in when the user has a confirmed device


class IdleSessionMiddleware:
    """Signs a user out after ACCORD_SESSION_IDLE_SECONDS without a request.

    The time seen is stored at most once a minute (or a tenth of the idle time), so
    that a busy user does not write the session row on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            idle = settings.ACCORD_SESSION_IDLE_SECONDS
            now = int(time.time())
            seen = request.session.get(SEEN)
            if seen is not None and now - seen > idle:
                logout(request)
            elif seen is None or now - seen >= min(60, max(idle // 10, 1)):
                request.session[SEEN] = now
        return self.get_response(request)


class SecondFactorMiddleware:
    """Once a user has enrolled a TOTP device, nothing but the code page until it is given."""

    ALLOWED = ("otp-verify", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and request.session.get(OTP_REQUIRED)
            and not user.is_verified()
            and not self._allowed(request.path_info)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('otp-verify')}?{query}")
        return self.get_response(request)

    def _allowed(self, path: str) -> bool:
        if path.startswith(("/" + settings.STATIC_URL.lstrip("/"), "/healthz", "/i18n/")):
            return True
        return any(path == reverse(name) for name in self.ALLOWED)


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header: no camera, microphone, location, payment, ..."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
