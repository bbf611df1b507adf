"""Word and HTML renderings of the seed read back into the seed's text."""

from __future__ import annotations

import re

import pytest

from resolutions.read import read_document
from tests.reader.documents import docx_with_footnotes, seed_docx, seed_html, seed_plain


@pytest.fixture(scope="module")
def seed(corpus) -> str:
    return (corpus / "seed" / "A_RES_73_135.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("build, fmt", [(seed_docx, "docx"), (seed_html, "html")])
def test_the_seed_as_word_or_html_reads_back_as_the_seed(seed, build, fmt):
    stage = read_document(build(seed))
    assert stage.source_format == fmt
    assert " ".join(stage.text.split()) == seed_plain(seed)


@pytest.mark.parametrize("build", [seed_docx, seed_html])
def test_italic_verbs_and_superscript_markers_survive(seed, build):
    text = read_document(build(seed)).text
    assert "1. *Takes note with satisfaction* of the report of the Secretary-General;²" in text
    assert re.search(r"26\. \*Decides to include .*Cooperation”\.\*", text)
    assert "*52nd plenary meeting\n13 December 2018*" in text
    assert "\n\n¹ On 28 June 2011" in text
    assert len(re.findall(r"(?m)^\d+\. \*", text)) == 26


def test_word_footnotes_and_list_numbers_are_written_out():
    stage = read_document(docx_with_footnotes())
    text = stage.text
    assert "Islamic Conference,¹" in text
    assert "1. *Requests* the Secretary-General to report²;" in text
    assert "2. *Decides* to remain seized of the matter." in text
    assert "¹ On 28 June 2011, the Organization changed its name." in text
    assert "² See *Official Records of the General Assembly*." in text
    assert text.index("2. *Decides*") < text.index("¹ On 28 June")
    assert any("list numbers" in w for w in stage.warnings)


def test_html_ordered_lists_and_footnote_lists_get_their_labels():
    page = (
        b"<html><body><p>The General Assembly,</p><ol><li><i>Requests</i> the Secretary-General"
        b"<sup><a href='#fn1'>1</a></sup>;</li><li><em>Decides</em> to remain seized.</li></ol>"
        b"<ol class='footnotes'><li id='fn1'>A/73/328.</li></ol><script>var x = 1;</script></body></html>"
    )
    stage = read_document(page)
    assert stage.text == (
        "The General Assembly,\n\n1. *Requests* the Secretary-General¹;\n\n"
        "2. *Decides* to remain seized.\n\n¹ A/73/328.\n"
    )
