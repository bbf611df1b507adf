"""What the API answers, as django-ninja schemas (the OpenAPI document is made from them).

A foreign key is the related row's id; many-to-many fields are lists of ids (SDG targets:
their codes). Users are never named: the public sees no username (``can_see_people``).
"""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, ModelSchema, Schema

from accord.cooperation.models import (
    ActionItem,
    Activity,
    Biennium,
    Decision,
    Framework,
    Indicator,
    Meeting,
    PriorityArea,
    ProgressUpdate,
)
from accord.documents.models import Mandate, Resolution
from accord.registry.models import Agreement, Entity, FocalPoint, Organization


def ids(manager) -> list[int]:
    """The ids of a many-to-many manager's rows (read from a prefetch when there is one)."""
    return [row.pk for row in manager.all()]


class Page(Schema):
    count: int
    limit: int
    offset: int


class OrganizationOut(ModelSchema):
    class Meta:
        model = Organization
        fields = ["id", "code", "acronym", "kind", "name_en", "name_fr", "name_ar"]


class FrameworkOut(ModelSchema):
    un_organization: OrganizationOut
    partner: OrganizationOut

    class Meta:
        model = Framework
        fields = ["id", "slug", "name", "version"]


class PriorityAreaOut(ModelSchema):
    class Meta:
        model = PriorityArea
        fields = ["id", "code", "order", "name_en", "name_fr", "name_ar"]


class BienniumOut(ModelSchema):
    label: str

    class Meta:
        model = Biennium
        fields = ["id", "start_year", "end_year", "version"]


class ActivityOut(ModelSchema):
    framework: int
    last_progress_date: datetime.date | None = None
    last_progress_status: str | None = None

    class Meta:
        model = Activity
        fields = [
            "id",
            "code",
            "title",
            "description",
            "status",
            "biennium",
            "priority_area",
            "un_lead",
            "partner_lead",
            "start_on",
            "end_on",
            "funding_source",
            "funding_entity",
            "carried_over_from",
            "is_published",
            "is_demo",
            "version",
        ]

    @staticmethod
    def resolve_framework(obj) -> int:
        return obj.framework_id


class IndicatorOut(ModelSchema):
    class Meta:
        model = Indicator
        fields = ["id", "name", "unit", "baseline", "target", "actual", "version"]


class ProgressOut(ModelSchema):
    class Meta:
        model = ProgressUpdate
        fields = ["id", "date", "text", "status_after", "version"]


class ActivityDetail(ActivityOut):
    participants: list[int]
    mandates: list[int]
    sdg_targets: list[str]
    indicators: list[IndicatorOut]
    progress: list[ProgressOut]

    @staticmethod
    def resolve_participants(obj) -> list[int]:
        return ids(obj.participants)

    @staticmethod
    def resolve_mandates(obj) -> list[int]:
        return ids(obj.mandates)

    @staticmethod
    def resolve_sdg_targets(obj) -> list[str]:
        return [t.code for t in obj.sdg_targets.all()]

    @staticmethod
    def resolve_indicators(obj):
        return list(obj.indicators.all())

    @staticmethod
    def resolve_progress(obj):
        return list(obj.progress_updates.all())


class DecisionOut(ModelSchema):
    class Meta:
        model = Decision
        fields = ["id", "meeting", "number", "kind", "text", "version"]


class MeetingOut(ModelSchema):
    class Meta:
        model = Meeting
        fields = [
            "id",
            "framework",
            "kind",
            "title",
            "start_on",
            "end_on",
            "year_planned",
            "place",
            "host",
            "host_organization",
            "notes",
            "is_published",
            "version",
        ]


class MeetingDocumentOut(Schema):
    id: int
    symbol: str
    title: str
    url: str


class MeetingDetail(MeetingOut):
    participants: list[int]
    decisions: list[DecisionOut]
    documents: list[MeetingDocumentOut]

    @staticmethod
    def resolve_participants(obj) -> list[int]:
        return ids(obj.participants)

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())

    @staticmethod
    def resolve_documents(obj):
        return list(obj.documents.all())


