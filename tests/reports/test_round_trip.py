"""The Word draft survives a liaison officer's editing: edited with python-docx (a word
changed, a paragraph added) and converted by LibreOffice (``soffice --headless
--convert-to docx``, skipped with a printed reason where it is not installed), it keeps
its numbered paragraphs (``w:numPr``), its footnotes part and notes, and its styles.
And a draft regenerated after a contribution is accepted keeps that contribution."""

from __future__ import annotations

import datetime
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as WordDocument

from accord.reports.contributions import accept_contribution, open_call, save_contribution
from accord.reports.render import render
from accord.reports.sg_report import build_sg_report
from tests.reports.test_contributions import TEXT, person

START, END = datetime.date(2018, 9, 1), datetime.date(2020, 8, 31)


def facts(data: bytes) -> dict:
    """What an edit must not lose: the numbered paragraphs' texts, the footnotes' texts,
    and the styles the body uses (each defined in styles.xml)."""
    word = WordDocument(io.BytesIO(data))
    numbered = [
        p.text for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None
    ]
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        notes_xml = parts.read("word/footnotes.xml").decode()
        body = parts.read("word/document.xml").decode()
    notes = [
        "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", note))
        for note in re.findall(r"<w:footnote (?![^>]*w:type=)[^>]*>(.*?)</w:footnote>", notes_xml)
    ]
    used = {p.style.name for p in word.paragraphs}
    return {
        "numbered": numbered,
        "notes": [n.strip() for n in notes],
        "references": body.count("<w:footnoteReference"),
        "styles": used,
        "numbering": word.part.numbering_part is not None,
    }


@pytest.fixture
def draft(world) -> bytes:
    return render(build_sg_report(world.framework, START, END, "en"), "docx")


def _edit(data: bytes) -> bytes:
    """What an officer does in Word: change a word, add a paragraph after a numbered one."""
    word = WordDocument(io.BytesIO(data))
    numbered = [p for p in word.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    first = numbered[0]
    run = next(r for r in first.runs if "report" in r.text)  # a text run, not a note mark
    run.text = run.text.replace("report", "draft report", 1)
    later = numbered[1]
    added = later.insert_paragraph_before("A sentence the liaison officer added.")
    added.style = later.style
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def test_editing_with_python_docx_keeps_numbering_footnotes_and_styles(draft):
    before = facts(draft)
    assert len(before["numbered"]) > 10 and before["notes"] and before["numbering"]
    assert before["references"] == len(before["notes"])
    after = facts(_edit(draft))
    assert len(after["numbered"]) == len(before["numbered"])
    assert "draft report" in after["numbered"][0]
    assert after["numbered"][1:] == before["numbered"][1:]
    assert after["notes"] == before["notes"] and after["references"] == before["references"]
    assert after["styles"] == before["styles"]
    word = WordDocument(io.BytesIO(_edit(draft)))
    assert "A sentence the liaison officer added." in [p.text for p in word.paragraphs]
    assert word.styles["Heading 1"] is not None


def _libreoffice(data: bytes, tmp_path: Path) -> bytes:
    soffice = shutil.which("soffice")
    if soffice is None:
        print(
            "\nLibreOffice round trip skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)"
        )
        pytest.skip("soffice is not installed (apt-get install libreoffice-writer-nogui)")
    source, out = tmp_path / "in" / "draft.docx", tmp_path / "out"
    source.parent.mkdir()
    source.write_bytes(data)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (out / "draft.docx").read_bytes()


def test_a_libreoffice_round_trip_keeps_numbering_footnotes_and_styles(draft, tmp_path):
    edited = _edit(draft)
    before, after = facts(edited), facts(_libreoffice(edited, tmp_path))
    assert [" ".join(t.split()) for t in after["numbered"]] == [
        " ".join(t.split()) for t in before["numbered"]
    ]
    assert after["notes"] == before["notes"] and after["references"] == before["references"]
    assert {"Heading 1", "Heading 2"} <= before["styles"]
    assert after["styles"] == before["styles"], after["styles"]


def _paragraphs(world) -> list[str]:
    word = WordDocument(
        io.BytesIO(render(build_sg_report(world.framework, START, END, "en"), "docx"))
    )
    return [p.text for p in word.paragraphs]


def test_regenerating_keeps_the_accepted_contributions(world):
    un = world.framework.un_organization
    coordinator = person("coord", "coordinator", world, organization=un)
    wanted = TEXT.split("\n\n")
    assert not set(wanted) & set(_paragraphs(world))  # the first draft: nothing accepted yet
    call = open_call(framework=world.framework, start=START, end=END, due_on=END, by=coordinator)
    ohchr = call.contributions.get(entity=world.un_entities[1])
    ohchr = save_contribution(
        contribution=ohchr, by=coordinator, expected_version=ohchr.version, text=TEXT, submit=True
    )
    accept_contribution(contribution=ohchr, by=coordinator, expected_version=ohchr.version)
    for _ in range(2):  # regenerated, then regenerated again: the accepted text stays
        texts = _paragraphs(world)
        assert all(paragraph in texts for paragraph in wanted)
