"""The comparison of stored resolutions of the UN-OIC series (72/74 -> 73/135 -> 75/16 ->
77/18 -> 79/9), against what was counted by hand in the corpus texts; then the page and
the Word download as a visitor gets them."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from accord.documents.compare import compare
from accord.documents.models import Resolution
from accord.documents.services import resolution_import
from tests.world import written_once


def stored(corpus, *symbols):
    """The series' resolutions imported (oldest first), as a coordinator would (an
    administrator: only administrators set a framework up)."""
    from accord.accounts.users import grant

    user = get_user_model().objects.create_user("nadia")
    grant(user, "administrator")
    out = []
    for symbol in symbols:
        path = corpus / "text" / f"A_RES_{symbol.replace('/', '_')}.txt"
        if not path.exists():
            pytest.skip(f"{path} is absent from the corpus")
        out.append(resolution_import(source=path, user=user, confirm_all=True).resolution)
    return out


def rows_of(part, status):
    return [r for r in part if r.status == status]


@pytest.mark.corpus
@pytest.mark.django_db
def test_73_135_adds_the_counter_terrorism_paragraph_and_two_preambular_ones(corpus):
    old, new = stored(corpus, "72/74", "73/135")
    result = compare(old, new)
    added = rows_of(result.operative, "new")
    assert [r.new.number for r in added] == [12]
    assert added[0].new.text.startswith("Welcomes the cooperation between the Office of Counter")
    assert result.counts("operative")["dropped"] == 0
    new_pre = [r.new.text[:40] for r in rows_of(result.preamble, "new")]
    assert new_pre == [
        "Noting further the adoption by the Counc",
        "Welcoming the decision of the Council of",
    ]


@pytest.mark.corpus
@pytest.mark.django_db
def test_77_18_drops_the_cted_paragraph_and_recalls_76_254(corpus):
    old, new = stored(corpus, "75/16", "77/18")
    result = compare(old, new)
    dropped = rows_of(result.preamble, "dropped")
    assert [r.old.text[:60] for r in dropped] == [
        "Welcoming also the decision taken by the Counter-Terrorism C"
    ]
    assert [r.new.number for r in rows_of(result.operative, "new")] == [7]
    assert "76/254" in result.citations_added


@pytest.mark.corpus
@pytest.mark.django_db
def test_79_9_renews_the_who_memorandum_and_recalls_the_oct_one(corpus):
    old, new = stored(corpus, "77/18", "79/9")
    result = compare(old, new)
    added = {r.new.number: r.new.text for r in rows_of(result.operative, "new")}
    assert "renewal of a memorandum of understanding on 27 September 2024" in added[14]
    oct_row = next(r for r in result.operative if r.new is not None and r.new.number == 15)
    assert oct_row.status == "changed" and oct_row.old.number == 13
    assert ("delete", "notes ") in oct_row.change.words
    assert ("insert", "recalls ") in oct_row.change.words


@pytest.fixture(scope="class")
def pair(django_db_setup, django_db_blocker, corpus):
    """73/135 and 75/16 stored once for the class, rolled back after it."""
    yield from written_once(django_db_blocker, lambda: tuple(stored(corpus, "73/135", "75/16")))


@pytest.mark.corpus
@pytest.mark.django_db
class TestSeventyThreeThenSeventyFive:
    """The tests that read the same two stored resolutions."""

    def test_75_16_keeps_every_paragraph_and_moves_the_report_to_the_next_session(self, pair):
        old, new = copy.deepcopy(pair)
        result = compare(old, new)
        for part in ("preamble", "operative"):
            n = result.counts(part)
            assert n["new"] == n["dropped"] == n["moved"] == 0
        last = result.operative[-1]
        assert last.status == "changed" and (last.old.number, last.new.number) == (26, 26)
        assert ("delete", "seventy-fifth ") in last.change.words
        assert ("insert", "seventy-seventh ") in last.change.words
        # op. 25, the request for a report, is the same mandate in both texts
        carried = {(a.paragraph.pid, b.paragraph.pid) for a, b in result.carried}
        assert ("op-25", "op-25") in carried

    def test_the_page_and_the_word_file_show_the_changes(self, client, pair):
        old, new = copy.deepcopy(pair)
        slug = new.framework.slug
        reader = client.get(reverse("resolution", args=[slug, new.pk])).content.decode()
        url = reverse("resolution-compare", args=[slug, new.pk, old.pk])
        assert url in reader  # "What changed since A/RES/73/135"
        page = client.get(url).content.decode()
        assert "<del>seventy-fifth </del>" in page and "<ins>seventy-seventh </ins>" in page
        response = client.get(url + "?format=docx")
        assert response["Content-Disposition"].endswith('.docx"')
        xml = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
        assert "<w:del " in xml and "seventy-fifth" in xml.split("<w:del ", 1)[1]
        assert "<w:ins " in xml and "seventy-seventh" in xml.split("<w:ins ", 1)[1]

    def test_the_page_can_hide_the_unchanged_paragraphs_and_keeps_its_counts(self, client, pair):
        old, new = copy.deepcopy(pair)
        slug = new.framework.slug
        url = reverse("resolution-compare", args=[slug, new.pk, old.pk])
        result = compare(old, new)
        rows = result.preamble + result.operative
        unchanged = [r for r in rows if r.status == "unchanged"]
        assert unchanged and len(unchanged) < len(rows)
        every = client.get(url).content.decode()
        page = client.get(url, {"show": "changes"}).content.decode()
        assert every.count(' data-status="') == len(rows)
        assert page.count(' data-status="') == len(rows) - len(unchanged)
        assert 'data-status="unchanged"' in every and 'data-status="unchanged"' not in page
        assert "<del>seventy-fifth </del>" in page  # the changed paragraph is still there
        n = result.counts("operative")["unchanged"]
        assert f"{n} paragraphs unchanged" in page  # the counts are of the whole text
        assert f'href="{url}">Show every paragraph' in page and "Hide unchanged" not in page
        assert 'href="?show=changes">Hide unchanged paragraphs' in every
        # choosing another resolution keeps the choice
        pick = reverse("resolution-compare-pick", args=[slug, new.pk])
        assert client.get(pick, {"with": old.pk, "show": "changes"}).url == url + "?show=changes"
        assert client.get(pick, {"with": old.pk, "show": "all"}).url == url

    def test_a_resolution_outside_the_framework_is_not_found_and_a_bad_choice_is_refused(
        self, client, pair
    ):
        old, new = copy.deepcopy(pair)
        slug = new.framework.slug
        missing = Resolution.objects.order_by("-pk").first().pk + 1
        assert (
            client.get(reverse("resolution-compare", args=[slug, new.pk, missing])).status_code
            == 404
        )
        assert (
            client.get(reverse("resolution-compare", args=[slug, new.pk, new.pk])).status_code
            == 404
        )
        pick = reverse("resolution-compare-pick", args=[slug, new.pk])
        page = client.get(pick)
        assert page.status_code == 200 and old.symbol in page.content.decode()
        assert client.get(pick, {"with": missing}).status_code == 400
        assert client.get(pick, {"with": old.pk}).url == reverse(
            "resolution-compare", args=[slug, new.pk, old.pk]
        )
