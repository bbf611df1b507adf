"""Lay out a ``document.Document`` as a Word file (python-docx): the UN heading block,
the summary, chapters ("I. Introduction") and subsections as Heading 1/2, body
paragraphs numbered by Word's own numbering, footnotes as real Word footnotes, figures
as PNG pictures, tables with a repeated header row. Arabic is right to left
(``w:bidi`` on paragraphs, ``w:rtl`` on runs, bidi tables, DejaVu Sans for the
complex-script font). Reads the Document only; returns the .docx bytes.

Alignment of right-to-left paragraphs: in a ``w:bidi`` paragraph Word (and LibreOffice,
which follows it) reads ``w:jc`` "left"/"right" as start/end, so "right" would put Arabic
on the LEFT margin (checked by converting with LibreOffice). Body and headings are
therefore justified, which starts at the right margin; titles are centred.
"""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from accord.reports.document import Document, Figure, Para, Section, Table
from accord.reports.docx_parts import (
    RPR_SEQ,
    SECTPR_SEQ,
    TBLPR_SEQ,
    Footnotes,
    add_numbering,
    insert_ordered,
    set_bidi,
    set_numbered,
    set_rtl_run,
)
from accord.reports.phrases import figure_label, heading_label

LATIN_FONT = "Liberation Serif"
ARABIC_FONT = "DejaVu Sans"


def _set_cs_size(rPr, size: float) -> None:
    """The complex-script size (``w:szCs``, used for Arabic) equal to the Latin one."""
    element = rPr.find(qn("w:szCs"))
    if element is None:
        element = parse_xml(f"<w:szCs {nsdecls('w')}/>")
        insert_ordered(rPr, element, RPR_SEQ)
    element.set(qn("w:val"), str(int(size * 2)))


