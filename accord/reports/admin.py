"""Back-office page of the report jobs (the Secretary-General's report, review packs)
made by the task worker: read only, as every job (``admin_base.JobAdmin``)."""

from __future__ import annotations

from django.contrib import admin

from accord.accounts.admin_base import JobAdmin
from accord.reports.models import ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(JobAdmin):
    list_display = [*JobAdmin.list_display[:2], "fmt", *JobAdmin.list_display[2:]]
    search_fields = [*JobAdmin.search_fields, "filename"]
