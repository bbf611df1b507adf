"""PDF to text with pypdfium2, laid out like the corpus text layers (../shared/corpus/text).

Reads:  the bytes of a PDF (called by read.read_document).
Writes: the text of its pages, separated by a blank line, shaped like the text
        layers the cleaner is written for: page headers and counters on lines of
        their own, a blank line between paragraphs, footnote markers as plain
        digits beside the word they follow, a line-end hyphen kept with its line
        break. Why pypdfium2 and what each step fixes: docs/decisions/001-pdf-library.md.

Raises DamagedDocument (truncated or corrupt), EmptyDocument (no pages) and
NoTextLayer (a scan), each with a one-line message.
"""

from __future__ import annotations

import ctypes
import re
import threading
from bisect import bisect_left
from collections import Counter
from itertools import repeat

from resolutions.errors import DamagedDocument, EmptyDocument, NoTextLayer

# PDFium may not be called from two threads at once, not even for two documents
# (pypdfium2's documentation), and the reader keeps its out-arguments in module globals
# (_Edges, pdfium_calls): one PDF is read at a time in a process, whatever the threads.
_ONE_AT_A_TIME = threading.Lock()


def read_pdf(raw: bytes, warnings: list[str]) -> str:
    """The text of a PDF, laid out like the corpus text layers, pages separated by a blank line.

    Raises DamagedDocument for a truncated or corrupt PDF and NoTextLayer for a scan.
    Safe to call from several threads: they read their PDFs one after the other.
    """
    with _ONE_AT_A_TIME:
        return _read_pdf(raw, warnings)


def page_count(source) -> int | None:
    """The number of pages of the PDF ``source`` (a path or bytes), counted without
    rendering any, or None when PDFium cannot open it. Safe from several threads."""
    import pypdfium2 as pdfium

    with _ONE_AT_A_TIME:
        try:
            pdf = pdfium.PdfDocument(source)
        except pdfium.PdfiumError:
            return None
        try:
            return len(pdf)
        finally:
            pdf.close()


