"""Writes on the personal API tokens: create (the plain key is returned once), revoke,
and the lookup of a presented key (which records when it was last used).

The key is ``secrets.token_urlsafe(32)`` behind a fixed prefix; only its SHA-256 is stored.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.api.models import ApiToken
from accord.core.errors import AccordError

KEY_PREFIX = "acc_"
PREFIX_CHARS = 12  # shown in the list: "acc_" and the first 8 characters of the secret
MAX_DAYS = 366
TOUCH_EVERY = datetime.timedelta(minutes=1)  # last_used_at is written at most this often


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def token_create(*, user, name: str, scope: str, days: int) -> tuple[ApiToken, str]:
    """Make a token for ``user`` valid ``days`` days; returns it and the plain key (shown
    once, never stored). Raises ``AccordError`` on a bad name, scope or duration."""
    name = name.strip()
    if not name:
        raise AccordError(_("A token needs a name."))
    if scope not in ApiToken.Scope.values:
        raise AccordError(_("Unknown scope: %(scope)s") % {"scope": scope})
    if not 1 <= days <= MAX_DAYS:
        raise AccordError(_("A token is valid from 1 to %(max)s days.") % {"max": MAX_DAYS})
    if user is None or not user.is_authenticated:
        raise AccordError(_("Sign in to create a token."))
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=key[:PREFIX_CHARS],
        key_hash=key_hash(key),
        scope=scope,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    return token, key


@transaction.atomic
def token_revoke(*, token: ApiToken, user) -> ApiToken:
    """Revoke ``token`` (its owner only); a revoked token is refused from then on."""
    if token.user_id != getattr(user, "pk", None):
        raise AccordError(_("This token is not yours."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The active token of ``key`` (its user loaded), or None when the key is unknown,
    expired or revoked, or its user is inactive. Records the use (at most once a minute)."""
    token = ApiToken.objects.select_related("user").filter(key_hash=key_hash(key.strip())).first()
    if token is None or not token.is_active or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
