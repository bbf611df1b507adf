"""The cooperation itself: frameworks, priority areas, bienniums, the matrix of
activities with indicators and progress, meetings, decisions and action items, and the
Sustainable Development Goals and targets that activities serve.

Reads: nothing at import. Writes: the cooperation tables and their history tables.
The SDG goals and targets are loaded by a data migration from ``data/sdg_targets.tsv``.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Lower
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accord.core.history import HistoricalRecords
from accord.core.models import (
    AccordModel,
    AliveManager,
    AliveQuerySet,
    AllObjectsManager,
    NamedInLanguages,
)


class Framework(AccordModel):
    """The standing cooperation between the UN and one partner organization."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True, help_text=_('e.g. "un-oic"'))
    name = models.CharField(_("name"), max_length=300)
    un_organization = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        related_name="frameworks_as_un",
        verbose_name=_("United Nations"),
    )
    partner = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        related_name="frameworks_as_partner",
        verbose_name=_("partner organization"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name


class PriorityArea(NamedInLanguages, AccordModel):
    """One of the fields of cooperation of a framework (e.g. "peace and security")."""

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="priority_areas",
        verbose_name=_("framework"),
    )
    code = models.SlugField(_("code"), max_length=40)
    order = models.PositiveIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "order", "code"]
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="priorityarea_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        """A priority area that activities use stays in its framework (their framework
        would no longer be the priority area's)."""
        super().clean()
        moved = self.pk and stored(self, "framework_id") not in (None, self.framework_id)
        if moved and Activity.all_objects.filter(priority_area=self.pk).exists():
            raise ValidationError(
                {
                    "framework": _(
                        "A priority area with activities cannot move to another framework."
                    )
                }
            )


class Biennium(AccordModel):
    """Two years of a framework's matrix of activities, e.g. 2018-2019."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="bienniums", verbose_name=_("framework")
    )
    start_year = models.PositiveIntegerField(_("start year"))
    end_year = models.PositiveIntegerField(_("end year"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["framework", "-start_year"]
        verbose_name = _("biennium")
        verbose_name_plural = _("bienniums")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "start_year", "end_year"], name="biennium_unique_years"
            ),
        ]

    @property
    def label(self) -> str:
        """``"2018-2019"``."""
        return f"{self.start_year}-{self.end_year}"

    def __str__(self) -> str:
        return self.label


class SDGGoal(models.Model):
    """One of the 17 Sustainable Development Goals (reference data, never edited)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class SDGTarget(models.Model):
    """One of the 169 SDG targets, with its official code ("1.1", "1.a", "17.19")."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    goal = models.ForeignKey(
        SDGGoal, on_delete=models.PROTECT, related_name="targets", verbose_name=_("goal")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["goal__number", "order"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code


class ActivityQuerySet(AliveQuerySet):
    """The domain's questions about activities, asked in the database."""

    def unfinished(self):
        """Activities still to do: neither completed nor cancelled."""
        return self.exclude(status__in=(Activity.Status.COMPLETED, Activity.Status.CANCELLED))

    def late(self, on):
        """Unfinished activities whose end date is before ``on`` (a cancelled activity is
        not late: it will not happen)."""
        return self.unfinished().filter(end_on__lt=on)


_ActivityManager = AliveManager.from_queryset(ActivityQuerySet)
_AllActivityManager = AllObjectsManager.from_queryset(ActivityQuerySet)


class Activity(AccordModel):
    """A row of a biennium's matrix: one joint activity with a lead on each side."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        COMPLETED = "completed", _("completed")
        POSTPONED = "postponed", _("postponed")
        CANCELLED = "cancelled", _("cancelled")

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="activities",
        editable=False,
        verbose_name=_("framework"),
        help_text=_("Copied from the biennium on save."),
    )
    biennium = models.ForeignKey(
        Biennium, on_delete=models.PROTECT, related_name="activities", verbose_name=_("biennium")
    )
    code = models.CharField(
        _("code"), max_length=40, help_text=_("Stable and unique in the framework.")
    )
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="activities",
        verbose_name=_("priority area"),
    )
    un_lead = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities_led_un",
        verbose_name=_("UN lead"),
    )
    partner_lead = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="activities_led_partner",
        verbose_name=_("partner lead"),
    )
    participants = models.ManyToManyField(
        "registry.Entity",
        blank=True,
        related_name="activities",
        verbose_name=_("other participants"),
    )
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    mandates = models.ManyToManyField(
        "documents.Mandate", blank=True, related_name="activities", verbose_name=_("mandates")
    )
    sdg_targets = models.ManyToManyField(
        SDGTarget, blank=True, related_name="activities", verbose_name=_("SDG targets")
    )
    funding_source = models.CharField(_("funding source"), max_length=300, blank=True)
    funding_entity = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities_funded",
        verbose_name=_("funding entity"),
    )
    carried_over_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_over_to",
        verbose_name=_("carried over from"),
    )
    is_demo = models.BooleanField(
        _("demo data"),
        default=False,
        help_text=_("Part of the labelled demo matrix, not real data."),
    )
    # Lower-cased code, title and description, kept by the database itself (bulk_create
    # included): the matrix's text search reads one column whose statistics the planner knows.
    search_text = models.GeneratedField(
        expression=Lower(
            Concat(
                "code",
                Value(" "),
                "title",
                Value(" "),
                "description",
                output_field=models.TextField(),
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
        verbose_name=_("search text"),
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to the public (read-only).")
    )

    history = HistoricalRecords(
        m2m_fields=[participants, mandates, sdg_targets], excluded_fields=["search_text"]
    )

    objects: ClassVar = _ActivityManager()
    all_objects: ClassVar = _AllActivityManager()

    class Meta:
        ordering = ["biennium", "priority_area__order", "code"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(
                fields=["biennium", "priority_area", "status"], name="activity_matrix_idx"
            ),
            models.Index(fields=["un_lead"], name="activity_un_lead_idx"),
            models.Index(fields=["partner_lead"], name="activity_partner_lead_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"],
                condition=models.Q(deleted_at__isnull=True),
                name="activity_unique_code_in_framework",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def clean(self) -> None:
        """The rules that span several rows: the framework is the biennium's; the
        priority area is of that framework; the UN lead is an entity of the framework's
        UN side and the partner lead one of its partner side. Called by ``full_clean()``,
        so by every service and the admin."""
        super().clean()
        if not self.biennium_id:
            return
        framework = self._biennium_framework()
        if self.framework_id and self.framework_id != framework.pk:
            raise ValidationError(
                {"biennium": _("An activity cannot move to a biennium of another framework.")}
            )
        self.framework = framework
        raise_errors(activity_side_errors(self, framework))

    def _biennium_framework(self) -> Framework:
        """The framework of the activity's biennium: the loaded one when the biennium and
        the framework are both loaded (as the pages and the services have them)."""
        if (
            Activity.biennium.is_cached(self)
            and Activity.framework.is_cached(self)
            and self.biennium.framework_id == self.framework_id
        ):
            return self.framework
        return Framework.all_objects.get(bienniums=self.biennium_id)

    def save(self, *args, **kwargs):
        if self.biennium_id and not self.framework_id:
            self.framework_id = Biennium.all_objects.values_list("framework_id", flat=True).get(
                pk=self.biennium_id
            )
        super().save(*args, **kwargs)


def activity_side_errors(activity: Activity, framework: Framework) -> dict[str, str | Promise]:
    """What is wrong with the priority area and the leads of ``activity`` in
    ``framework``, by field name (empty when nothing is)."""
    errors: dict[str, str | Promise] = {}
    area = activity.priority_area if activity.priority_area_id else None
    if area is not None and area.framework_id != framework.pk:
        errors["priority_area"] = _("The priority area is not one of this framework.")
    un_lead = activity.un_lead if activity.un_lead_id else None
    if un_lead is not None and un_lead.organization_id != framework.un_organization_id:
        errors["un_lead"] = _("The UN lead must be an entity of the United Nations side.")
    partner = activity.partner_lead if activity.partner_lead_id else None
    if partner is not None and partner.organization_id != framework.partner_id:
        errors["partner_lead"] = _(
            "The partner lead must be an entity of the partner organization."
        )
    return errors


def raise_errors(errors: dict) -> None:
    """Raise ``ValidationError(errors)`` when there are any."""
    if errors:
        raise ValidationError(errors)


def stored(obj: AccordModel, attname: str):
    """The value of ``attname`` as ``obj`` is stored (None for a new row)."""
    if obj.pk is None:
        return None
    row = type(obj).all_objects.filter(pk=obj.pk).values_list(attname, flat=True)
    return row.first()


def same_framework_errors(obj: AccordModel, parent: str, model, message) -> dict[str, str]:
    """A row hanging on ``parent`` (an activity, a meeting) may move to another parent
    of the same framework only, never to one of another framework."""
    before = stored(obj, f"{parent}_id")
    now = getattr(obj, f"{parent}_id")
    if before is None or now is None or before == now:
        return {}
    frameworks = set(
        model.all_objects.filter(pk__in=[before, now]).values_list("framework_id", flat=True)
    )
    if len(frameworks) > 1:
        return {parent: message}
    return {}


class Indicator(AccordModel):
    """A measure of an activity: baseline, target and actual, in one unit."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("activity")
    )
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        message = _("It cannot move to an activity of another framework.")
        raise_errors(same_framework_errors(self, "activity", Activity, message))


