"""Documents built inside the tests: Word and HTML renderings of the seed, a scan, a Word file with footnotes.

Nothing here is committed as a binary: each builder makes its bytes from the
seed text (../shared/corpus/seed) or from scratch when the test runs.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_LINK = re.compile(r"\[([^\]]*)\]\(#\)")
_TOKENS = re.compile(r"(\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def seed_plain(seed: str) -> str:
    """The seed with its links unwrapped ([72/74](#) -> 72/74), whitespace collapsed."""
    return " ".join(_LINK.sub(r"\1", seed).split())


def _seed_paragraphs(seed: str) -> list[list[str]]:
    """The seed's lines grouped into paragraphs: a line whose italics stay open joins the next."""
    paragraphs, current, italic = [], [], False
    for line in _LINK.sub(r"\1", seed).split("\n"):
        if not line.strip():
            continue
        current.append(line.strip())
        italic ^= line.count("*") % 2 == 1
        if not italic:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def seed_docx(seed: str) -> bytes:
    """The seed as a Word document: italic runs, superscript footnote markers, a line break in the closing."""
    import docx

    document = docx.Document()
    for lines in _seed_paragraphs(seed):
        paragraph = document.add_paragraph()
        italic = False
        for index, line in enumerate(lines):
            if index:
                paragraph.add_run().add_break()
            for token in _TOKENS.split(line):
                if token == "*":
                    italic = not italic
                elif token and token[0] in SUPERSCRIPTS:
                    run = paragraph.add_run(
                        str(int("".join(str(SUPERSCRIPTS.index(c)) for c in token)))
                    )
                    run.font.superscript = True
                elif token:
                    paragraph.add_run(token).italic = italic or None
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed_html(seed: str) -> bytes:
    """The seed as an HTML page: <p> per paragraph, <em> for italics, <sup> for markers, <br> in the closing."""
    body = []
    for lines in _seed_paragraphs(seed):
        parts, italic = [], False
        for index, line in enumerate(lines):
            if index:
                parts.append("<br>")
            for token in _TOKENS.split(line):
                if token == "*":
                    parts.append("</em>" if italic else "<em>")
                    italic = not italic
                elif token and token[0] in SUPERSCRIPTS:
                    parts.append(f"<sup>{''.join(str(SUPERSCRIPTS.index(c)) for c in token)}</sup>")
                elif token:
                    parts.append(html.escape(token))
        body.append(f"<p>{''.join(parts)}</p>")
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>A/RES/73/135</title>'
        "<style>p { margin: 0 }</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
    return page.encode("utf-8")


def scanned_pdf() -> bytes:
    """A two-page PDF whose pages are images of text, with no text layer (like a scan)."""
    from PIL import Image, ImageDraw

    pages = []
    for number in (1, 2):
        image = Image.new("RGB", (850, 1100), "white")
        draw = ImageDraw.Draw(image)
        draw.text((80, 80), f"General Assembly - Resolution adopted on page {number}", fill="black")
        draw.text((80, 120), "1. Requests the Secretary-General to report ...", fill="black")
        pages.append(image)
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=100)
    return out.getvalue()


def docx_with_footnotes() -> bytes:
    """A Word document with a real footnotes part, two references and a numbered list made by Word."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    first = document.add_paragraph(
        "Recalling also its resolution 3369 (XXX), inviting the Organization of the Islamic Conference"
    )
    first.add_run(",")
    for note_id in ("1",):
        first._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{note_id}"/></w:r>'
            )
        )
    second = document.add_paragraph(style="List Number")
    second.add_run("Requests").italic = True
    second.add_run(" the Secretary-General to report")
    second._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>'
        )
    )
    second.add_run(";")
    third = document.add_paragraph(style="List Number")
    third.add_run("Decides").italic = True
    third.add_run(" to remain seized of the matter.")
    buffer = io.BytesIO()
    document.save(buffer)
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t xml:space="preserve">On 28 June 2011, the Organization changed its name.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:rPr><w:i/></w:rPr>'
        "<w:t>Official Records of the General Assembly</w:t></w:r><w:r><w:t>.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    )
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/'
                    b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


def zip_with_directory_field(member: str, offset: int, value: int) -> bytes:
    """A zip of one ``member`` whose central directory entry says ``value`` at ``offset``
    of its header (6: the version needed to extract; 8: the flags, 1 = encrypted)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(member, '<?xml version="1.0"?><document/>')
    raw = bytearray(out.getvalue())
    entry = raw.index(b"PK\x01\x02")
    raw[entry + offset : entry + offset + 2] = value.to_bytes(2, "little")
    return bytes(raw)
