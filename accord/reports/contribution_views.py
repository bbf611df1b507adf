"""The pages of the calls for contributions (linked from the report page): open a call,
see who has submitted, and the contribution form (write, submit, accept).

Reads: the request, the calls and contributions, the permissions
(``accounts.permissions``). Writes: only through ``accord.reports.contributions``.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accord.accounts import permissions
from accord.cooperation.models import Framework
from accord.core.errors import StaleEdit
from accord.reports.contributions import accept_contribution, open_call, save_contribution
from accord.reports.models import Contribution, ContributionCall
from accord.reports.sg_report import parse_month


@login_required
@require_POST
def call_open(request, framework: str):
    fw = get_object_or_404(Framework, slug=framework)
    permissions.require(permissions.can_open_call(request.user, fw))
    try:
        start = parse_month(request.POST.get("start", ""))
        end = parse_month(request.POST.get("end", ""), end=True)
        due_on = datetime.date.fromisoformat(request.POST.get("due_on", ""))
    except ValueError:
        messages.error(request, _("Give the period (months) and the due date (YYYY-MM-DD)."))
        return redirect("report-sg", framework=fw.slug)
    call = open_call(framework=fw, start=start, end=end, due_on=due_on, by=request.user)
    return redirect("contribution-call", pk=call.pk)


@login_required
def call_detail(request, pk: int):
    call = get_object_or_404(ContributionCall.objects.select_related("framework"), pk=pk)
    permissions.require(permissions.can_see_contributions(request.user, call))
    rows = call.contributions.select_related("entity").order_by("entity__name_en")
    return render(request, "reports/contribution_call.html", {"call": call, "rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def contribution_edit(request, pk: int):
    item = get_object_or_404(
        Contribution.objects.select_related("call__framework", "entity"), pk=pk
    )
    permissions.require(permissions.can_see_contributions(request.user, item.call))
    context = {
        "item": item,
        "may_write": permissions.can_write_contribution(request.user, item),
        "may_accept": permissions.can_accept_contribution(request.user, item),
    }
    if request.method == "POST":
        action = request.POST.get("action", "save")
        text = request.POST.get("text", "")
        version = int(request.POST.get("version") or 0)
        try:
            if action == "accept":
                accept_contribution(
                    contribution=item, by=request.user, expected_version=version, text=text
                )
                messages.success(request, _("The contribution is accepted."))
            else:
                save_contribution(
                    contribution=item,
                    by=request.user,
                    expected_version=version,
                    text=text,
                    submit=action == "submit",
                )
                messages.success(request, _("The contribution is saved."))
        except StaleEdit:
            messages.error(request, _("Someone saved this contribution meanwhile: reload it."))
            context["text"] = text
            return render(request, "reports/contribution.html", context, status=409)
        return redirect("contribution", pk=item.pk)
    return render(request, "reports/contribution.html", context)
