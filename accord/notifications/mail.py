"""Mailing the notifications: one mail per notification for "immediately", one digest a
day or a week for the others, nothing for "off"; each mail once (``SentMail``).

Reads: the notifications not yet mailed, their objects (one query per kind of object),
the recipients with their profiles, their preferences, the mails already sent. Writes:
``SentMail`` rows and ``Notification.mailed_at`` (also set, without a mail, for "off"
and for recipients without an address: the page still shows them). Queries are
bounded by the number of kinds of object and of chunks, never one per user.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext as _

from accord.notifications.links import notification_path
from accord.notifications.models import (
    DEFAULT_FREQUENCY,
    Frequency,
    Kind,
    Notification,
    NotificationPreference,
    SentMail,
)
from accord.notifications.texts import headline

SALT = "accord.notifications.unsubscribe"
CHUNK = 900
USERS_AT = 500


def unsubscribe_token(user_id: int, kinds) -> str:
    return signing.dumps({"u": user_id, "k": sorted(set(kinds))}, salt=SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, list[str]]:
    """The user and kinds of a signed unsubscribe link; BadSignature when forged."""
    data = signing.loads(token, salt=SALT)
    return int(data["u"]), [Kind(k).value for k in data["k"]]


def absolute(path: str) -> str:
    return settings.ACCORD_SITE_URL.rstrip("/") + path


def _chunks(values: list, size: int = CHUNK):
    for i in range(0, len(values), size):
        yield values[i : i + size]


def preferences(user_ids) -> dict[tuple[int, str], str]:
    out: dict[tuple[int, str], str] = {}
    for chunk in _chunks(sorted(user_ids)):
        rows = NotificationPreference.objects.filter(user_id__in=chunk)
        out.update({(p.user_id, p.kind): p.frequency for p in rows})
    return out


def frequency(prefs, user_id: int, kind: str) -> str:
    return prefs.get((user_id, kind)) or DEFAULT_FREQUENCY[Kind(kind)]


def load_targets(rows) -> dict[tuple[int, int], object]:
    """The objects of ``rows`` by (content type id, object id): one query per kind."""
    wanted: dict[int, set[int]] = defaultdict(set)
    for n in rows:
        wanted[n.content_type_id].add(n.object_id)
    out: dict[tuple[int, int], object] = {}
    for ct_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None:
            continue
        qs = model._base_manager.all()
        if model._meta.label_lower == "documents.mandate":
            qs = qs.select_related("paragraph__resolution").defer(
                "paragraph__resolution__parsed", "paragraph__resolution__akn"
            )
        if model._meta.label_lower == "documents.resolution":
            qs = qs.only("id", "symbol", "framework_id")
        for chunk in _chunks(sorted(ids)):
            out.update({(ct_id, o.pk): o for o in qs.filter(pk__in=chunk)})
    return out


def render_item(n, targets, slug: str | None) -> dict:
    """The headline of ``n`` (active language) and the absolute link to its object."""
    obj = targets.get((n.content_type_id, n.object_id))
    return {
        "headline": headline(n.kind, obj, n.params),
        "url": absolute(notification_path(n.kind, obj, slug)),
    }


def _texts(items: list[dict], subject: str, unsubscribe: str, preferences: str):
    """The plain-text and HTML bodies (built here rather than by templates: a digest
    run writes thousands of mails)."""
    lines = [subject, ""]
    for item in items:
        lines += [f"- {item['headline']}", f"  {item['url']}"]
    lines += [
        "",
        f"{_('How and when you hear from Accord')}: {preferences}",
        f"{_('Stop these mails (one click)')}: {unsubscribe}",
    ]
    direction = "rtl" if get_language_bidi() else "ltr"
    entries = format_html_join(
        "", '<li><a href="{}">{}</a></li>', ((i["url"], i["headline"]) for i in items)
    )
    html = format_html(
        '<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">'
        '<title>{subject}</title></head><body dir="{dir}"><h1>{subject}</h1><ul>{entries}'
        '</ul><p><a href="{preferences}">{how}</a> · <a href="{unsubscribe}">{stop}</a></p>'
        "</body></html>",
        lang=translation.get_language(),
        dir=direction,
        subject=subject,
        entries=entries,
        preferences=preferences,
        how=_("How and when you hear from Accord"),
        unsubscribe=unsubscribe,
        stop=_("Stop these mails (one click)"),
    )
    return "\n".join(lines) + "\n", html


def _message(user, items: list[dict], kinds, subject: str) -> EmailMultiAlternatives:
    unsubscribe = absolute(
        reverse("notification-unsubscribe", args=[unsubscribe_token(user.pk, kinds)])
    )
    text, html = _texts(items, subject, unsubscribe, absolute(reverse("notification-preferences")))
    mail = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    mail.attach_alternative(html, "text/html")
    return mail


def digest_key(freq: str, today: datetime.date) -> str:
    if freq == Frequency.DAILY:
        return f"daily:{today.isoformat()}"
    year, week, _day = today.isocalendar()
    return f"weekly:{year}-W{week:02d}"


def _plan(rows, prefs, users, today, digests: bool):
    """Per recipient: [(mail key, [notifications])] to send, and the ids settled unsent."""
    plan: dict[int, list[tuple[str, list[Notification]]]] = defaultdict(list)
    settled: list[int] = []
    grouped: dict[tuple[int, str], list[Notification]] = defaultdict(list)
    for n in rows:
        freq = frequency(prefs, n.recipient_id, n.kind)
        if freq == Frequency.OFF or not users[n.recipient_id].email:
            settled.append(n.pk)
        elif freq == Frequency.IMMEDIATELY:
            plan[n.recipient_id].append((f"n:{n.pk}", [n]))
        elif digests:
            grouped[(n.recipient_id, digest_key(freq, today))].append(n)
    for (user_id, key), items in grouped.items():
        plan[user_id].append((key, items))
    return plan, settled


def _already_sent(plan) -> set[tuple[int, str]]:
    users = sorted(plan)
    keys = sorted({key for mails in plan.values() for key, _items in mails})
    sent: set[tuple[int, str]] = set()
    for chunk in _chunks(users):
        rows = SentMail.objects.filter(recipient_id__in=chunk)
        if len(keys) < CHUNK:
            rows = rows.filter(key__in=keys)
        sent.update(rows.values_list("recipient_id", "key"))
    return sent


def _language(user) -> str:
    profile = getattr(user, "accord_profile", None)
    return getattr(profile, "language", "") or settings.LANGUAGE_CODE


def _compose(user, key: str, items, targets, cache: dict) -> EmailMultiAlternatives:
    lang = _language(user)
    with translation.override(lang):
        rendered = []
        for n in items:
            ref = (n.dedupe_key, n.content_type_id, n.object_id, lang)
            if ref not in cache:
                cache[ref] = render_item(n, targets, n.slug)
            rendered.append(cache[ref])
        if key.startswith("n:"):
            subject = rendered[0]["headline"]
        elif key.startswith("daily:"):
            subject = ngettext(
                "Accord: %(count)s notification today",
                "Accord: %(count)s notifications today",
                len(items),
            ) % {"count": len(items)}
        else:
            subject = ngettext(
                "Accord: %(count)s notification this week",
                "Accord: %(count)s notifications this week",
                len(items),
            ) % {"count": len(items)}
        return _message(user, rendered, {n.kind for n in items}, subject[:200])


@dataclass(frozen=True)
class Row:
    """A notification not mailed yet, as the mailer needs it (lighter than the model)."""

    pk: int
    recipient_id: int
    kind: str
    content_type_id: int
    object_id: int
    params: dict
    dedupe_key: str
    slug: str | None


def _unmailed(user_ids: list[int]) -> list[Row]:
    fields = (
        "pk",
        "recipient_id",
        "kind",
        "content_type_id",
        "object_id",
        "params",
        "dedupe_key",
        "framework__slug",
    )
    rows = (
        Notification.objects.filter(mailed_at__isnull=True, recipient_id__in=user_ids)
        .order_by("recipient_id", "id")
        .values_list(*fields)
    )
    return [Row(*values) for values in rows]


def _users(user_ids: list[int]) -> dict:
    users = get_user_model().objects.filter(pk__in=user_ids).select_related("accord_profile")
    return {u.pk: u for u in users.only("id", "email", "username", "accord_profile__language")}


def send_due(*, today: datetime.date | None = None, user_ids=None, digests: bool = True) -> int:
    """Mail what is due: immediate mails, and (with ``digests``) today's daily and this
    week's weekly digests not sent yet. Works through the recipients 500 at a time (a
    few queries each). Returns the number of mails sent."""
    today = today or timezone.localdate()
    if user_ids is None:
        user_ids = (
            Notification.objects.filter(mailed_at__isnull=True)
            .values_list("recipient_id", flat=True)
            .distinct()
        )
    return sum(
        _send_to(chunk, today, digests) for chunk in _chunks(sorted(set(user_ids)), USERS_AT)
    )


def _send_to(user_ids: list[int], today: datetime.date, digests: bool) -> int:
    rows = _unmailed(user_ids)
    if not rows:
        return 0
    prefs = preferences(user_ids)
    users = _users(user_ids)
    plan, settled = _plan(rows, prefs, users, today, digests)
    sent = _already_sent(plan)
    targets = load_targets(rows)
    cache: dict = {}
    messages, records, mailed = [], [], list(settled)
    for user_id, mails in plan.items():
        for key, items in mails:
            mailed.extend(n.pk for n in items)
            if (user_id, key) in sent:
                continue
            messages.append(_compose(users[user_id], key, items, targets, cache))
            records.append(SentMail(recipient_id=user_id, key=key, count=len(items)))
    if messages:
        get_connection().send_messages(messages)
    SentMail.objects.bulk_create(records, ignore_conflicts=True, batch_size=1000)
    now = timezone.now()
    for chunk in _chunks(mailed):
        Notification.objects.filter(pk__in=chunk).update(mailed_at=now)
    return len(messages)


def send_immediate(user_ids) -> int:
    """Mail the users' notifications whose preference is "immediately" (no digest)."""
    return send_due(user_ids=user_ids, digests=False)
