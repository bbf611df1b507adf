"""Template helpers of the web pages: entity labels in the active language, status
badges, the query string of a filter form with one value changed."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.accounts import permissions
from accord.cooperation.palette import status_stylesheet
from accord.core.services import user_label
from accord.web.rows import entity_html

register = template.Library()


@register.simple_tag(takes_context=True)
def entity(context, obj):
    """An entity as its acronym (the full name in the active language as a tooltip),
    or its name when it has no acronym, linked to its page when the page is about a
    framework; an empty string for None."""
    if obj is None:
        return ""
    framework = context.get("framework")
    url = (
        reverse("entity", kwargs={"slug": framework.slug, "pk": obj.pk})
        if framework is not None
        else ""
    )
    return mark_safe(entity_html(obj, href=url))  # (escaped by entity_html)


@register.simple_tag
def status_palette():
    """The text of the page's ``<style>``: the activity status colours as CSS custom
    properties of ``:root`` (``--status-planned: ...;``), from the one palette in
    ``accord.cooperation.palette``; the CSP allows exactly this text (settings)."""
    return status_stylesheet()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None, for dicts in templates."""
    return mapping.get(key) if mapping else None


@register.filter
def may_edit(user, obj) -> bool:
    """``{% if request.user|may_edit:obj %}``: the permissions module's can_edit."""
    from accord.accounts.permissions import can_edit

    return obj is not None and can_edit(user, obj)


@register.filter
def may_use_second_factor(user) -> bool:
    """``{% if request.user|may_use_second_factor %}``: the permissions module's rule."""
    return permissions.can_use_second_factor(user)


@register.simple_tag
def may_create(user, label: str, framework) -> bool:
    """``{% may_create request.user "cooperation.meeting" framework as ok %}``: the
    permissions module's can_create for a row of ``framework``."""
    from django.apps import apps

    from accord.accounts.permissions import can_create

    return can_create(user, apps.get_model(label), framework=framework)


@register.simple_tag(takes_context=True)
def who(context, person) -> str:
    """Who made a change, as the reader may see it: a member sees the person's name;
    the public sees the person's entity or organization, never a username."""
    if person is None:
        return _("system")
    request = context.get("request")
    if permissions.can_see_people(getattr(request, "user", None)):
        return user_label(person)
    seen = context.render_context.setdefault("accord_who", {})
    if person.pk not in seen:
        seen[person.pk] = _affiliation(person)
    return seen[person.pk]


def _affiliation(person) -> str:
    from accord.accounts.models import Membership

    memberships = list(
        Membership.objects.active().filter(user=person).select_related("entity", "organization")
    )
    for membership in memberships:
        if membership.entity:
            return membership.entity.acronym or membership.entity.name
    for membership in memberships:
        if membership.organization:
            return membership.organization.acronym or membership.organization.name
    return _("Secretariat staff")


@register.simple_tag
def message_groups(messages) -> dict:
    """Django's messages split for base.html: errors go to a role="alert" region (read
    out at once), the others to the role="status" live region."""
    groups: dict[str, list] = {"status": [], "alert": []}
    for message in messages or ():
        groups["alert" if message.level_tag == "error" else "status"].append(message)
    return groups


@register.inclusion_tag("web/partials/error_summary.html")
def error_summary(form):
    """What a form refused, at its top (role="alert"), each field's error a link to the
    field; the first invalid field gets ``autofocus``, so the focus lands on it when the
    page comes back (Django itself marks it aria-invalid and aria-describedby its error).
    Put it before the fields: it changes the widget of the first one."""
    if form is None or not form.is_bound or not form.errors:
        return {"rows": []}
    rows = [{"text": e, "href": ""} for e in form.non_field_errors()]
    first = None
    for field in form:
        for e in field.errors:
            label = field.label if not field.is_hidden else ""
            href = "" if field.is_hidden else f"#{field.id_for_label or field.auto_id}"
            rows.append({"text": f"{label}: {e}" if label else e, "href": href})
        if field.errors and not field.is_hidden and first is None:
            first = field
    if first is not None:
        first.field.widget.attrs["autofocus"] = True
    return {"rows": rows}
