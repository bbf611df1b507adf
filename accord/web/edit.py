"""The one way the edit pages save a form (issue 8): validate, call one service,
redirect with a message; a stale version shows the conflict, a refused value its error.

Used by the create and edit views of activities, meetings, action items, agreements,
focal points, priority areas and entities. Reads nothing itself; writes only through
the service it is given.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render

from accord.core.errors import AccordError, StaleEdit, add_form_errors
from accord.notifications.services import notify_stale_edit


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
    except AccordError as error:
        add_form_errors(form, error)
        return None, None
    messages.success(request, done)
    return redirect(then(saved)), None


def edit_page(request, *, framework, form, title: str, back: str, conflict=None, **extra):
    """The page of one create or edit form (``web/edit.html``). The forms below it
    (``extra_forms``) get ids of their own, so that their labels name their own fields,
    not the main form's (same field names, same POST names)."""
    for n, extra_form in enumerate(extra.get("extra_forms") or (), start=1):
        extra_form["form"].auto_id = f"id_extra{n}_%s"
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
