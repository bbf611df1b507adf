"""A framework's bienniums in the pages (issue 8): a framework started from its founding
resolution has none, and its matrix needs one before the first activity; the matrix of
such a framework says so and offers "New biennium" to who may create one.

Writes through ``accord.core.services.object_create`` only; the permissions module decides.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accord.accounts.permissions import can_create, require
from accord.cooperation.models import Biennium
from accord.core.services import object_create
from accord.web.common import framework_for
from accord.web.edit import edit_page, save_form
from accord.web.edit_forms import EditForm


class BienniumForm(EditForm):
    class Meta:
        model = Biennium
        fields = ["start_year", "end_year"]

    def clean(self):
        data = super().clean()
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end != start + 1:
            self.add_error(
                "end_year", _("A biennium is two years: the end year follows the start year.")
            )
        if start and Biennium.objects.filter(framework=self.framework, start_year=start).exists():
            self.add_error("start_year", _("This biennium exists already."))
        return data


def _initial() -> dict:
    year = timezone.localdate().year
    start = year if year % 2 == 0 else year - 1
    return {"start_year": start, "end_year": start + 1}


@login_required
def biennium_new(request, slug):
    framework = framework_for(request, slug)
    require(can_create(request.user, Biennium, framework=framework))
    form = BienniumForm(request.POST or None, framework=framework, initial=_initial())
    response = None
    if request.method == "POST":
        response, _conflict = save_form(
            request,
            form,
            lambda: object_create(
                model=Biennium,
                by=request.user,
                framework=framework,
                start_year=form.cleaned_data["start_year"],
                end_year=form.cleaned_data["end_year"],
            ),
            done=_("The biennium was created."),
            then=lambda b: reverse("matrix", args=[slug]) + f"?biennium={b.label}",
        )
    return response or edit_page(
        request,
        framework=framework,
        form=form,
        title=_("New biennium"),
        back=reverse("matrix", args=[slug]),
        page="matrix",
    )


def matrix_empty(request, framework):
    """The matrix of a framework without a biennium yet."""
    may = can_create(request.user, Biennium, framework=framework)
    return render(
        request,
        "web/matrix_empty.html",
        {"framework": framework, "page": "matrix", "may_add": may},
    )
