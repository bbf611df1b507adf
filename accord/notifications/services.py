"""The one door of every notification, and the writes of the notification pages.

``notify(kind, obj, recipients, ...)`` records one notification per recipient (once:
the dedupe key is unique per recipient) and, after the transaction commits, mails those
whose preference for the kind is "immediately". Inside ``with batch():`` (``accord
remind``) the rows are gathered and written together in a few queries, and nothing is
mailed at once: the caller sends afterwards.

Reads: content types, the recipients' preferences. Writes: ``Notification``,
``NotificationPreference``, ``Profile`` rows; never domain data.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from accord.notifications.models import (
    Frequency,
    Kind,
    Notification,
    NotificationPreference,
    Profile,
    new_calendar_token,
)

log = logging.getLogger(__name__)


_batch: contextvars.ContextVar[Batch | None] = contextvars.ContextVar(
    "notification_batch", default=None
)


def _ids(recipients: Iterable) -> set[int]:
    return {getattr(r, "pk", r) for r in recipients if r is not None}


def notify(
    kind: str,
    obj,
    recipients: Iterable,
    *,
    framework=None,
    key: str | None = None,
    params: dict | None = None,
    actor=None,
) -> int:
    """Tell ``recipients`` (users or user ids; ``actor``, who caused it, is left out)
    that ``kind`` happened to ``obj``. ``key`` tells one event from another (by default
    the kind and the object: told once); returns the number of rows offered."""
    ids = _ids(recipients) - _ids([actor])
    if not ids or obj is None:
        return 0
    ct = ContentType.objects.get_for_model(type(obj))
    fw = getattr(framework, "pk", framework)
    if fw is None:
        fw = getattr(obj, "framework_id", None)
    key = key or f"{kind}:{ct.pk}:{obj.pk}"
    rows = [
        Notification(
            recipient_id=i,
            kind=kind,
            content_type=ct,
            object_id=obj.pk,
            framework_id=fw,
            params=params or {},
            dedupe_key=key[:200],
        )
        for i in sorted(ids)
    ]
    pending = _batch.get()
    if pending is not None:
        pending.extend(rows)
        if len(pending) >= FLUSH_AT:
            _flush(pending)
        return len(rows)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    transaction.on_commit(lambda: _mail_now(ids))
    return len(rows)


def _mail_now(user_ids: set[int]) -> None:
    from accord.notifications.mail import send_immediate

    try:
        send_immediate(user_ids)
    except Exception:  # the mail is retried by the next `accord remind`
        log.exception("immediate notification mail failed")


FLUSH_AT = 5000


class Batch(list):
    """The rows gathered by ``batch()``; ``offered`` counts every row ever gathered."""

    offered = 0


def _flush(rows: Batch) -> None:
    """Write the gathered rows that are not recorded yet (one read of the keys already
    there, then inserts of 1,000 rows), and empty the list."""
    keys = {n.dedupe_key for n in rows}
    known: set[tuple[int, str]] = set()
    key_list = sorted(keys)
    for i in range(0, len(key_list), 500):
        known.update(
            Notification.objects.filter(dedupe_key__in=key_list[i : i + 500]).values_list(
                "recipient_id", "dedupe_key"
            )
        )
    new = [n for n in rows if (n.recipient_id, n.dedupe_key) not in known]
    Notification.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    rows.offered += len(rows)
    rows.clear()


@contextlib.contextmanager
def batch() -> Iterator[Batch]:
    """Gather the ``notify`` calls of a block and write them in a few queries (every
    5,000 rows and at the end); ``rows.offered`` then tells how many were gathered."""
    rows = Batch()
    token = _batch.set(rows)
    try:
        yield rows
    finally:
        _batch.reset(token)
    _flush(rows)


def notify_stale_edit(user, conflict) -> None:
    """The edit ``user`` made was refused (StaleEdit): keep a note of it for them. Any
    other error is not a stale edit and is ignored (so views may pass what they caught)."""
    from accord.core.errors import StaleEdit

    if not isinstance(conflict, StaleEdit):
        return
    obj = getattr(conflict, "obj", None)
    if obj is None or not getattr(user, "is_authenticated", False):
        return
    seen = getattr(conflict, "expected_version", "")
    notify(
        Kind.STALE_EDIT,
        obj,
        [user],
        key=f"stale:{obj._meta.label_lower}:{obj.pk}:{seen}:{timezone.now():%Y%m%d%H%M}",
    )


# --- the writes of the pages -----------------------------------------------------------


def mark_read(*, user, notification_id: int | None = None) -> int:
    """Mark one of ``user``'s notifications read (or all of them when no id)."""
    rows = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        rows = rows.filter(pk=notification_id)
    return rows.update(read_at=timezone.now())


def frequency_of(user_id: int, kind: str) -> str:
    row = NotificationPreference.objects.filter(user_id=user_id, kind=kind).first()
    from accord.notifications.models import DEFAULT_FREQUENCY

    return row.frequency if row else DEFAULT_FREQUENCY[Kind(kind)]


def preference_set(*, user, kind: str, frequency: str) -> None:
    """How ``user`` hears of ``kind``: immediately, daily, weekly or off."""
    Kind(kind), Frequency(frequency)  # ValueError on an unknown value
    NotificationPreference.objects.update_or_create(
        user_id=getattr(user, "pk", user), kind=kind, defaults={"frequency": frequency}
    )


def profile_of(user) -> Profile:
    """The user's profile (made with the defaults the first time it is asked for)."""
    profile, _created = Profile.objects.get_or_create(user_id=user.pk)
    return profile


def language_set(*, user, language: str) -> Profile:
    profile = profile_of(user)
    profile.language = language
    profile.save(update_fields=["language"])
    return profile


def calendar_token_renew(*, user) -> Profile:
    """A new secret for the user's calendar feed: the old address stops working."""
    profile = profile_of(user)
    profile.calendar_token = new_calendar_token()
    profile.save(update_fields=["calendar_token"])
    return profile
