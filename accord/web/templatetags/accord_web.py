"""Template helpers of the web pages: entity labels in the active language, status
badges, the query string of a filter form with one value changed."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from accord.accounts import permissions
from accord.cooperation.palette import status_css_properties
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
    """The activity status colours as CSS custom properties (``--status-planned: ...;``),
    from the one palette in ``accord.cooperation.palette``."""
    return status_css_properties()


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None, for dicts in templates."""
    return mapping.get(key) if mapping else None


@register.filter
def may_edit(user, obj) -> bool:
    """``{% if request.user|may_edit:obj %}``: the permissions module's can_edit."""
    from accord.accounts.permissions import can_edit

    return obj is not None and can_edit(user, obj)


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
