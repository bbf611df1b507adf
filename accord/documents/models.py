"""Stored resolutions: the parse, its paragraphs, the mandates they give, the citations.

Reads: nothing at import. Writes: the documents tables and their history tables.
``Resolution.parsed`` keeps the parser's JSON as it came; the other models are the
searchable, linkable parts of it.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import AccordModel, AliveManager, AliveQuerySet, AllObjectsManager


class Resolution(AccordModel):
    """A General Assembly resolution, e.g. A/RES/73/135."""

    framework = models.ForeignKey(
        "cooperation.Framework",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resolutions",
        verbose_name=_("framework"),
    )
    symbol = models.CharField(
        _("symbol"), max_length=60, unique=True, help_text=_('e.g. "A/RES/73/135"')
    )
    session = models.PositiveIntegerField(_("session"), null=True, blank=True)
    number = models.CharField(_("number"), max_length=20, blank=True, help_text=_('e.g. "135"'))
    title = models.CharField(_("title"), max_length=500, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    distributed_on = models.DateField(_("distributed on"), null=True, blank=True)
    agenda_items = models.JSONField(_("agenda items"), default=list, blank=True)
    basis = models.JSONField(_("basis"), default=dict, blank=True)
    meeting = models.CharField(
        _("meeting"), max_length=100, blank=True, help_text=_('e.g. "52nd plenary meeting"')
    )
    source_file = models.FileField(_("source file"), upload_to="resolutions/", blank=True)
    source_format = models.CharField(_("source format"), max_length=20, blank=True)
    parsed = models.JSONField(_("parsed"), default=dict, blank=True)
    akn = models.TextField(_("Akoma Ntoso"), blank=True)
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name=_("predecessor"),
    )
    warnings = models.JSONField(_("warnings"), default=list, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-session", "symbol"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return self.symbol

    @property
    def successor(self) -> Resolution | None:
        """The next resolution of the series, or None (reverse of ``predecessor``)."""
        return self.successors.order_by("session", "id").first()


class Paragraph(AccordModel):
    """A preambular or operative paragraph of a resolution."""

    class Kind(models.TextChoices):
        PREAMBLE = "preamble", _("preambular")
        OPERATIVE = "operative", _("operative")

    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.CASCADE,
        related_name="paragraphs",
        verbose_name=_("resolution"),
    )
    pid = models.CharField(_("paragraph id"), max_length=30, help_text=_('e.g. "pre-1", "op-25"'))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    phrase_or_verb = models.CharField(_("opening phrase or verb"), max_length=200, blank=True)
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "order"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["resolution", "pid"], name="paragraph_unique_pid"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution} {self.pid}"


class MandateQuerySet(AliveQuerySet):
    """The domain's questions about mandates, asked in the database."""

    def pending(self):
        """Mandates still to carry out: not implemented, not superseded by a later
        resolution and still applicable."""
        return self.filter(status__in=Mandate.OPEN_STATUSES)


class Mandate(AccordModel):
    """A request a paragraph makes of named bodies."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        IMPLEMENTED = "implemented", _("implemented")
        SUPERSEDED = "superseded", _("superseded")
        NO_LONGER_APPLICABLE = "no_longer_applicable", _("no longer applicable")

    # The statuses of a mandate still to carry out; ``Mandate.objects.pending()`` filters on them.
    OPEN_STATUSES = (Status.NOT_STARTED, Status.IN_PROGRESS)
    objects: ClassVar = AliveManager.from_queryset(MandateQuerySet)()
    all_objects: ClassVar = AllObjectsManager.from_queryset(MandateQuerySet)()

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("resolution")
    )
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="mandates", verbose_name=_("paragraph")
    )
    verb = models.CharField(_("verb"), max_length=100, blank=True)
    addressees = models.JSONField(_("addressees"), default=list, blank=True)
    addressee_entities = models.ManyToManyField(
        "registry.Entity",
        blank=True,
        related_name="mandates",
        verbose_name=_("addressee entities"),
    )
    action = models.TextField(_("action"), blank=True)
    due_session = models.PositiveIntegerField(_("due session"), null=True, blank=True)
    due_year = models.PositiveIntegerField(_("due year"), null=True, blank=True)
    recurrence = models.CharField(_("recurrence"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NOT_STARTED
    )
    superseded_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supersedes",
        verbose_name=_("superseded by"),
    )

    history = HistoricalRecords(m2m_fields=[addressee_entities])

    class Meta:
        ordering = ["resolution", "paragraph__order"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        return f"{self.paragraph}: {self.verb}"


class Citation(AccordModel):
    """A document a resolution cites (a resolution, report, meeting record, ...)."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.CASCADE, related_name="citations", verbose_name=_("resolution")
    )
    paragraph = models.ForeignKey(
        Paragraph,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("paragraph"),
    )
    kind = models.CharField(_("kind"), max_length=40, blank=True)
    symbol = models.CharField(_("symbol"), max_length=100)
    cited_on = models.DateField(_("cited date"), null=True, blank=True)
    cited_resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
        verbose_name=_("cited resolution"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["resolution", "id"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self) -> str:
        return self.symbol


from accord.documents.jobs import UploadJob  # noqa: E402  (uploads read in the task worker)
from accord.documents.review import ReviewItem  # noqa: E402  (the review list, in its own module)
from accord.documents.uploads import Upload  # noqa: E402  (what undoing an upload needs)

__all__ = ["Citation", "Mandate", "Paragraph", "Resolution", "ReviewItem", "Upload", "UploadJob"]
