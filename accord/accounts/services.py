"""Writes about a user's own account: the TOTP second factor."""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


@transaction.atomic
def totp_device_start(*, user) -> TOTPDevice:
    """A new, unconfirmed TOTP device for ``user`` (earlier unconfirmed ones are dropped)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Accord", confirmed=False)


def totp_device_pending(*, user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


@transaction.atomic
def totp_device_confirm(*, user, token: str) -> TOTPDevice | None:
    """Confirm the pending device when ``token`` is its current code; None when it is not."""
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("-pk")
        .first()
    )
    if device is None or not device.verify_token(token):
        return None
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device


@transaction.atomic
def totp_device_remove(*, user) -> int:
    """Remove every TOTP device of ``user``: sign-in asks for the password only again."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    return deleted
