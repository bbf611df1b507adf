"""Template helpers of the web pages: entity labels in the active language, status
badges, the query string of a filter form with one value changed."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

from accord.cooperation.palette import status_css_properties

register = template.Library()


@register.simple_tag
def entity(obj):
    """An entity as its acronym (the full name in the active language as a tooltip),
    or its name when it has no acronym; an empty string for None."""
    if obj is None:
        return ""
    name = obj.name
    if obj.acronym and obj.acronym != name:
        return format_html('<abbr title="{}">{}</abbr>', name, obj.acronym)
    return name


@register.simple_tag
def status_palette():
    """The activity status colours as CSS custom properties (``--status-planned: ...;``),
    from the one palette in ``accord.cooperation.palette``."""
    return status_css_properties()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with ``changes`` applied (a value of None removes it)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def get_item(mapping, key):
    """``mapping[key]`` or None, for dicts in templates."""
    return mapping.get(key) if mapping else None
