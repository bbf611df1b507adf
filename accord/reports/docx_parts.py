"""What python-docx has no API for, written with lxml into the package: real Word
footnotes (a ``/word/footnotes.xml`` part, related from the document), a numbering
definition for the numbered paragraphs, and right-to-left paragraphs (``w:bidi``) and
runs (``w:rtl``). Reads and writes only the in-memory document.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUM_ID = 77  # our numbering instance (the template's own ids are small)

# Children of w:pPr that come after w:bidi, in schema order.
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
RPR_SEQ = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)
TBLPR_SEQ = (
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
PPR_SEQ = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    *_AFTER_BIDI,
)
# Children of w:pPr that come after w:numPr.
_AFTER_NUMPR = (
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    *_AFTER_BIDI,
)


# Children of w:sectPr in schema order (python-docx does not list them all).
SECTPR_SEQ = (
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


# The children of w:settings from w:footnotePr on, in schema order.
SETTINGS_SEQ = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def insert_ordered(parent, child, sequence: tuple[str, ...]) -> None:
    """Put ``child`` into ``parent`` where the schema's ``sequence`` of child tags wants
    it (Word refuses a file whose elements are out of order)."""
    tag = child.tag
    names = [qn(t) for t in sequence]
    after = names[names.index(tag) + 1 :]
    for existing in parent:
        if existing.tag in after:
            existing.addprevious(child)
            return
    parent.append(child)


def set_bidi(paragraph) -> None:
    """Make ``paragraph`` right to left (its runs get ``w:rtl`` from ``set_rtl_run``)."""
    pPr = paragraph._p.get_or_add_pPr()
    if pPr.find(qn("w:bidi")) is None:
        pPr.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def set_rtl_run(run) -> None:
    run._r.get_or_add_rPr().get_or_add_rtl()


def add_numbering(document, *, rtl: bool = False) -> int:
    """Add a one-level decimal list ("1.", "2.", ...) to the numbering part and return
    its numId; paragraphs that carry it are numbered by Word itself, continuously."""
    numbering = document.part.numbering_part.element
    indent = (
        '<w:ind w:left="1134" w:hanging="567"/>'
        if not rtl
        else '<w:bidi/><w:ind w:right="1134" w:hanging="567"/>'
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="1134"/></w:tabs>{indent}</w:pPr>'
        "</w:lvl></w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'
        )
    )
    return NUM_ID


def set_numbered(paragraph, num_id: int) -> None:
    pPr = paragraph._p.get_or_add_pPr()
    numPr = parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    )
    pPr.insert_element_before(numPr, *_AFTER_NUMPR)


class Footnotes:
    """Collects footnotes while the body is written; ``attach`` writes the part."""

    def __init__(self, *, rtl: bool = False, font: str = "", size_half_points: int = 18):
        self.notes: list[str] = []
        self.rtl = rtl
        self.font = font
        self.size = size_half_points

    def reference(self, paragraph, text: str) -> int:
        """Append a footnote reference mark to ``paragraph`` and remember the note."""
        self.notes.append(text)
        number = len(self.notes)
        rtl = "<w:rtl/>" if self.rtl else ""
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/>{rtl}</w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            )
        )
        return number

    def _note_xml(self, number: int, text: str) -> str:
        bidi = "<w:bidi/>" if self.rtl else ""
        rtl = "<w:rtl/>" if self.rtl else ""
        fonts = (
            f'<w:rFonts w:ascii="{self.font}" w:hAnsi="{self.font}" w:cs="{self.font}"/>'
            if self.font
            else ""
        )
        size = f'<w:sz w:val="{self.size}"/><w:szCs w:val="{self.size}"/>'
        return (
            f'<w:footnote w:id="{number}"><w:p><w:pPr>{bidi}<w:spacing w:after="0"/>'
            f'<w:ind w:left="1134" w:right="0" w:hanging="284"/></w:pPr>'
            f'<w:r><w:rPr>{fonts}{size}<w:vertAlign w:val="superscript"/>{rtl}</w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:rPr>{fonts}{size}{rtl}</w:rPr><w:t xml:space="preserve"> {escape(text)}</w:t></w:r>'
            "</w:p></w:footnote>"
        )

    def attach(self, document) -> None:
        """Write ``/word/footnotes.xml`` (with Word's two separators) and relate it to
        the main document part."""
        body = "".join(self._note_xml(i, t) for i, t in enumerate(self.notes, start=1))
        xml = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            f"{body}</w:footnotes>"
        )
        part = Part(
            PackURI("/word/footnotes.xml"),
            CT.WML_FOOTNOTES,
            xml.encode("utf-8"),
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)
        # Word's own files name the two separators in the settings too.
        settings = document.settings.element
        if settings.find(qn("w:footnotePr")) is None:
            insert_ordered(
                settings,
                parse_xml(
                    f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
                ),
                SETTINGS_SEQ,
            )


def footnotes_xml(document) -> bytes | None:
    """The footnotes part of a saved-and-reopened document, if any (for checks)."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            return rel.target_part.blob
    return None
