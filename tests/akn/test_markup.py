"""The markup writer escapes text and attribute values exactly as lxml serializes them."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from resolutions import akn_markup
from resolutions.akn_markup import block, chars, el, mixed

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# Anything Python can hold, with the characters that need escaping or dropping made frequent.
HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("&<>\"'\t\n\r \x00\x01\x0b\x1f\ufffe\uffff\ud800é—")),
        st.characters(),
    ),
    max_size=40,
)


def _lxml(tag: str, text: str | None, **attrs: str) -> str:
    """What lxml writes for the same element, after dropping what XML cannot hold."""
    root = etree.Element(f"{{{NS}}}root", nsmap={None: NS})
    element = etree.SubElement(
        root, f"{{{NS}}}{tag}", {k: akn_markup._xml_safe(v) for k, v in attrs.items()}
    )
    if text is not None:
        element.text = akn_markup._xml_safe(text)
    written = etree.tostring(root, encoding="unicode")
    return written[len(f'<root xmlns="{NS}">') : -len("</root>")]


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.none(), HOSTILE), value=HOSTILE)
def test_an_element_is_written_as_lxml_writes_it(text, value):
    assert el("p", text, class_=value, eId="x") == _lxml("p", text, **{"class": value, "eId": "x"})


@settings(max_examples=300, deadline=None)
@given(text=HOSTILE)
def test_escaped_text_reads_back_as_the_text_without_what_xml_cannot_hold(text):
    root = etree.fromstring(f"<p>{chars(text)}</p>")
    # XML parsers turn a written CR into LF unless it is escaped; chars() escapes it.
    assert (root.text or "") == akn_markup._xml_safe(text)


def test_blocks_are_indented_and_empty_elements_closed_as_lxml_does():
    written = block("preamble", 0, [mixed("p", ""), el("p", ""), el("p", None)])
    assert written == "<preamble>\n  <p/>\n  <p></p>\n  <p/>\n</preamble>"
    assert block("mainBody", 3, []) == "<mainBody/>"


def test_the_docstring_examples_hold():
    result = doctest.testmod(akn_markup)
    assert result.attempted > 0 and result.failed == 0
