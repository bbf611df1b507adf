"""The pages of the reports: the matrix spreadsheet (export; import with a preview and a
confirmation), the Secretary-General's report and the review pack (generated in the
background, with a job page that shows progress and offers the download), and the open
data downloads.

Reads: the request, the models, and the permissions (``accord.accounts.permissions``).
Writes: through services only: upload jobs of spreadsheets (``matrix_jobs``: planned and
applied in the task worker, the file kept until applied), ReportJob rows.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accord.accounts.permissions import (
    can_apply_upload_job,
    can_open_call,
    can_report,
    can_report_all_frameworks,
    can_see_report_job,
    can_see_upload_job,
    can_view,
    require,
)
from accord.cooperation.models import Biennium, Framework, Meeting
from accord.core.uploads import FileRefused, upload_refusal
from accord.documents.models import Resolution, UploadJob
from accord.reports import iati, opendata
from accord.reports.matrix import (
    CONTENT_TYPES,
    UnknownFormat,
    export_filename,
    export_matrix,
)
from accord.reports.matrix_jobs import pending, queue_matrix_apply, start_matrix_job
from accord.reports.models import ContributionCall, ReportJob
from accord.reports.names import names_to_translate
from accord.reports.phrases import LANGUAGES
from accord.reports.render import FORMATS as REPORT_FORMATS
from accord.reports.report_forms import ReviewPackForm, SGReportForm
from accord.reports.sg_report import parse_month
from accord.reports.tasks import start_report


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _biennium_for(request, pk: int) -> Biennium:
    biennium = get_object_or_404(Biennium.objects.select_related("framework"), pk=pk)
    if not can_report(request.user, biennium.framework):
        raise PermissionDenied(_("Only members of this framework may use its working spreadsheet."))
    return biennium


@login_required
def matrix_export(request, pk: int):
    biennium = _biennium_for(request, pk)
    fmt = request.GET.get("format", "xlsx")
    if fmt not in CONTENT_TYPES:
        return HttpResponseBadRequest(_("The matrix is exported as xlsx or csv."))
    return _attachment(
        export_matrix(biennium, fmt, user=request.user),
        CONTENT_TYPES[fmt],
        export_filename(biennium, fmt),
    )


def _matrix_job(request, biennium: Biennium, pk) -> UploadJob:
    """The matrix job ``pk`` of this biennium, if the user may see it (404 otherwise)."""
    job = get_object_or_404(
        UploadJob,
        pk=int(pk) if str(pk).isdigit() else 0,
        kind=UploadJob.Kind.MATRIX,
        params__biennium=biennium.pk,
    )
    require(can_see_upload_job(request.user, job))
    return job


@login_required
@require_http_methods(["GET", "POST"])
def matrix_import(request, pk: int):
    biennium = _biennium_for(request, pk)
    context = {"biennium": biennium, "plan": None, "token": ""}
    if request.method == "POST" and request.POST.get("action") == "apply":
        return _import_apply(request, biennium, context)
    if request.method == "POST":
        return _import_start(request, biennium, context)
    if request.GET.get("job"):
        return _import_preview(request, biennium, context)
    return render(request, "reports/matrix_import.html", context)


def _import_refused(request, context, message: str):
    messages.error(request, message)
    return render(request, "reports/matrix_import.html", context, status=400)


def _import_start(request, biennium: Biennium, context: dict):
    """Store the upload (streamed, cut by the upload handler past
    ``ACCORD_MAX_UPLOAD_BYTES``) and hand its plan to the task worker; the job's page
    shows progress, then this page's preview."""
    refusal = upload_refusal(request)
    if refusal:
        return _import_refused(request, context, refusal)
    upload = request.FILES.get("file")
    if upload is None:
        return _import_refused(request, context, _("Choose an .xlsx or .csv file."))
    try:
        job = start_matrix_job(biennium=biennium, user=request.user, file=upload)
    except (UnknownFormat, FileRefused) as exc:
        return _import_refused(request, context, str(exc))
    return redirect("upload-job", pk=job.pk)


