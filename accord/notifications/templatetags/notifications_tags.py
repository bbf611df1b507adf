from django import template

from accord.notifications.selectors import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The signed-in user's unread notifications (one query, once per page)."""
    request = context.get("request")
    return unread_count(getattr(request, "user", None))


@register.simple_tag(takes_context=True)
def may_see_activity_log(context, framework) -> bool:
    """Show the activity log link only to those the permissions module lets read it."""
    from accord.accounts.permissions import can_see_activity_log

    request = context.get("request")
    return bool(framework) and can_see_activity_log(getattr(request, "user", None), framework)
