"""Back-office pages for stored resolutions, their paragraphs, mandates and citations,
and the upload jobs of the task worker (read only)."""

from __future__ import annotations

from django.contrib import admin

from accord.accounts.admin_base import AccordAdmin, AccordInline, JobAdmin
from accord.documents.models import Citation, Mandate, Paragraph, Resolution, UploadJob
from accord.documents.review import ReviewItem


class ParagraphInline(AccordInline):
    model = Paragraph
    fields = ["pid", "kind", "number", "order", "phrase_or_verb", "text"]


class MandateInline(AccordInline):
    model = Mandate
    fields = ["paragraph", "verb", "action", "due_session", "due_year", "status"]
    raw_id_fields = ["paragraph"]


@admin.register(Resolution)
class ResolutionAdmin(AccordAdmin):
    list_display = ["symbol", "title", "session", "adopted_on", "framework", "predecessor"]
    list_filter = ["framework", "session", "source_format"]
    search_fields = ["symbol", "title", "paragraphs__text"]
    raw_id_fields = ["predecessor"]
    date_hierarchy = "adopted_on"
    list_select_related = ["framework", "predecessor"]
    # The parser's record: the reader shows the rows (paragraphs, mandates), edited here.
    readonly_fields = ["parsed", "akn"]
    inlines = [ParagraphInline, MandateInline]


@admin.register(Paragraph)
class ParagraphAdmin(AccordAdmin):
    list_display = ["resolution", "pid", "kind", "number", "phrase_or_verb"]
    list_filter = ["kind", "resolution"]
    search_fields = ["pid", "text", "phrase_or_verb", "resolution__symbol"]
    raw_id_fields = ["resolution"]
    list_select_related = ["resolution"]


@admin.register(Mandate)
class MandateAdmin(AccordAdmin):
    list_display = ["paragraph", "verb", "status", "due_session", "due_year"]
    list_filter = ["status", "resolution", "due_year"]
    search_fields = [
        "verb",
        "action",
        "paragraph__text",
        "resolution__symbol",
        "addressee_entities__acronym",
    ]
    raw_id_fields = ["resolution", "paragraph", "superseded_by"]
    autocomplete_fields = ["addressee_entities"]
    list_select_related = ["paragraph__resolution"]


@admin.register(Citation)
class CitationAdmin(AccordAdmin):
    list_display = ["symbol", "kind", "resolution", "paragraph", "cited_on", "cited_resolution"]
    list_filter = ["kind"]
    search_fields = ["symbol", "resolution__symbol"]
    raw_id_fields = ["resolution", "paragraph", "cited_resolution"]
    list_select_related = ["resolution", "paragraph", "cited_resolution"]


@admin.register(ReviewItem)
class ReviewItemAdmin(AccordAdmin):
    """The bootstrap's review list; deciding goes through the services (pages or CLI)."""

    list_display = [
        "label",
        "kind",
        "status",
        "confidence",
        "paragraph",
        "resolution",
        "decided_by",
    ]
    list_filter = ["status", "kind", "framework"]
    search_fields = ["label", "key", "reason", "resolution__symbol"]
    readonly_fields = [
        "framework",
        "resolution",
        "kind",
        "key",
        "data",
        "confidence",
        "reason",
        "paragraph",
        "decided_by",
        "decided_at",
    ]
    list_select_related = ["resolution", "decided_by"]


@admin.register(UploadJob)
class UploadJobAdmin(JobAdmin):
    """Uploaded files read by the task worker: a resolution's parse, a matrix plan."""

    list_display = [*JobAdmin.list_display[:1], "file_name", *JobAdmin.list_display[1:]]
    search_fields = [*JobAdmin.search_fields, "file_name"]