def _import_preview(request, biennium: Biennium, context: dict):
    """The plan the job made, as the preview; the apply button only for who uploaded
    the file, while the plan waits to be applied. Once the worker applied it, the same
    page shows what was written, or the conflicts that stopped it (nothing written)."""
    job = _matrix_job(request, biennium, request.GET["job"])
    if job.status != UploadJob.Status.DONE:
        return redirect("upload-job", pk=job.pk)
    plan = job.result["preview"]
    if job.result.get("applied"):
        messages.success(request, _("Imported: %(summary)s.") % {"summary": job.result["applied"]})
    if job.result.get("refused"):
        messages.error(request, job.result["refused"])
    may_apply = pending(job) and can_apply_upload_job(request.user, job)
    context.update(
        plan=plan, token=str(job.pk) if may_apply else "", applied="applied" in job.result
    )
    ok = plan["valid"] and not job.result.get("refused")
    return render(request, "reports/matrix_import.html", context, status=200 if ok else 400)


def _import_apply(request, biennium: Biennium, context: dict):
    """Hand the plan the user confirmed on the preview (the job's) to the task worker,
    which writes it or nothing; the job's page follows it to the outcome."""
    token = request.POST.get("token", "")
    job = UploadJob.objects.filter(
        pk=int(token) if token.isdigit() else 0,
        kind=UploadJob.Kind.MATRIX,
        params__biennium=biennium.pk,
    ).first()
    if job is None or not can_apply_upload_job(request.user, job):
        messages.error(request, _("The uploaded file has expired; upload it again."))
        return redirect("matrix-import", pk=biennium.pk)
    if queue_matrix_apply(job) or not job.finished:  # queued now, or by a press before
        return redirect("upload-job", pk=job.pk)
    messages.error(request, _("The uploaded file has expired; upload it again."))
    return redirect("matrix-import", pk=biennium.pk)


def _names_to_translate(frameworks, context) -> dict:
    chosen = next((f for f in frameworks if f.slug == context["selected"]), None)
    try:
        start = parse_month(context["start"])
        end = parse_month(context["end"], end=True)
    except ValueError:
        return {}
    return names_to_translate(chosen, start, end) if chosen else {}


def _calls(user, frameworks, selected: str) -> dict:
    chosen = next((f for f in frameworks if f.slug == selected), None)
    if chosen is None:
        return {}
    return {
        "calls": ContributionCall.objects.filter(framework=chosen)[:5],
        "may_open_call": can_open_call(user, chosen),
        "framework_slug": chosen.slug,
    }


@login_required
@require_http_methods(["GET", "POST"])
def report_sg(request, framework: str | None = None):
    every = list(Framework.objects.all())
    frameworks = [f for f in every if can_report(request.user, f)]
    context = {
        "frameworks": frameworks,
        "formats": REPORT_FORMATS,
        "report_languages": LANGUAGES,
        "kind": "sg",
        "may_combine": can_report_all_frameworks(request.user, every),
        "selected": framework or (frameworks[0].slug if frameworks else ""),
        "start": request.POST.get("start", request.GET.get("start", "2018-09")),
        "end": request.POST.get("end", request.GET.get("end", "2020-08")),
    }
    if request.method == "POST":
        return _start_sg_report(request, frameworks, context)
    context["to_translate"] = _names_to_translate(frameworks, context)
    context.update(_calls(request.user, frameworks, context["selected"]))
    return render(request, "reports/report_form.html", context)


def _start_sg_report(request, frameworks, context):
    """Queue the report of the framework chosen, or the combined report of every
    framework when "all frameworks" is ticked (for those the permissions allow), and
    send the user to the job's page; the form's errors otherwise."""
    if request.POST.get("all_frameworks"):
        require(context["may_combine"])
    form = SGReportForm(request.POST, frameworks=frameworks)
    return _start_report_job(request, form, ReportJob.Kind.SG_REPORT, context)


