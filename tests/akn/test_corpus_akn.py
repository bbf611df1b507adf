"""Every corpus text, the seed, and the seed as Word and HTML: parse, to AKN, strictly valid."""

from __future__ import annotations

import pytest
from lxml import etree

import resolutions
from resolutions.akn import AKN_NS, validate_akn
from tests.reader.documents import seed_docx, seed_html

NS = {"a": AKN_NS}


@pytest.mark.corpus
def test_every_corpus_text_and_the_seed_give_valid_akn(corpus):
    files = sorted((corpus / "text").glob("*.txt")) + [corpus / "seed" / "A_RES_73_135.md"]
    assert len(files) >= 45
    invalid = {}
    for path in files:
        errors = validate_akn(resolutions.to_akn(resolutions.parse(path)))
        if errors:
            invalid[path.name] = errors[:3]
    assert not invalid, invalid


@pytest.mark.parametrize(
    "build",
    [None, seed_docx, seed_html],
    ids=["markdown", "docx", "html"],
)
def test_73_135_has_26_paragraphs_and_6_notes_whatever_the_format(corpus, build):
    seed = corpus / "seed" / "A_RES_73_135.md"
    source = seed if build is None else build(seed.read_text(encoding="utf-8"))
    xml = resolutions.to_akn(resolutions.parse(source))
    assert validate_akn(xml) == []
    tree = etree.fromstring(xml.encode())
    assert len(tree.findall(".//a:mainBody/a:paragraph", NS)) == 26
    assert len(tree.findall(".//a:preamble/a:container", NS)) == 29
    assert len(tree.findall(".//a:authorialNote", NS)) == 6
    uri = tree.find(".//a:FRBRWork/a:FRBRuri", NS).get("value")
    assert uri == "/akn/un/statement/deliberation/un-ga/2018-12-13/73-135"


@pytest.mark.parametrize("name", ["seed/A_RES_73_135.md", "text/A_RES_73_135.txt"])
def test_73_135_footnote_1_sits_at_its_marker_after_the_organization_it_follows(corpus, name):
    resolution = resolutions.parse(corpus / name)
    first = resolution.footnotes[0]
    assert (first.paragraph, first.offset) == (
        "pre-2",
        resolution.preamble[1].text.index("Organization of the Islamic Conference")
        + len("Organization of the Islamic Conference"),
    )
    tree = etree.fromstring(resolutions.to_akn(resolution).encode())
    note = tree.find(".//a:authorialNote[@marker='1']", NS)
    assert note.getparent().getparent().get("eId") == "preamble__container_2"
    before = note.getprevious()
    assert before.tag == f"{{{AKN_NS}}}organization"
    assert before.text == "Organization of the Islamic Conference"
    assert note.tail.startswith(" to participate in the sessions")
    # Footnote 2 ends its paragraph: nothing follows the note.
    second = tree.find(".//a:authorialNote[@marker='2']", NS)
    assert second.getparent().getparent().get("eId") == "preamble__container_5"
    assert second.getnext() is None and not (second.tail or "").strip()
