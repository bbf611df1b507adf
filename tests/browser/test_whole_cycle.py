"""The whole cooperation cycle in the pages (issue 8, "How it is shown"): from an empty
database, with only the users made by the fixture, a coordinator (who administers Accord,
since only an administrator may start a framework) and focal points do everything through
the pages, and the test reads what comes out (rows, pages, the downloaded reports)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from django.utils import timezone
from docx import Document as WordDocument
from playwright.sync_api import expect

from accord.cooperation.models import ActionItem, Activity, Meeting
from accord.registry.models import Entity
from tests.bootstrap.conftest import DEMO
from tests.browser.conftest import sign_in_by_form

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus_or_none():
    from tests.conftest import CORPUS

    return CORPUS if CORPUS.exists() else None


@pytest.fixture
def people(transactional_db, live_server, settings, tmp_path):
    """The users, and nothing else: no framework, no role, no row."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    from django.contrib.auth import get_user_model

    from accord.cooperation.models import Framework
    from tests.world import PASSWORD

    assert not Framework.objects.exists()
    users = get_user_model().objects
    users.create_user(
        "nadia", password=PASSWORD, is_superuser=True, first_name="Nadia", last_name="Karim"
    )
    users.create_user("omar", password=PASSWORD, first_name="Omar", last_name="Haddad")
    users.create_user("lina", password=PASSWORD, first_name="Lina", last_name="Saleh")
    return users


def _confirm_all(page) -> int:
    """Confirm every pending proposal of the review list open in ``page``: the first with
    its own button, the rest with the list's "Confirm all" button; how many there were."""
    waiting = re.search(
        r"(\d+) proposals? waits? for a decision", page.locator("main").inner_text()
    )
    pending = int(waiting.group(1)) if waiting else 0
    for left in range(pending, 0, -1):
        if left > 1 and left < pending:
            page.get_by_role("button", name=f"Confirm all {left} proposals as proposed").click()
            page.wait_for_load_state()
            expect(page.get_by_text(f"Confirmed {left} proposals as proposed.")).to_be_visible()
            break
        page.get_by_role("button", name="Confirm", exact=True).first.click()
        page.wait_for_load_state()
    return pending


def _start_framework(page) -> str:
    from accord.cooperation.models import Framework

    sign_in_by_form(page, "nadia")
    page.goto("/")
    page.locator("input[type=file]").set_input_files(str(DEMO))
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Review list of A/RES/73/135")
    _confirm_all(page)
    expect(page.get_by_text("0 proposals wait for a decision.")).to_be_visible()
    return Framework.objects.get().slug


def _entity(acronym: str):
    from accord.registry.models import Entity

    return Entity.objects.get(acronym=acronym)


def _save(page) -> None:
    """Press Save; a form that comes back with errors fails the test, saying them."""
    page.locator("#edit-form").get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    errors = page.locator(".errorlist")
    assert errors.count() == 0, errors.all_inner_texts()


def _add_focal_point(page, slug, *, name, acronym, account, area) -> None:
    page.goto(f"/f/{slug}/registry/")
    page.get_by_role("link", name="New focal point").click()
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("Entity", exact=True).select_option(str(_entity(acronym).pk))
    page.get_by_label("Priority areas", exact=True).select_option(label=area)
    page.get_by_label("User", exact=True).select_option(label=name)
    _save(page)
    expect(page.get_by_text("The focal point was added.")).to_be_visible()


def _new_biennium(page, slug) -> str:
    page.goto(f"/f/{slug}/matrix/")
    page.get_by_role("link", name="New biennium").click()
    _save(page)
    expect(page.get_by_text("The biennium was created.")).to_be_visible()
    return page.locator("#id_biennium option:checked").inner_text()


def _new_activity(page, slug, *, code, title, area, un_lead, partner_lead) -> None:
    page.goto(f"/f/{slug}/matrix/")
    page.get_by_role("link", name="New activity").click()
    page.get_by_label("Code", exact=True).fill(code)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Priority area", exact=True).select_option(label=area)
    page.get_by_label("UN lead", exact=True).select_option(str(_entity(un_lead).pk))
    page.get_by_label("Partner lead", exact=True).select_option(str(_entity(partner_lead).pk))
    page.get_by_label("Status", exact=True).select_option("ongoing")
    page.get_by_label("Published", exact=True).check()
    _save(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)


def _import_from_excel(page, slug, label, tmp_path, rows: dict[str, str]) -> None:
    """Export the matrix to .xlsx from its page, add ``rows`` (code: title) copied from
    the first activity with openpyxl, import the file and confirm the preview."""
    import openpyxl

    page.goto(f"/f/{slug}/matrix/?biennium={label}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Export to Excel (.xlsx)").click()
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    first = [c.value for c in sheet[2]]
    for code, title in rows.items():
        row = list(first)
        row[header.index("Code")] = code
        row[header.index("Title")] = title
        row[header.index("Version")] = None
        sheet.append(row)
    path = tmp_path / "matrix.xlsx"
    book.save(path)
    page.goto(f"/f/{slug}/matrix/?biennium={label}")
    page.get_by_role("link", name=f"Import the matrix {label}").click()
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Preview the changes").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Apply these changes").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Imported:")).to_be_visible()


