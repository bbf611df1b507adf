"""Reads of the notification pages: a user's notifications with their objects, and the
unread count of the header."""

from __future__ import annotations

from accord.notifications.links import notification_path
from accord.notifications.mail import frequency, load_targets, preferences
from accord.notifications.models import Kind, Notification
from accord.notifications.texts import headline


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def rows_for(notifications: list[Notification]) -> list[dict]:
    """Each notification with its headline (in the active language) and its object's page:
    one query per kind of object."""
    targets = load_targets(notifications) if notifications else {}
    out = []
    for n in notifications:
        obj = targets.get((n.content_type_id, n.object_id))
        slug = n.framework.slug if n.framework is not None else None
        out.append(
            {
                "n": n,
                "headline": headline(n.kind, obj, n.params),
                "exists": obj is not None and getattr(obj, "deleted_at", None) is None,
                "path": notification_path(n.kind, obj, slug) if obj is not None else "",
            }
        )
    return out


def notifications_of(user):
    return Notification.objects.filter(recipient=user).select_related("framework", "content_type")


def preference_rows(user) -> list[tuple[str, str, str]]:
    """(kind, its label, the user's frequency) for every kind."""
    prefs = preferences([user.pk])
    return [(k.value, str(k.label), frequency(prefs, user.pk, k.value)) for k in Kind]
