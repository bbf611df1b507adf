"""Later resolutions of a series, and other partners (corpus tests: they skip, with the
reason printed, when ../shared/corpus is absent)."""

from __future__ import annotations

import datetime

import pytest

from accord.cooperation.models import ActionItem, Framework, Meeting
from accord.documents.bootstrap.lineage import LineageResult, supersede
from accord.documents.models import Citation, Mandate, Paragraph, Resolution
from accord.documents.services import resolution_import
from accord.registry.models import Entity
from tests.bootstrap.conftest import series_file
from tests.bootstrap.shared import (  # noqa: F401 - the fixtures: bootstrapped once a module
    bootstrapped_once,
    shared_bootstrapped,
    shared_coordinator,
)
from tests.bootstrap.test_apply import _row_counts


@pytest.fixture
def with_79_9(bootstrapped, corpus, coordinator):
    return resolution_import(source=series_file(corpus, "79/9"), user=coordinator, confirm_all=True)


def test_a_later_resolution_adds_to_the_same_framework(with_79_9, bootstrapped):
    assert Framework.objects.count() == 1
    assert with_79_9.framework == bootstrapped.framework
    assert set(Resolution.objects.values_list("framework__slug", flat=True)) == {"un-oic"}
    astana = Meeting.objects.get(kind="general", start_on=datetime.date(2024, 7, 22))
    assert astana.place == "Astana" and astana.framework == bootstrapped.framework
    planned = Meeting.objects.filter(kind="general", start_on__isnull=True)
    assert set(planned.values_list("year_planned", flat=True)) == {2020, 2026}


def test_a_later_resolution_is_linked_as_successor(with_79_9):
    old = Resolution.objects.get(symbol="A/RES/73/135")
    new = Resolution.objects.get(symbol="A/RES/79/9")
    assert new.predecessor == old and old.successor == new
    assert with_79_9.lineage.linked == [("A/RES/73/135", "A/RES/79/9")]


def test_the_older_mandates_are_superseded_by_the_ones_the_new_text_repeats(with_79_9):
    old25 = Mandate.objects.get(resolution__symbol="A/RES/73/135", paragraph__pid="op-25")
    assert old25.status == Mandate.Status.SUPERSEDED
    assert old25.superseded_by.resolution.symbol == "A/RES/79/9"
    assert old25.superseded_by.due_session == 81  # "report ... at its eighty-first session"
    new = Mandate.objects.filter(resolution__symbol="A/RES/79/9")
    assert not new.filter(status=Mandate.Status.SUPERSEDED).exists()
    report = ActionItem.objects.get(mandate__resolution__symbol="A/RES/79/9")
    assert report.due_on == datetime.date(2026, 9, 15)


def test_a_later_resolution_twice_changes_nothing(with_79_9, corpus, coordinator):
    before = _row_counts()
    again = resolution_import(
        source=series_file(corpus, "79/9"), user=coordinator, confirm_all=True
    )
    assert _row_counts() == before
    assert again.lineage.linked == [] and again.lineage.repeated == again.lineage.dropped == 0


def test_resolutions_imported_out_of_order_form_one_chain(with_79_9, corpus, coordinator):
    for symbol in ("77/18", "75/16"):
        resolution_import(source=series_file(corpus, symbol), user=coordinator, confirm_all=True)
    chain = [
        (r.symbol, r.predecessor.symbol if r.predecessor else None)
        for r in Resolution.objects.order_by("session")
    ]
    assert chain == [
        ("A/RES/73/135", None),
        ("A/RES/75/16", "A/RES/73/135"),
        ("A/RES/77/18", "A/RES/75/16"),
        ("A/RES/79/9", "A/RES/77/18"),
    ]
    old25 = Mandate.objects.get(resolution__symbol="A/RES/73/135", paragraph__pid="op-25")
    assert old25.superseded_by.resolution.symbol == "A/RES/75/16"
    # 79/9 recalls 77/18, stored after it: the citation now points at it
    recalls = Citation.objects.filter(resolution__symbol="A/RES/79/9", symbol="77/18")
    assert recalls and {c.cited_resolution.symbol for c in recalls} == {"A/RES/77/18"}
    assert not Mandate.objects.filter(
        resolution__symbol="A/RES/79/9", status=Mandate.Status.SUPERSEDED
    ).exists()


def test_a_partners_resolution_leaves_the_oic_framework_alone(bootstrapped, corpus, coordinator):
    before = Resolution.objects.get(symbol="A/RES/73/135").version
    resolution_import(source=series_file(corpus, "79/329"), user=coordinator, confirm_all=True)
    assert set(Framework.objects.values_list("slug", flat=True)) == {"un-oic", "un-au"}
    oic = Resolution.objects.get(symbol="A/RES/73/135")
    assert oic.version == before and oic.successor is None


# -- superseding, on hand-made mandates (no corpus) -------------------------------


def _resolution(framework, session: int, requests: dict[str, str], sg: Entity) -> Resolution:
    r = Resolution.objects.create(framework=framework, symbol=f"A/RES/{session}/1", session=session)
    for n, (pid, action) in enumerate(requests.items(), start=1):
        p = Paragraph.objects.create(
            resolution=r, pid=pid, kind="operative", number=n, order=n, text=action
        )
        m = Mandate.objects.create(
            resolution=r,
            paragraph=p,
            verb="Requests",
            addressees=["Secretary-General"],
            action=action,
        )
        m.addressee_entities.add(sg)
    return r


def test_a_mandate_the_new_text_no_longer_repeats_is_superseded_without_successor(
    bootstrapped, coordinator
):
    framework = bootstrapped.framework
    sg = Entity.objects.get(gazetteer_id="un.sg")
    older = _resolution(
        framework,
        90,
        {
            "op-1": "to report to the General Assembly at its ninety-second session on the state of cooperation",
            "op-2": "to convene a high-level conference on maritime piracy in the Gulf of Aden",
        },
        sg,
    )
    newer = _resolution(
        framework,
        92,
        {
            "op-1": "to report to the General Assembly at its ninety-fourth session on the state of cooperation",
        },
        sg,
    )
    result = LineageResult()
    supersede(older, newer, coordinator, "test", result)
    report, conference = Mandate.objects.filter(resolution=older).order_by("paragraph__order")
    assert report.status == conference.status == Mandate.Status.SUPERSEDED
    assert report.superseded_by == Mandate.objects.get(resolution=newer)
    assert conference.superseded_by is None
    assert (result.repeated, result.dropped) == (1, 1)
    assert conference.history.first().history_user == coordinator


def test_an_implemented_mandate_keeps_its_status(bootstrapped, coordinator):
    framework = bootstrapped.framework
    sg = Entity.objects.get(gazetteer_id="un.sg")
    older = _resolution(framework, 90, {"op-1": "to open a liaison office in Jeddah"}, sg)
    newer = _resolution(framework, 92, {"op-1": "to report on the state of cooperation"}, sg)
    Mandate.objects.filter(resolution=older).update(status=Mandate.Status.IMPLEMENTED)
    supersede(older, newer, coordinator, "test", LineageResult())
    assert Mandate.objects.get(resolution=older).status == Mandate.Status.IMPLEMENTED