def _read_pdf(raw: bytes, warnings: list[str]) -> str:
    import pypdfium2 as pdfium

    if b"%%EOF" not in raw[-4096:]:
        raise DamagedDocument("the PDF is truncated (no end-of-file marker)")
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DamagedDocument("the PDF is password-protected") from None
        raise DamagedDocument(f"the PDF cannot be opened ({exc})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise EmptyDocument("the PDF has no pages")
        pages = []
        empty = []
        for index in range(count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError as exc:
                raise DamagedDocument(
                    f"page {index + 1} of the PDF cannot be read ({exc})"
                ) from None
            try:
                lines = page_lines(page)
            finally:
                page.close()
            if not any(line.strip() for line in lines):
                empty.append(index + 1)
            pages.append("\n".join(lines))
    finally:
        pdf.close()
    if len(empty) == count:
        raise NoTextLayer(f"the PDF's {count} page(s) have no text layer (a scan?): run OCR first")
    if empty:
        warnings.append(f"PDF page(s) {', '.join(map(str, empty))} have no text (scanned images?)")
    text = "\n\n".join(pages) + "\n"  # hyphens pdfium marked, and characters dropped, once
    return text.replace("\ufffe", "-\n").replace("\x02", "-\n").replace(_DROPPED, "")


class _Line:
    __slots__ = ("text", "start", "x", "y", "size")

    def __init__(self, text: str, start: int, x: float, y: float, size: float):
        self.text = text  # one store each: faster than unpacking a tuple, for every line
        self.start = start
        self.x = x
        self.y = y
        self.size = size


def page_lines(page) -> list[str]:
    """One page's lines: pdfium's text, with its lines re-joined and split by position.

    pdfium breaks a line after a raised footnote marker and joins the lines of a
    hyphenated word (marking the hyphen U+FFFE); page furniture set apart by
    white space ("2/8     24-21657") comes as one line. The corpus text layers,
    and so the cleaner, have the opposite on each count; this puts them back,
    asking pdfium for the position of one character per line (and of the
    characters around the spaces of short lines at the top and bottom of the
    page), which keeps the cost near that of bare extraction. The lines still hold
    pdfium's hyphen marks and the characters dropped (_DROPPED): read_pdf replaces
    them once for the whole document.
    """
    from resolutions import pdfium_calls as pdfium_c

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        handle = pdfium_c.handle_of(textpage)
        lines = _positioned_lines(text, handle, pdfium_c)
        if lines is None:  # text and character indexes disagree: keep pdfium's lines as they are
            return _plain_lines(text)
        _mark_spaces_inside_words(lines, text, handle, pdfium_c)
        for line in lines:
            if "-" in line.text or "–" in line.text:
                line.text = _drop_spaces_pdfium_added(line, handle, pdfium_c)
        lines = _join_raised_markers(lines)
        return _laid_out(lines, handle, pdfium_c, page.get_height())
    finally:
        textpage.close()


def _laid_out(lines: list[_Line], handle, pdfium_c, height: float) -> list[str]:
    """The page's lines as text: a blank line at each paragraph gap, furniture, labels and
    table rows split at their wide gaps.

    Only a line whose first character (past white space) is a digit can be a footnote
    body, and only one opening with a digit or "(" a label: the regular expressions
    are asked about those lines alone.
    """
    out: list[str] = []
    pitch, body_size = _body_pitch(lines)
    previous = None
    least = pitch * 1.25  # the smallest paragraph gap (scaled up for larger type)
    top, bottom = height * 0.86, height * 0.12
    for line in lines:
        if (
            previous is not None
            and pitch
            and previous.y - line.y > least
            and _paragraph_gap(previous, line, pitch, body_size)
        ):
            out.append(" ")
        previous = line
        text = line.text
        lead = text.lstrip()[:1]
        if (
            (line.y > top or line.y < bottom)
            and len(text) < 120
            and not (lead.isdigit() and _FOOTNOTE_BODY.match(text))
        ):
            out.extend(_split_at_gaps(line, handle, pdfium_c))
        elif (lead.isdigit() or lead == "(") and (label := _LABEL.match(text)) is not None:
            out.extend(_split_at_gaps(line, handle, pdfium_c, only=label.end() - 1))
        elif _looks_tabular(text):
            out.extend(_split_at_gaps(line, handle, pdfium_c, limit=1.0))
        else:
            out.append(text)
    return out


def _plain_lines(text: str) -> list[str]:
    text = text.replace("\ufffe", "-\n").replace("\x02", "-\n")
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


_c_x, _c_y = ctypes.c_double(), ctypes.c_double()
_x, _y = ctypes.byref(_c_x), ctypes.byref(_c_y)  # the out-arguments, made once


def _positioned_lines(text: str, handle, pdfium_c) -> list[_Line] | None:
    """pdfium's lines with the baseline origin and font size of each one's first character."""
    if len(text) != pdfium_c.count_chars(handle):
        return None
    lines = []
    start = 0
    origin, font_size = pdfium_c.char_origin, pdfium_c.font_size
    for part in text.split("\r\n"):
        stripped = part.lstrip()
        if stripped:
            first = start + (len(part) - len(stripped))
            origin(handle, first, _x, _y)
            x = _c_x.value
            # a raised footnote marker first: take the baseline of the word after it
            # (the marker opens with a digit: the regular expression is asked only then)
            if stripped[0].isdigit() and (marker := _LEADING_MARKER.match(part, first - start)):
                first = start + marker.end()
                origin(handle, first, _x, _y)
            lines.append(_Line(part, start, x, _c_y.value, font_size(handle, first)))
        elif lines:
            lines.append(_Line(part, start, lines[-1].x, lines[-1].y, lines[-1].size))
        start += len(part) + 2
    return lines


_LEADING_MARKER = re.compile(r"\s*\d{1,3} (?=\w)")
_DROPPED = "\x00"  # stands for a removed character until the page is done, so indexes hold
_SPACED_DASH = re.compile(r"( ?)[-–\ufffe]( ?)")


def _drop_spaces_pdfium_added(line: _Line, handle, pdfium_c) -> str:
    """Remove the spaces pdfium generates beside a dash ("faith - based", "2015 –2030", "eighty -first").

    A space the PDF itself holds is kept ("mental – in"), and so is one after a dash with
    none before it ("sex- and age-disaggregated"); a generated one before the dash goes
    when the dash has no real space on its other side.
    """
    text = list(line.text)
    for match in _SPACED_DASH.finditer(line.text):
        left = match.start(1) if match.group(1) else None
        right = match.start(2) if match.group(2) else None
        if left is None:  # "sex- and age-disaggregated": a suspended hyphen keeps its space
            continue
        made = {
            pos: pdfium_c.is_generated(handle, line.start + pos) == 1
            for pos in (left, right)
            if pos is not None
        }
        if (
            len(made) == 2 and match.group(0).strip() != "-"
        ):  # "Republic) – 24": a spaced dash stays
            continue
        if all(made.values()):
            for pos in made:
                text[pos] = _DROPPED
    return "".join(text)


# a space between two small letters; opening with the space lets the regex engine jump
# from space to space (a third faster than a pattern that opens with the letter before)
_WORD_SPACE = re.compile(r" (?<=[a-z] )(?=[a-z])")
_IN_WORD_GAP = 0.175  # em, from the end of one glyph's advance to the origin of the next


def _mark_spaces_inside_words(lines: list[_Line], text: str, handle, pdfium_c) -> None:
    """Drop the narrow spaces pdfium generated between two letters ("huma nitarian", "measure s").

    pdfium adds a space wherever glyphs stand apart, and some PDFs space letters
    widely. The white space is measured from where the glyph before ends its advance
    (its origin plus its width in its font) to the origin of the glyph after: unlike
    the glyphs' boxes, this does not shrink when an italic "f" or "g" overhangs the
    next word ("belief that", "Recalling further"). Over the 502 corpus PDFs such a gap
    measures 0.12 to 0.16 em inside a word and 0.20 em or more between two words.
    """
    spaces = list(map(re.Match.start, _WORD_SPACE.finditer(text)))
    # about 700,000 calls over the corpus, 2% of them answering 1: most pages have none
    generated = list(map(pdfium_c.is_generated, repeat(handle), spaces))
    if 1 not in generated:
        return
    marks = [
        at
        for at, made in zip(spaces, generated, strict=True)
        if made == 1 and _gap_after(handle, at - 1, pdfium_c) < _IN_WORD_GAP
    ]
    if not marks:
        return
    for line in lines:  # the marks are in page order: each line's are found by bisection
        low = bisect_left(marks, line.start)
        high = bisect_left(marks, line.start + len(line.text), low)
        if low < high:
            chars = list(line.text)
            for at in marks[low:high]:
                chars[at - line.start] = _DROPPED
            line.text = "".join(chars)


_c_width = ctypes.c_float()
_width = ctypes.byref(_c_width)


def _gap_after(handle, index: int, pdfium_c) -> float:
    """The white space, in em, between the advance of character `index` and the origin of
    the character two places on (past the space pdfium generated between them)."""
    size = pdfium_c.font_size(handle, index) or 1.0
    obj = pdfium_c.text_object(handle, index)
    font = pdfium_c.object_font(ctypes.c_void_p(obj)) if obj else None
    code = pdfium_c.unicode_of(handle, index)
    if not font or not pdfium_c.glyph_width(
        ctypes.c_void_p(font), code, ctypes.c_float(size), _width
    ):
        return 1.0  # no width to measure with: keep the space
    pdfium_c.char_origin(handle, index, _x, _y)
    advance_end = _c_x.value + _c_width.value
    pdfium_c.char_origin(handle, index + 2, _x, _y)
    return (_c_x.value - advance_end) / size


def _join_raised_markers(lines: list[_Line]) -> list[_Line]:
    """Join a line cut before or after a raised footnote marker with the rest of its visual line."""
    out: list[_Line] = []
    for line in lines:
        if out:
            prev = out[-1]
            same_row = abs(prev.y - line.y) < max(prev.size, 1.0) * 0.5 and line.x > prev.x
            if same_row and (prev.text.rstrip()[-1:].isdigit() or _LEADING_MARKER.match(line.text)):
                prev.text = prev.text.rstrip() + " " + line.text
                continue
        out.append(line)
    return out


def _body_pitch(lines: list[_Line]) -> tuple[float, float]:
    """The usual distance between two baselines of body text on this page, and the body font size.

    Over the corpus, the distance between two lines of body text is either the pitch
    (within a paragraph) or 1.5 times it (between paragraphs), rarely anything else.
    """
    rounded = [round(line.size) for line in lines]
    sizes = Counter(rounded)
    if not sizes:
        return 0.0, 0.0
    body = sizes.most_common(1)[0][0]
    steps = [
        a.y - b.y
        for a, b, size_a, size_b in zip(lines, lines[1:], rounded, rounded[1:], strict=False)
        if size_a == body == size_b and 0 < a.y - b.y < 40
    ]
    if len(steps) < 2:
        return 0.0, float(body)
    steps.sort()  # the median, as statistics.median computes it (without its checks)
    half = len(steps) // 2
    median = steps[half] if len(steps) % 2 else (steps[half - 1] + steps[half]) / 2
    return median, float(body)


def _paragraph_gap(above: _Line, below: _Line, pitch: float, body_size: float) -> bool:
    """True when the space between two lines is a paragraph break (scaled for larger type)."""
    scale = max(above.size, below.size, body_size) / body_size if body_size else 1.0
    return above.y - below.y > pitch * scale * 1.25


_LONE_SPACE = re.compile(r"(?<! ) (?! )")
_FOOTNOTE_BODY = re.compile(r"\s*\d{1,3} ")
_LABEL = re.compile(r"\s*(?:\d{1,3}\.|\([a-z]{1,5}\)) ")


def _looks_tabular(text: str) -> bool:
    """A table row of figures ("P-4 1 661 398 2 059"), whose cells the corpus puts on lines of their own."""
    if len(text) < 4:
        return False
    first = _FIGURE.search(text)  # most lines have no figure: one search says so
    if first is None:
        return False
    figures = 1 + len(_FIGURE.findall(text, first.end()))
    return figures > 0.3 * (len(text) - text.count(" "))


_FIGURE = re.compile("[0-9–-]")


def _split_at_gaps(
    line: _Line, handle, pdfium_c, only: int | None = None, limit: float = 2.5
) -> list[str]:
    """Split a line where a wide white space separates two blocks ("2/8      24-21657").

    With `only`, look at the space at that position alone (after a "1." or "(a)" label,
    which the corpus text layers put on a line of its own). The white space is measured
    from the box of the character before the space to that of the character after it;
    all the boxes of the line are asked for at once (_Edges).
    """
    text = line.text
    gap_limit = max(line.size, 6.0) * (1.2 if only is not None else limit)
    positions = (
        [only] if only is not None else list(map(re.Match.start, _LONE_SPACE.finditer(text)))
    )
    end = len(text) - 1
    befores = [line.start + pos - 1 for pos in positions if 0 < pos < end and text[pos + 1] != " "]
    if not befores:
        return [text]
    rights, lefts = _EDGES.measure(handle, befores, pdfium_c.char_box)
    pieces, cut = [], 0
    for k, before in enumerate(befores):
        if lefts[k] - rights[k] > gap_limit:
            pos = before - line.start + 1
            pieces.append(text[cut : pos + 1])
            cut = pos + 1
    pieces.append(text[cut:])
    return pieces


class _Edges:
    """Out-arguments for many FPDFText_GetCharBox calls made at once (through map, without a
    Python loop around each call): one double per call in each of two arrays, the right
    edge of the character before a space and the left edge of the one after it. The
    other edges go to one scratch double."""

    def __init__(self) -> None:
        self.size = 0
        self._grow(256)

    def _grow(self, size: int) -> None:
        step = ctypes.sizeof(ctypes.c_double)
        self.rights = (ctypes.c_double * size)()
        self.lefts = (ctypes.c_double * size)()
        self.right_refs = [ctypes.byref(self.rights, step * k) for k in range(size)]
        self.left_refs = [ctypes.byref(self.lefts, step * k) for k in range(size)]
        self.size = size

    def measure(self, handle, befores: list[int], char_box) -> tuple:
        """The right edges of the characters at `befores` and the left edges of the
        characters two places on, as two arrays indexed like `befores`. Every index is
        one of the page's characters, for which PDFium always answers."""
        if len(befores) > self.size:
            self._grow(max(len(befores), 2 * self.size))
        scratch = _scratch
        list(
            map(
                char_box,
                repeat(handle),
                befores,
                repeat(scratch),
                self.right_refs,
                repeat(scratch),
                repeat(scratch),
            )
        )
        afters = [before + 2 for before in befores]
        list(
            map(
                char_box,
                repeat(handle),
                afters,
                self.left_refs,
                repeat(scratch),
                repeat(scratch),
                repeat(scratch),
            )
        )
        return self.rights, self.lefts


_scratch = ctypes.byref(ctypes.c_double())
_EDGES = _Edges()