class _Writer:
    def __init__(self, doc: Document):
        self.doc = doc
        self.rtl = doc.rtl
        self.font = ARABIC_FONT if self.rtl else LATIN_FONT
        self.word = WordDocument()
        self.notes = Footnotes(rtl=self.rtl, font=self.font)
        self.figures = 0
        self._style_ids: dict[str, str] = {}
        self._setup()
        self.num_id = add_numbering(self.word, rtl=self.rtl)

    def _setup(self):
        section = self.word.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(1.9), Cm(2.2)
        if self.rtl:
            insert_ordered(section._sectPr, parse_xml(f"<w:bidi {nsdecls('w')}/>"), SECTPR_SEQ)
        styles = self.word.styles
        # The template's Title style spaces its letters, which breaks Arabic joining: the
        # title is a bold Normal paragraph instead.
        for name, size, bold in (
            ("Normal", 10, False),
            ("Heading 1", 11, True),
            ("Heading 2", 10, True),
            ("Heading 3", 10, True),
        ):
            style = styles[name]
            style.font.name = self.font
            style.font.size = Pt(size)
            style.font.bold = bold
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0)
            rPr = style.element.get_or_add_rPr()
            fonts = rPr.find(qn("w:rFonts"))
            for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                fonts.set(qn(attr), self.font)
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                fonts.attrib.pop(qn(attr), None)
            _set_cs_size(rPr, size)
            if bold:
                rPr.get_or_add_bCs()
            if self.rtl:
                lang = rPr.find(qn("w:lang"))
                if lang is None:
                    lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
                    insert_ordered(rPr, lang, RPR_SEQ)
                lang.set(qn("w:bidi"), "ar-SA")
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.space_before = Pt(12 if name.startswith("Heading") else 0)
            style.paragraph_format.keep_with_next = name.startswith("Heading")
        self.word.core_properties.title = self.doc.title
        self.word.core_properties.language = self.doc.lang

    # --- paragraphs -----------------------------------------------------------------
    def para(
        self,
        text: str = "",
        *,
        style: str | None = None,
        align=None,
        bold: bool = False,
        size: float | None = None,
        container=None,
    ):
        target = container if container is not None else self.word
        p = target.add_paragraph()
        if style:
            p._p.style = self._style_id(style)
        if text:
            run = p.add_run(text)
            run.bold = bold or None
            if size:
                run.font.size = Pt(size)
                _set_cs_size(run._r.get_or_add_rPr(), size)
            if bold:
                run._r.get_or_add_rPr().get_or_add_bCs()
            if self.rtl:
                set_rtl_run(run)
        if self.rtl:
            set_bidi(p)
        if align is not None:
            p.alignment = align
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        return p

    def _style_id(self, name: str) -> str:
        """The id of the paragraph style ``name``, looked up once per document:
        python-docx looks a name up by scanning every style (and the default style) on
        each paragraph, seconds for a combined report."""
        if name not in self._style_ids:
            self._style_ids[name] = self.word.styles[name].style_id
        return self._style_ids[name]

    def heading_block(self):
        h = self.doc.heading
        table = self.word.add_table(rows=2, cols=2)
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        left, right = table.rows[0].cells
        self.para(
            {"en": "United Nations", "fr": "Nations Unies", "ar": "الأمم المتحدة"}.get(
                self.doc.lang, ""
            ),
            bold=True,
            size=12,
            container=left,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
        )
        left.paragraphs[0]._p.getparent().remove(left.paragraphs[0]._p)
        # The symbol sits at the outer edge: "right" is the end of the line in either
        # direction (the left margin in Arabic).
        self.para(h.symbol, bold=True, size=16, container=right, align=WD_ALIGN_PARAGRAPH.RIGHT)
        right.paragraphs[0]._p.getparent().remove(right.paragraphs[0]._p)
        organ, details = table.rows[1].cells
        self.para(h.organ, bold=True, size=16, container=organ, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        organ.paragraphs[0]._p.getparent().remove(organ.paragraphs[0]._p)
        for line in (h.distribution, h.date, "", h.original):
            self.para(line, size=9, container=details, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        details.paragraphs[0]._p.getparent().remove(details.paragraphs[0]._p)
        self._rule(table)
        self.para(h.session, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        self.para(h.agenda_item, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        self.para(h.agenda_title, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        if h.note:
            self.para(h.note, size=8, align=WD_ALIGN_PARAGRAPH.JUSTIFY)

    def _rule(self, table):
        """A thick line under the heading block, as on UN documents."""
        tblPr = table._tbl.tblPr
        insert_ordered(
            tblPr,
            parse_xml(
                f'<w:tblBorders {nsdecls("w")}><w:bottom w:val="single" w:sz="18" w:space="0" '
                'w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" '
                'w:color="000000"/></w:tblBorders>'
            ),
            TBLPR_SEQ,
        )

    def body_para(self, para: Para):
        p = self.para(para.text)
        if para.numbered:
            set_numbered(p, self.num_id)
        for note in para.footnotes:
            self.notes.reference(p, note)
        if para.comment and p.runs:
            self.word.add_comment(p.runs, text=para.comment, author="Accord", initials="AC")

    def figure(self, figure: Figure):
        self.figures += 1
        label = self.para(
            figure_label(self.figures, self.doc.lang), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
        )
        caption = self.para(figure.caption, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        label.paragraph_format.keep_with_next = caption.paragraph_format.keep_with_next = True
        p = self.para(align=WD_ALIGN_PARAGRAPH.CENTER)
        p.add_run().add_picture(io.BytesIO(figure.image("png")), width=Cm(15))

    def table(self, table: Table):
        t = self.word.add_table(rows=1, cols=len(table.headers))
        t.style = "Table Grid"
        t.autofit = False
        if self.rtl:
            t.table_direction = WD_TABLE_DIRECTION.RTL
        # Cells read from their start edge; justified text in narrow cells leaves holes.
        align = WD_ALIGN_PARAGRAPH.JUSTIFY if self.rtl else WD_ALIGN_PARAGRAPH.LEFT
        for cell, text in zip(t.rows[0].cells, table.headers, strict=True):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            self.para(text, bold=True, size=9, container=cell, align=align)
        trPr = t.rows[0]._tr.get_or_add_trPr()
        trPr.append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
        for row in table.rows:
            cells = t.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
                self.para(text, size=9, container=cell, align=align)
        widths = table.widths or [1] * len(table.headers)
        total = sum(widths)
        for column, width in zip(t.columns, widths, strict=True):
            column.width = Cm(16.6 * width / total)
            for cell in column.cells:
                cell.width = column.width
        self.para()

    def section(self, section: Section, index: int, level: int):
        label = heading_label(level, index, self.doc.lang)
        self.para(f"{label} {section.title}", style=f"Heading {level}")
        sub = 0
        for block in section.blocks:
            if isinstance(block, Para):
                self.body_para(block)
            elif isinstance(block, Figure):
                self.figure(block)
            elif isinstance(block, Table):
                self.table(block)
            elif isinstance(block, Section):
                sub += 1
                self.section(block, sub, min(level + 1, 3))

    def write(self) -> bytes:
        if self.doc.heading:
            self.heading_block()
        title = self.para(self.doc.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
        title.paragraph_format.space_before = Pt(18)
        if self.doc.subtitle:
            self.para(self.doc.subtitle, bold=True, size=12, align=WD_ALIGN_PARAGRAPH.CENTER)
        if self.doc.summary:
            self.para(self.doc.summary_title, bold=True, size=11, align=WD_ALIGN_PARAGRAPH.CENTER)
            for text in self.doc.summary:
                self.para(text)
        for index, section in enumerate(self.doc.sections, start=1):
            self.section(section, index, 1)
        self.notes.attach(self.word)
        out = io.BytesIO()
        self.word.save(out)
        return out.getvalue()


def render_docx(doc: Document) -> bytes:
    return _Writer(doc).write()
