from django import template

from accord.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The signed-in user's unread notifications (one query, once per page)."""
    request = context.get("request")
    return unread_count(getattr(request, "user", None))