class ActionItemOut(ModelSchema):
    class Meta:
        model = ActionItem
        fields = [
            "id",
            "framework",
            "decision",
            "mandate",
            "title",
            "owner",
            "due_on",
            "status",
            "closed_on",
            "evidence",
            "evidence_url",
            "version",
        ]


class AgreementOut(ModelSchema):
    parties: list[int]

    @staticmethod
    def resolve_parties(obj) -> list[int]:
        return ids(obj.parties)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "framework",
            "kind",
            "title",
            "status",
            "signed_on",
            "in_force_from",
            "expires_on",
            "renewed_on",
            "renewal",
            "notes",
            "is_published",
            "version",
        ]


class EntityOut(ModelSchema):
    former_names: list[str]

    @staticmethod
    def resolve_former_names(obj) -> list[str]:
        return [f.name for f in obj.former_names.all()]

    class Meta:
        model = Entity
        fields = [
            "id",
            "organization",
            "parent",
            "kind",
            "acronym",
            "name_en",
            "name_fr",
            "name_ar",
            "gazetteer_id",
            "version",
        ]


class FocalPointOut(ModelSchema):
    priority_areas: list[int]

    @staticmethod
    def resolve_priority_areas(obj) -> list[int]:
        return ids(obj.priority_areas)

    class Meta:
        model = FocalPoint
        fields = ["id", "person_name", "title", "email", "entity", "start_on", "end_on", "version"]


class ResolutionOut(ModelSchema):
    class Meta:
        model = Resolution
        fields = [
            "id",
            "framework",
            "symbol",
            "session",
            "number",
            "title",
            "adopted_on",
            "distributed_on",
            "meeting",
            "source_format",
            "predecessor",
            "version",
        ]


class ResolutionDetail(ResolutionOut):
    parsed: dict


class MandateOut(ModelSchema):
    addressees: list[Any]  # the bodies the paragraph names, as the parser gives them
    paragraph_pid: str
    paragraph_number: int | None

    class Meta:
        model = Mandate
        fields = [
            "id",
            "resolution",
            "paragraph",
            "verb",
            "addressees",
            "action",
            "due_session",
            "due_year",
            "recurrence",
            "status",
            "superseded_by",
            "version",
        ]

    @staticmethod
    def resolve_paragraph_pid(obj) -> str:
        return obj.paragraph.pid

    @staticmethod
    def resolve_paragraph_number(obj) -> int | None:
        return obj.paragraph.number


class SearchHitOut(Schema):
    kind: str
    object_id: int
    framework: int | None
    title: str
    ref: str
    snippet: str
    dated: datetime.date | None
    url: str


# --- pages of results ---------------------------------------------------------------


class FrameworkPage(Page):
    items: list[FrameworkOut]


class BienniumPage(Page):
    items: list[BienniumOut]


class PriorityAreaPage(Page):
    items: list[PriorityAreaOut]


class ActivityPage(Page):
    items: list[ActivityOut]


class MeetingPage(Page):
    items: list[MeetingOut]


class DecisionPage(Page):
    items: list[DecisionOut]


class ActionItemPage(Page):
    items: list[ActionItemOut]


class AgreementPage(Page):
    items: list[AgreementOut]


class EntityPage(Page):
    items: list[EntityOut]


class FocalPointPage(Page):
    items: list[FocalPointOut]


class ResolutionPage(Page):
    items: list[ResolutionOut]


class MandatePage(Page):
    items: list[MandateOut]


class SearchPage(Schema):
    query: str
    more: bool = Field(description="more hits after this page")
    count: int = Field(description="the matches; with capped, more than this many")
    capped: bool = Field(
        description="more matches than count: only the first ones the index reads and "
        "those whose title matches are ranked (docs/search.md)"
    )
    offset: int
    items: list[SearchHitOut]
