"""Where a notification's object lives in the pages: one URL per kind of object."""

from __future__ import annotations

from django.urls import reverse


def object_path(obj, slug: str | None, *, editable: bool = True) -> str:
    """The path of the page that shows ``obj`` in the framework ``slug`` ("" if none).
    An action item's own page is its edit page; for a reader who may not edit it
    (``editable=False``) the item where it is listed instead: under its decision on the
    meeting's page, else in the framework's list of action items."""
    if obj is None or not slug:
        return reverse("notifications") if obj is None else ""
    label = obj._meta.label_lower
    kw = {"slug": slug}
    if label == "cooperation.actionitem":
        return _action_item_path(obj, kw, editable)
    if label == "cooperation.activity":
        return reverse("activity", kwargs={**kw, "pk": obj.pk})
    if label == "cooperation.meeting":
        return reverse("meeting", kwargs={**kw, "pk": obj.pk})
    if label == "documents.resolution":
        return reverse("resolution", kwargs={**kw, "pk": obj.pk})
    if label == "documents.mandate":
        url = reverse("resolution", kwargs={**kw, "pk": obj.resolution_id})
        return f"{url}#{obj.paragraph.pid}"
    if label == "registry.agreement":
        return reverse("registry", kwargs=kw) + "#h-agreements"
    if label == "documents.reviewitem":
        return reverse("resolution-review", kwargs={**kw, "pk": obj.resolution_id})
    if label in ("cooperation.indicator", "cooperation.progressupdate"):
        return reverse("activity", kwargs={**kw, "pk": obj.activity_id})
    if label in ("cooperation.decision", "cooperation.meetingdocument"):
        return reverse("meeting", kwargs={**kw, "pk": obj.meeting_id})
    if label in ("documents.paragraph", "documents.citation"):
        return reverse("resolution", kwargs={**kw, "pk": obj.resolution_id})
    if label == "reports.contribution":
        return reverse("contribution", kwargs={"pk": obj.pk})
    if label == "cooperation.framework":
        return reverse("dashboard", kwargs=kw)
    return reverse("dashboard", kwargs=kw)


def _action_item_path(item, kw: dict, editable: bool) -> str:
    if editable:
        return reverse("action-item-edit", kwargs={**kw, "pk": item.pk})
    if item.decision_id:
        meeting = reverse("meeting", kwargs={**kw, "pk": item.decision.meeting_id})
        return f"{meeting}#decision-{item.decision_id}"
    tab = "open" if item.status in item.OPEN_STATUSES else "closed"
    return reverse("action-items", kwargs=kw) + f"?tab={tab}#item-{item.pk}"


def notification_path(kind: str, obj, slug: str | None) -> str:
    """Where a notification of ``kind`` about ``obj`` leads: the object's page, except
    proposals waiting for review, which lead to the resolution's review list."""
    if kind == "review_waiting" and obj is not None and slug:
        return reverse("resolution-review", kwargs={"slug": slug, "pk": obj.pk})
    return object_path(obj, slug)