def _record_progress(page, slug, code, text) -> None:
    activity = Activity.objects.get(framework__slug=slug, code=code)
    page.goto(f"/f/{slug}/activities/{activity.pk}/")
    page.get_by_label("Progress update", exact=True).fill(text)
    page.get_by_role("button", name="Add progress").click()
    page.wait_for_load_state()
    expect(page.locator("#h-progress").locator("..")).to_contain_text(text)


def _record_meeting(page, slug, *, title, start, decision, item, owner, due) -> Meeting:
    page.goto(f"/f/{slug}/meetings/")
    page.get_by_role("link", name="New meeting").click()
    page.get_by_label("Kind", exact=True).select_option("general")
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Start", exact=True).fill(start)
    page.get_by_label("Place", exact=True).fill("Geneva")
    page.get_by_label("Published", exact=True).check()
    _save(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    form = page.locator("#decision-form")
    form.get_by_label("Kind", exact=True).select_option("recommendation")
    form.get_by_label("Text of the decision", exact=True).fill(decision)
    form.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()
    article = page.locator("article.decision", has_text=decision)
    article.get_by_text("Create an action item from this decision").click()
    article.get_by_label("Action item", exact=True).fill(item)
    article.get_by_label("Owner", exact=True).select_option(str(_entity(owner).pk))
    article.get_by_label("Due on", exact=True).fill(due)
    article.get_by_role("button", name="Create the action item").click()
    page.wait_for_load_state()
    expect(page.locator("article.decision", has_text=decision)).to_contain_text(item)
    return Meeting.objects.get(title=title)


def _close_item(page, slug, title, evidence) -> None:
    page.goto(f"/f/{slug}/action-items/")
    row = page.locator("tr", has_text=title)
    row.get_by_text("Close with evidence").click()
    row.get_by_label("Evidence of closure", exact=True).fill(evidence)
    row.get_by_role("button", name="Close").click()
    page.wait_for_load_state()
    assert ActionItem.objects.get(title=title).status == ActionItem.Status.DONE


def _word_text(data: bytes) -> str:
    word = WordDocument(io.BytesIO(data))
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    return " ".join(" ".join([p.text for p in word.paragraphs] + cells).split())


def _pdf_text(data: bytes) -> str:
    """The text layer of a PDF, read with pypdfium2 (as the parser reads PDFs): pdfplumber
    took 8-9 s for the six reports of this test."""
    pdf = pdfium.PdfDocument(data)
    try:
        return " ".join(" ".join(p.get_textpage().get_text_range() for p in pdf).split())
    finally:
        pdf.close()


def _finder(text: str, rtl_pdf: bool):
    """``found(phrase)`` for a report's text. An Arabic PDF's text comes out in visual
    order: an English title that wraps inside a right-to-left line is split by the Arabic
    of the next line, so there the Latin words are compared, in their order."""
    if not rtl_pdf:
        return lambda phrase: phrase in text
    latin = " ".join(re.findall(r"[A-Za-z][A-Za-z.\-]*", text))
    return lambda phrase: " ".join(re.findall(r"[A-Za-z][A-Za-z.\-]*", phrase)) in latin


def _draft_reports(page, slug, year: int) -> dict[tuple[str, str], str]:
    """Generate the Secretary-General's report from the matrix page's link in every
    format and language; the text of each downloaded file."""
    texts = {}
    page.goto(f"/f/{slug}/matrix/")
    page.get_by_role("link", name="Draft the report of the Secretary-General").click()
    report_url = page.url
    for lang in ("en", "fr", "ar"):
        for fmt, read in (("docx", _word_text), ("pdf", _pdf_text)):
            page.goto(report_url)
            page.locator("#id_start").fill(f"{year}-01")
            page.locator("#id_end").fill(f"{year + 1}-12")
            page.locator("#id_format").select_option(fmt)
            page.locator("#id_lang").select_option(lang)
            page.get_by_role("button", name="Generate").click()
            page.wait_for_load_state()
            with page.expect_download() as info:
                page.locator("a[download]").click()
            texts[(lang, fmt)] = read(Path(info.value.path()).read_bytes())
    return texts


def _upload(page, slug, path: Path) -> None:
    page.goto(f"/f/{slug}/resolutions/")
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Upload and review").click()
    page.wait_for_load_state()
    errors = page.locator(".messages .error, .message.error")
    assert errors.count() == 0, errors.all_inner_texts()


def _dashboard(page, slug) -> str:
    page.goto(f"/f/{slug}/")
    return page.locator("main").inner_text()


def _the_series_grows(page, slug, corpus: Path) -> None:
    """75/16 joins the series and its superseding proposals are confirmed; 79/90 (the
    occupied Syrian Golan) supersedes nothing, and undoing its upload leaves the data
    and the dashboard as they were."""
    from accord.documents.models import Mandate, Resolution
    from tests.bootstrap.test_undo import _live_counts

    series, golan = corpus / "text" / "A_RES_75_16.txt", corpus / "pdf" / "A_RES_79_90.pdf"
    for path in (series, golan):
        if not path.exists():
            pytest.skip(f"{path} is absent from the corpus: the series part of the cycle")
    _upload(page, slug, series)
    expect(page.get_by_role("heading", level=1)).to_contain_text("A/RES/75/16")
    assert _confirm_all(page) > 0
    superseded = set(
        Mandate.objects.filter(status=Mandate.Status.SUPERSEDED).values_list("pk", flat=True)
    )
    assert superseded, "confirming 75/16's proposals supersedes the mandates it repeats"
    page.goto(f"/f/{slug}/resolutions/")
    listed = page.locator("ul.resolutions li", has_text="A/RES/75/16")
    expect(listed).not_to_contain_text("related resolution")

    before, dashboard = _live_counts(), _dashboard(page, slug)
    _upload(page, slug, golan)
    assert Resolution.objects.filter(symbol="A/RES/79/90").exists()
    now = set(Mandate.objects.filter(status=Mandate.Status.SUPERSEDED).values_list("pk", flat=True))
    assert now == superseded, "79/90 supersedes nothing"
    page.get_by_role("button", name="Undo this upload").click()
    page.wait_for_load_state()
    expect(page.get_by_text("was undone")).to_be_visible()
    assert not Resolution.objects.filter(symbol="A/RES/79/90").exists()
    assert _live_counts() == before
    assert _dashboard(page, slug) == dashboard


def test_the_whole_cycle_in_the_pages(people, new_page, tmp_path, corpus_or_none):
    nadia = new_page()
    slug = _start_framework(nadia)
    assert slug == "un-oic"
    _add_focal_point(
        nadia, slug, name="Omar Haddad", acronym="OHCHR", account="omar", area="human rights"
    )
    _add_focal_point(
        nadia, slug, name="Lina Saleh", acronym="IPHRC", account="lina", area="human rights"
    )
    label = _new_biennium(nadia, slug)
    _new_activity(
        nadia,
        slug,
        code="HR-1",
        title="Joint training on treaty-body reporting",
        area="human rights",
        un_lead="OHCHR",
        partner_lead="IPHRC",
    )
    _new_activity(
        nadia,
        slug,
        code="HR-2",
        title="Regional workshop on the rights of women",
        area="human rights",
        un_lead="UN-Women",
        partner_lead="IPHRC",
    )
    imported = {
        "HR-3": "Translation of the human rights manual into Arabic",
        "HR-4": "Exchange of staff on the universal periodic review",
    }
    _import_from_excel(nadia, slug, label, tmp_path, imported)
    titles = {a.code: a.title for a in Activity.objects.filter(framework__slug=slug)}
    assert titles == {
        "HR-1": "Joint training on treaty-body reporting",
        "HR-2": "Regional workshop on the rights of women",
        **imported,
    }
    omar = new_page()
    sign_in_by_form(omar, "omar")
    progress = "Forty officials trained in Geneva on treaty-body reporting."
    _record_progress(omar, slug, "HR-1", progress)
    year = timezone.localdate().year
    meeting = _record_meeting(
        nadia,
        slug,
        title=f"General meeting in Geneva ({year})",
        start=f"{year}-03-10",
        decision="Hold a joint workshop on the rights of persons with disabilities.",
        item="Draft the concept note of the disability workshop",
        owner="OHCHR",
        due=f"{year}-06-30",
    )
    assert meeting.kind == "general" and meeting.decisions.count() == 1
    closed = "Draft the concept note of the disability workshop"
    _close_item(omar, slug, closed, "Concept note shared with IPHRC on 12 May.")

    texts = _draft_reports(nadia, slug, year)
    ohchr = Entity.objects.get(acronym="OHCHR")
    for (lang, fmt), text in texts.items():
        found = _finder(text, rtl_pdf=(lang, fmt) == ("ar", "pdf"))
        for title in (*imported.values(), "Joint training on treaty-body reporting"):
            assert found(title), (lang, fmt, title)
        assert found("Geneva"), (lang, fmt)
        assert found(closed), (lang, fmt)
        if (lang, fmt) != ("ar", "pdf"):  # the lead entity named in the report's language
            assert found(getattr(ohchr, f"name_{lang}")), (lang, fmt)

    if corpus_or_none is None:
        pytest.skip("the corpus (../shared/corpus) is absent: 75/16 and 79/90 not uploaded")
    _the_series_grows(nadia, slug, corpus_or_none)
