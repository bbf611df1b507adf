"""The plain shape of a generated report, between the builders (``sg_report``,
``review_pack``) that read the database and the renderers (``render_docx``,
``render_html``, ``render_pdf``) that write files. Holds data only: no database, no I/O.

A ``Document`` has an optional UN heading block, a title, summary paragraphs
(unnumbered) and sections. A section holds blocks in order: ``Para`` (numbered in the
body, with its footnotes), ``Figure`` (PNG and SVG bytes with a caption), ``Table`` and
sub-``Section``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Para:
    text: str
    footnotes: list[str] = field(default_factory=list)
    numbered: bool = True
    comment: str = ""  # a reviewer's note: a Word comment, a bracketed note in HTML/PDF


@dataclass
class Figure:
    """A chart: its PNG and SVG bytes, or ``draw(fmt)`` that makes them when a renderer
    first asks (``image("png")`` for Word, ``image("svg")`` for HTML and PDF)."""

    caption: str
    png: bytes = b""
    svg: bytes = b""
    draw: Callable[[str], bytes] | None = field(default=None, repr=False)

    def image(self, fmt: str) -> bytes:
        if fmt == "png" and not self.png and self.draw:
            self.png = self.draw("png")
        if fmt == "svg" and not self.svg and self.draw:
            self.svg = self.draw("svg")
        return self.png if fmt == "png" else self.svg


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: list[float] = field(default_factory=list)  # relative widths, optional


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)  # Para | Figure | Table | Section

    def add(self, block):
        self.blocks.append(block)
        return block


@dataclass
class Heading:
    """The block at the top of a UN document."""

    symbol: str
    distribution: str
    date: str
    original: str
    session: str
    agenda_item: str
    agenda_title: str
    organ: str = "General Assembly"
    note: str = ""  # e.g. "* To be issued with the preliminary list"


@dataclass
class Document:
    lang: str
    title: str
    subtitle: str = ""
    heading: Heading | None = None
    summary_title: str = ""
    summary: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    kind: str = "sg_report"  # the template family: "sg_report" or "review_pack"

    @property
    def rtl(self) -> bool:
        return self.lang == "ar"

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"

    def paragraphs(self):
        """Every Para of the body in reading order (sub-sections included)."""

        def walk(blocks):
            for block in blocks:
                if isinstance(block, Para):
                    yield block
                elif isinstance(block, Section):
                    yield from walk(block.blocks)

        for section in self.sections:
            yield from walk(section.blocks)