class ProgressUpdate(AccordModel):
    """A dated note on how an activity is going, and its status after it."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="progress_updates",
        verbose_name=_("activity"),
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("text"))
    status_after = models.CharField(
        _("status after"), max_length=12, choices=Activity.Status.choices, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
        verbose_name=_("author"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["activity", "-date", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        # (activity, date, id): the latest update of an activity is the last index entry, no sort.
        indexes = [
            models.Index(fields=["activity", "date", "id"], name="progress_activity_latest_idx")
        ]

    def __str__(self) -> str:
        return f"{self.activity.code} {self.date}"

    def clean(self) -> None:
        super().clean()
        message = _("It cannot move to an activity of another framework.")
        raise_errors(same_framework_errors(self, "activity", Activity, message))


class Meeting(AccordModel):
    """A meeting of the two systems (general, sectoral, high-level, ...)."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("general meeting")
        SECTORAL = "sectoral", _("sectoral or thematic meeting")
        HIGH_LEVEL = "high_level", _("high-level meeting")
        WORKING_GROUP = "working_group", _("working group")
        BRAINSTORMING = "brainstorming", _("brainstorming session")
        SECURITY_COUNCIL = "security_council", _("Security Council meeting")
        CONFERENCE = "conference", _("conference")
        OTHER = "other", _("other")

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("framework")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(_("title"), max_length=500)
    start_on = models.DateField(_("start"), null=True, blank=True)
    end_on = models.DateField(_("end"), null=True, blank=True)
    year_planned = models.PositiveIntegerField(
        _("year planned"),
        null=True,
        blank=True,
        help_text=_("For a planned meeting without dates yet."),
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    host = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_hosted",
        verbose_name=_("host"),
    )
    host_organization = models.ForeignKey(
        "registry.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings_hosted",
        verbose_name=_("host organization"),
    )
    participants = models.ManyToManyField(
        "registry.Entity", blank=True, related_name="meetings", verbose_name=_("participants")
    )
    source_paragraph = models.ForeignKey(
        "documents.Paragraph",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("source paragraph"),
    )
    notes = models.TextField(_("notes"), blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown to the public (read-only).")
    )

    history = HistoricalRecords(m2m_fields=[participants])

    class Meta:
        ordering = ["framework", "-start_on", "-year_planned"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        """The meeting ends after it starts; its host is an entity of one of the framework's
        two sides, its host organization one of them; a meeting with decisions stays in
        its framework (their action items are of it)."""
        super().clean()
        errors: dict[str, str | Promise] = {}
        if self.start_on and self.end_on and self.end_on < self.start_on:
            errors["end_on"] = _("A meeting cannot end before it starts.")
        if self.framework_id:
            framework = Framework.all_objects.get(pk=self.framework_id)
            sides = {framework.un_organization_id, framework.partner_id}
            if self.host is not None and self.host.organization_id not in sides:
                errors["host"] = _("The host must be an entity of one of the framework's sides.")
            if self.host_organization_id and self.host_organization_id not in sides:
                errors["host_organization"] = _(
                    "The host organization must be one of the framework's two sides."
                )
            moved = self.pk and stored(self, "framework_id") not in (None, self.framework_id)
            if moved and Decision.all_objects.filter(meeting=self.pk).exists():
                errors["framework"] = _(
                    "A meeting with decisions cannot move to another framework."
                )
        raise_errors(errors)


class MeetingDocument(AccordModel):
    """A document of a meeting: a symbol, a link or an uploaded file."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name=_("meeting")
    )
    symbol = models.CharField(_("symbol"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="meetings/", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.symbol or self.title or self.url


class Decision(AccordModel):
    """A recommendation or decision adopted at a meeting."""

    class Kind(models.TextChoices):
        RECOMMENDATION = "recommendation", _("recommendation")
        DECISION = "decision", _("decision")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    number = models.CharField(_("number"), max_length=20, blank=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.RECOMMENDATION
    )
    text = models.TextField(_("text"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "number", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.meeting} {self.number}".strip()

    def clean(self) -> None:
        super().clean()
        message = _("A decision cannot move to a meeting of another framework.")
        raise_errors(same_framework_errors(self, "meeting", Meeting, message))


class ActionItemQuerySet(AliveQuerySet):
    """The domain's questions about action items, asked in the database."""

    def open(self):
        """Items still to do (open or in progress)."""
        return self.filter(status__in=ActionItem.OPEN_STATUSES)

    def closed(self):
        """Items done or cancelled."""
        return self.exclude(status__in=ActionItem.OPEN_STATUSES)

    def overdue(self, on):
        """Open items whose due date is before ``on``."""
        return self.open().filter(due_on__lt=on)


_ActionItemManager = AliveManager.from_queryset(ActionItemQuerySet)
_AllActionItemManager = AllObjectsManager.from_queryset(ActionItemQuerySet)


class ActionItem(AccordModel):
    """Follow-up of a decision or a mandate: an owner, a due date, a status, evidence."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        CANCELLED = "cancelled", _("cancelled")
        # closed because the mandate it follows was superseded by a later resolution
        NO_LONGER_APPLICABLE = "inapplicable", _("no longer applicable")

    # The statuses of an item still to do; ``ActionItem.objects.open()`` filters on them.
    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    framework = models.ForeignKey(
        Framework,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("framework"),
    )
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("decision"),
    )
    mandate = models.ForeignKey(
        "documents.Mandate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("mandate"),
    )
    title = models.CharField(_("title"), max_length=500)
    owner = models.ForeignKey(
        "registry.Entity",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    evidence = models.TextField(_("evidence of closure"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    evidence_file = models.FileField(_("evidence file"), upload_to="evidence/", blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items_closed",
        verbose_name=_("closed by"),
    )

    history = HistoricalRecords()

    objects: ClassVar = _ActionItemManager()
    all_objects: ClassVar = _AllActionItemManager()

    class Meta:
        ordering = ["framework", "due_on", "id"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [
            models.Index(fields=["framework", "status", "due_on"], name="actionitem_status_due_idx")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def clean(self) -> None:
        """The item is of its decision's framework (a mandate may be of a resolution
        another framework also follows, as a bootstrap under a new slug does); its owner is an
        entity of one of the framework's two sides; a new or moved due date is not before
        its meeting."""
        super().clean()
        if not self.framework_id:
            return
        framework = Framework.all_objects.get(pk=self.framework_id)
        errors: dict[str, str | Promise] = {}
        meeting = self.decision.meeting if self.decision is not None else None
        if meeting is not None and meeting.framework_id != framework.pk:
            errors["decision"] = _("The decision is of a meeting of another framework.")
        sides = {framework.un_organization_id, framework.partner_id}
        if self.owner is not None and self.owner.organization_id not in sides:
            errors["owner"] = _("The owner must be an entity of one of the framework's sides.")
        before = ActionItem.all_objects.filter(pk=self.pk).values_list("due_on", "decision_id")
        moved = self.pk is None or before.first() != (self.due_on, self.decision_id)
        due_error = self.due_error(self.due_on) if moved else None
        if due_error:  # (an item stored before the rule keeps its date until it moves)
            errors["due_on"] = due_error
        raise_errors(errors)

    def due_error(self, due_on) -> str | None:
        """Why ``due_on`` is not a possible due date of this item: before its meeting."""
        meeting = self.decision.meeting if self.decision is not None else None
        start = meeting and (meeting.start_on or meeting.end_on)
        if due_on and start and due_on < start:
            return _("The due date comes before the meeting (%(date)s).") % {"date": start}
        return None