def _start_report_job(request, form, kind: str, context: dict):
    """Queue the report the valid ``form`` asks for and go to its job's page; the page
    again with the form's errors otherwise."""
    if not form.is_valid():
        context["form"] = form
        return render(request, "reports/report_form.html", context, status=400)
    job = start_report(
        kind=kind,
        fmt=form.cleaned_data["format"],
        lang=form.cleaned_data["lang"],
        user=request.user,
        params=form.params(),
    )
    return redirect("report-job", pk=job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def review_pack(request, pk: int):
    meeting = get_object_or_404(Meeting.objects.select_related("framework"), pk=pk)
    if not can_report(request.user, meeting.framework):
        raise PermissionDenied
    context = {
        "meeting": meeting,
        "formats": ReviewPackForm.formats,
        "report_languages": LANGUAGES,
        "kind": "review_pack",
    }
    if request.method != "POST":
        return render(request, "reports/report_form.html", context)
    form = ReviewPackForm(request.POST, meeting=meeting)
    return _start_report_job(request, form, ReportJob.Kind.REVIEW_PACK, context)


@login_required
def report_job(request, pk: int):
    job = get_object_or_404(ReportJob, pk=pk)
    require(can_see_report_job(request.user, job))
    download = reverse("report-job", kwargs={"pk": job.pk}) + "?download=1"
    if request.GET.get("download"):
        if job.status != ReportJob.Status.DONE or not job.file:
            raise Http404(_("The report is not ready."))
        return FileResponse(
            job.file.open("rb"),
            as_attachment=True,
            filename=job.filename,
            content_type=REPORT_FORMATS.get(job.fmt),
        )
    if request.GET.get("format") == "json" or "application/json" in request.headers.get(
        "Accept", ""
    ):
        return JsonResponse(
            {
                "status": job.status,
                "progress": job.progress,
                "error": job.error,
                "download": download if job.status == ReportJob.Status.DONE else None,
            }
        )
    return render(
        request,
        "reports/job.html",
        {"job": job, "download": download, "poll_ms": settings.ACCORD_JOB_POLL_MS},
    )


# --- open data -------------------------------------------------------------------------


def _fmt(request, fmt: str | None, allowed) -> str:
    fmt = fmt or request.GET.get("format") or allowed[0]
    if fmt not in allowed:
        raise Http404(_("Available as %(formats)s.") % {"formats": ", ".join(allowed)})
    return fmt


def opendata_index(request):
    bienniums = Biennium.objects.select_related("framework").order_by(
        "framework__slug", "-start_year"
    )
    resolutions = [
        r for r in Resolution.objects.order_by("-adopted_on") if can_view(request.user, r)
    ]
    return render(
        request, "reports/opendata.html", {"bienniums": bienniums, "resolutions": resolutions}
    )


def opendata_matrix(request, pk: int, fmt: str | None = None):
    biennium = get_object_or_404(Biennium.objects.select_related("framework"), pk=pk)
    return _attachment(
        *opendata.matrix(biennium, _fmt(request, fmt, opendata.FORMATS), request.user)
    )


def opendata_registry(request, fmt: str | None = None):
    return _attachment(*opendata.registry(_fmt(request, fmt, opendata.FORMATS), request.user))


def opendata_resolution(request, pk: int, fmt: str | None = None):
    res = get_object_or_404(Resolution, pk=pk)
    if not can_view(request.user, res):
        raise Http404
    try:
        return _attachment(*opendata.resolution(res, _fmt(request, fmt, ("akn", "json"))))
    except opendata.NoData as exc:
        raise Http404(str(exc)) from exc


def opendata_iati(request, pk: int):
    """The biennium's matrix as an IATI 2.03 activity file (what the user may read)."""
    biennium = get_object_or_404(Biennium.objects.select_related("framework"), pk=pk)
    try:
        return _attachment(*iati.activity_file(biennium, request.user))
    except iati.NoActivities as exc:
        raise Http404(str(exc)) from exc
