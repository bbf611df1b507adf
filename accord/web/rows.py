"""The rows of the matrix, rendered in Python rather than by a template: a page of 100
rows costs a few milliseconds instead of a few hundred (the template engine resolves
some sixty variables per row). The full page and the htmx partial both use
``render_row``, so a row looks the same however it arrives.

``row_context`` computes what every row of a page shares once: the URL prefix of
activities, the translated labels, the CSRF field and the status options.
"""

from __future__ import annotations

from html import escape

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format, get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accord.cooperation.models import Activity


def row_context(request, framework, next_url: str = "") -> dict:
    base = reverse("activity", kwargs={"slug": framework.slug, "pk": 0})
    statuses = Activity.Status.choices
    options = {
        current: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((value, " selected" if value == current else "", label) for value, label in statuses),
        )
        for current, _label in statuses
    }
    entities = reverse("entity", kwargs={"slug": framework.slug, "pk": 0})
    return {
        "base": base[: -len("0/")],
        "entities": entities[: -len("0/")],
        "csrf": format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        ),
        "options": options,
        "labels": dict(statuses),
        "lang": (get_language() or "en")[:2],
        "next_field": format_html('<input type="hidden" name="next" value="{}">', next_url),
        "date_format": get_format("SHORT_DATE_FORMAT"),
        **{
            key: escape(str(value))
            for key, value in {
                "demo": _("demo"),
                "late": _("Late"),
                "save": _("Save"),
                "add": _("Add"),
                "add_progress": _("Add progress"),
                "status_of": _("Status of"),
                "progress_on": _("Progress on"),
            }.items()
        },
    }


def entity_html(entity, lang: str = "", link: str = "", href: str = "") -> str:
    """An entity's acronym with its name in the language ``lang`` (the active one by
    default) as a tooltip, or its name, linked to ``href``, or to ``link`` + its id, when
    given; escaped HTML. The one renderer of an entity's label (the ``{% entity %}`` tag
    asks it too)."""
    if entity is None:
        return ""
    name = (getattr(entity, f"name_{lang}", "") if lang else "") or entity.name
    label = escape(name)
    if entity.acronym and entity.acronym != name:
        label = f'<abbr title="{escape(name)}">{escape(entity.acronym)}</abbr>'
    href = escape(href) if href else (f"{link}{entity.pk}/" if link else "")
    return f'<a href="{href}">{label}</a>' if href else label


def _status_cell(
    a: Activity, ctx: dict, url: str, code: str, hidden: str, *, editable: bool
) -> str:
    """The status menu (with its Save button) for an editor, the status label for others."""
    pk = int(a.pk)
    if not editable:
        label = escape(str(ctx["labels"].get(a.status, a.status)))
        return f'<span class="status status-{escape(a.status)}">{label}</span>'
    return (
        f'<form method="post" action="{url}status/" class="inline" hx-post="{url}status/" '
        f'hx-target="#row-{pk}" hx-swap="outerHTML">{hidden}<label class="visually-hidden" '
        f'for="status-{pk}">{ctx["status_of"]} {code}</label><select id="status-{pk}" name="status">'
        f'{ctx["options"][a.status]}</select> <button type="submit" id="status-save-{pk}">{ctx["save"]}</button></form>'
    )


def _progress_cell(
    a: Activity, ctx: dict, url: str, code: str, hidden: str, *, editable: bool, open_: bool
) -> str:
    """The last progress note (date and first words), and for an editor the form to add one."""
    pk = int(a.pk)
    progress = ""
    # annotations of matrix_rows, not fields of the model
    last_date = a.last_progress_date  # type: ignore[attr-defined]
    last_text = a.last_progress_text  # type: ignore[attr-defined]
    if last_date:
        progress = (
            f'<time datetime="{last_date.isoformat()}">'
            f"{escape(date_format(last_date, ctx['date_format']))}</time> "
            f"{escape(Truncator(last_text or '').words(12))}"
        )
    if editable:
        progress += (
            f'<details{" open" if open_ else ""}><summary>{ctx["add_progress"]}</summary><form method="post" action="{url}progress/" '
            f'hx-post="{url}progress/" hx-target="#row-{pk}" hx-swap="outerHTML" class="stacked">{hidden}'
            f'<label for="progress-{pk}">{ctx["progress_on"]} {code}</label>'
            f'<textarea id="progress-{pk}" name="text" rows="2" required></textarea>'
            f'<button type="submit" id="progress-add-{pk}">{ctx["add"]}</button></form></details>'
        )
    return progress


def render_row(
    a: Activity,
    ctx: dict,
    *,
    editable: bool,
    show_area: bool,
    error: str | None = None,
    late: bool = False,
    progress_open: bool = False,
) -> SafeString:
    """One ``<tr>`` of the matrix for activity ``a`` (annotated by ``matrix_rows``).
    Its buttons have ids, so that htmx gives the focus back to the one pressed when the
    row is swapped (the progress form stays open after a progress update for that).

    Built with f-strings: every value from the database goes through ``escape`` (the
    standard library's, quotes included); the fragments of ``ctx`` are already HTML."""
    pk = int(a.pk)
    url = f"{ctx['base']}{pk}/"
    code = escape(a.code)
    hidden = f'{ctx["csrf"]}<input type="hidden" name="version" value="{int(a.version)}">{ctx["next_field"]}'
    title = f'<a href="{url}">{escape(a.title)}</a>'
    if a.is_demo:
        title += f' <span class="tag">{ctx["demo"]}</span>'
    if late:  # past its end date and not completed: Activity.objects.late
        title += f' <span class="flag flag-late">{ctx["late"]}</span>'
    if error:
        title += f'<p class="error" role="alert">{escape(str(error))}</p>'
    status = _status_cell(a, ctx, url, code, hidden, editable=editable)
    progress = _progress_cell(a, ctx, url, code, hidden, editable=editable, open_=progress_open)
    lang = ctx["lang"]
    area = ""
    if show_area:
        area = f"<td>{escape(getattr(a.priority_area, f'name_{lang}', '') or a.priority_area.name_en)}</td>"
    return mark_safe(
        f'<tr id="row-{pk}"><td>{code}</td><td>{title}</td>{area}<td>{entity_html(a.un_lead, lang, ctx["entities"])}</td>'
        f"<td>{entity_html(a.partner_lead, lang, ctx['entities'])}</td><td>{status}</td><td>{progress}</td></tr>"
    )
