"""The search index: one row per thing that can be found (derived data: no history,
rebuilt by ``accord reindex``). The full-text part lives beside it: on SQLite the FTS5
table ``search_fts`` (rowid = the entry's id), on PostgreSQL a GIN index on the
stored column ``terms_tsv`` = ``to_tsvector('simple', terms)``; see accord.search.backends.

``public`` says whether the public may read the row (the permissions module's answer for
an anonymous visitor, computed when the row is indexed and again when a parent's
publication changes); with ``framework`` it lets the database drop what a visitor may
not read before ranking.

``title_terms`` (the title's index terms) lets a broad search rank, beside the most
recent matches, those whose title matches (accord.search.backends.Ranking)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        PARAGRAPH = "paragraph", _("resolution paragraph")
        MANDATE = "mandate", _("mandate")
        ACTIVITY = "activity", _("activity")
        PROGRESS = "progress", _("progress update")
        MEETING = "meeting", _("meeting")
        DECISION = "decision", _("decision")
        ACTION_ITEM = "actionitem", _("action item")
        AGREEMENT = "agreement", _("agreement")
        ENTITY = "entity", _("entity")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("object"))
    framework = models.ForeignKey(
        "cooperation.Framework",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("framework"),
    )
    title = models.CharField(_("title"), max_length=500)
    ref = models.CharField(_("reference"), max_length=60, blank=True)
    body = models.TextField(_("text"), blank=True)
    terms = models.TextField(_("index terms"), blank=True)
    title_terms = models.TextField(_("index terms of the title"), blank=True)
    dated = models.DateField(_("date"), null=True, blank=True)
    public = models.BooleanField(_("public"), default=False)
    url = models.CharField(_("address"), max_length=300)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique"),
        ]
        indexes = [models.Index(fields=["framework", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
