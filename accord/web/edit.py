"""The one way the edit pages save a form (issue 8): validate, call one service,
redirect with a message; a stale version shows the conflict, a refused value its error.

Used by the create and edit views of activities, meetings, action items, agreements,
focal points, priority areas and entities. Reads nothing itself; writes only through
the service it is given.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from accord.core.errors import AccordError, StaleEdit
from accord.notifications.services import notify_stale_edit


def add_errors(form, error: Exception) -> None:
    """Show a service's refusal on the form: field errors on their fields when known."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    elif isinstance(error, ValidationError):
        form.add_error(None, error.messages)
    else:
        form.add_error(None, str(error))


def save_form(
    request, form, save: Callable[[], object], *, done: str, then: Callable[[object], str]
) -> tuple[HttpResponse | None, StaleEdit | None]:
    """Run ``save`` when ``form`` is valid: on success, the message ``done`` and a redirect
    to ``then(saved)``; on a stale version, (None, the conflict); else (None, None) with
    the form's errors set."""
    if not form.is_valid():
        return None, None
    try:
        saved = save()
    except StaleEdit as conflict:
        notify_stale_edit(request.user, conflict)
        return None, conflict
    except (AccordError, ValidationError) as error:
        add_errors(form, error)
        return None, None
    messages.success(request, done)
    return redirect(then(saved)), None


def edit_page(request, *, framework, form, title: str, back: str, conflict=None, **extra):
    """The page of one create or edit form (``web/edit.html``)."""
    context = {
        "framework": framework,
        "form": form,
        "heading": title,
        "back": back,
        "conflict": conflict,
        "page": extra.pop("page", ""),
        **extra,
    }
    return render(request, "web/edit.html", context)
