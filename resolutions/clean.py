"""Stage "clean": raw text of a resolution -> clean text and footnote bodies.

Reads `Stage.text` and `Stage.source_format`; writes `Stage.text`,
`Stage.footnote_bodies` and appends to `Stage.warnings`.

Two renderings come in:

* the lightly marked-up text (markdown): `*italic*`, superscript markers `¹`,
  links `[72/74](#)`, footnote bodies printed as paragraphs that start with a
  superscript, page breaks that split paragraphs;
* the text layer of an official PDF: page headers (symbol, running title, job
  number, page counter `2/8`), barcodes, footnote separators `____` with the
  bodies at the page end, markers flattened into digits glued to the text
  (`organizations,2`, `24 March 20116` = 2011 + footnote 6).

The clean text has two parts separated by the line of the formula ("The General
Assembly,"): the heading block, line by line as printed (without job numbers and
barcodes), and the body, one paragraph per block, blocks separated by a blank
line, wrapped lines joined, paragraphs split by page breaks and footnotes joined
again. Footnote markers become anchors `MARK_OPEN + "6" + MARK_CLOSE`; italic
spans of the markdown become `ITALIC_OPEN ... ITALIC_CLOSE`, so that segment can
read the italic verb of an operative paragraph. Without a formula line the whole
text is treated as body.
"""

from __future__ import annotations

import re
from collections import Counter

from resolutions.markers import MARK_CLOSE, MARK_OPEN, anchor_plain_markers
from resolutions.model import Stage
from resolutions.phrases import opens_operative, opens_preamble, operative_verb

ITALIC_OPEN = "\ue002"
ITALIC_CLOSE = "\ue003"

MARKUP_FORMATS = ("markdown", "docx", "html")  # read_markup.py writes Word and HTML like the seed
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹"

FORMULA = re.compile(r"^\s*\*?The General Assembly\b[^\n]{0,3}$", re.M)
PAGE_COUNTER = re.compile(r"^\s*(\d{1,3})/(\d{1,3})\s*$")
JOB_NUMBER = re.compile(r"^\s*\d{2}-\d{5}\s*(?:\(E\))?[\s\d]*$")
BARCODE = re.compile(r"^\s*\*\d{6,}\*\s*$")
SYMBOL_LINE = re.compile(r"^\s*A/RES/[\w/.\-]+\s*$")
SEPARATOR = re.compile(r"^\s*_{3,}\s*$")
STAR_NOTE = re.compile(r"^\s*\*{1,4}\s+[A-Za-z0-9]")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3})(?:\s+(\S.*))?\s*$")
MD_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^)\n]*\)")
MD_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)([^*]+?)(?<!\s)\*(?![*\w])", re.S)
MD_FOOTNOTE = re.compile(rf"^\s*([{_SUP}]+)\s+(.*)$")
MD_MARKER = re.compile(rf"[{_SUP}]+")
NUMBERED = re.compile(r"^\d{1,3}\.(?:\s|$)")
POINT = re.compile(r"^\((?:[a-z]{1,2}|[ivxl]{1,6})\)(?:\s|$)")
ANCHOR_CHARS = frozenset(MARK_OPEN + MARK_CLOSE + ITALIC_OPEN + ITALIC_CLOSE)
ANCHOR_RE = re.compile(f"{MARK_OPEN}\\d+{MARK_CLOSE}")
FIRST_WORD = re.compile(r"[A-Za-z]+")


def clean(stage: Stage) -> Stage:
    """Read `stage.text` (raw), write the clean text and `stage.footnote_bodies`."""
    text = stage.text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = text.replace("\u00a0", " ").replace("\u00ad", "")
    if stage.source_format in MARKUP_FORMATS:
        lines, bodies = _markdown_lines(text, stage.warnings)
    else:
        lines, bodies = _pdf_lines(text, stage.warnings)
        body_text = "\n".join(lines)
        body_text = anchor_plain_markers(body_text, list(bodies), stage.warnings)
        lines = body_text.split("\n")
    stage.footnote_bodies = bodies
    stage.text = _reflow(lines)
    return stage


# -- markdown ---------------------------------------------------------------


def _markdown_lines(text: str, warnings: list[str]) -> tuple[list[str], dict[str, str]]:
    """Strip links, turn italics and superscripts into anchors, take out footnote bodies."""
    text = MD_LINK.sub(r"\1", text)
    text = MD_ITALIC.sub(lambda m: ITALIC_OPEN + m.group(1) + ITALIC_CLOSE, text)
    bodies: dict[str, str] = {}
    kept: list[str] = []
    for line in text.split("\n"):
        m = MD_FOOTNOTE.match(line)
        if m:
            marker = m.group(1).translate(SUPERSCRIPTS)
            body = _strip_anchors(m.group(2)).strip()
            if marker in bodies:
                warnings.append(f"footnote {marker} is printed twice; the first body is kept")
            else:
                bodies[marker] = body
            kept.append("")
            continue
        kept.append(
            MD_MARKER.sub(
                lambda m: MARK_OPEN + m.group(0).translate(SUPERSCRIPTS) + MARK_CLOSE, line
            )
        )
    return kept, bodies


def _strip_anchors(text: str) -> str:
    return text.replace(ITALIC_OPEN, "").replace(ITALIC_CLOSE, "")


# -- PDF text layer ---------------------------------------------------------


def _pdf_lines(text: str, warnings: list[str]) -> tuple[list[str], dict[str, str]]:
    """Drop page furniture and footnote regions; return the remaining lines and the bodies.

    A removed region becomes one blank line, so the reflow sees a boundary there.
    """
    lines = text.split("\n")
    drop = [False] * len(lines)
    header_start = _mark_page_headers(lines, drop)
    separators = []
    starred = False  # inside a starred note printed without a footnote rule (a draft's page 1)
    for i, line in enumerate(lines):
        first = line.lstrip()[:1]
        if starred and line.strip():
            drop[i] = True
            continue
        starred = False
        if first.isdigit() or first == "*":
            if BARCODE.match(line) or JOB_NUMBER.match(line):
                drop[i] = True
            elif STAR_NOTE.match(line) and (i == 0 or not lines[i - 1].strip()):
                drop[i] = starred = True  # "* Any changes to the list of sponsors ..."
        elif first == "_" and SEPARATOR.match(line):
            separators.append(i)
    bodies: dict[str, str] = {}
    n = len(lines)
    next_free = 0
    for i in separators:
        if i >= next_free and not drop[i]:
            j = i + 1
            while j < n and not header_start[j]:
                j += 1
            _read_footnotes(lines[i + 1 : j], drop[i + 1 : j], bodies, warnings)
            for k in range(i, j):
                drop[k] = True
            next_free = j
    kept: list[str] = []
    for line, dropped in zip(lines, drop, strict=True):
        if dropped:
            if kept and kept[-1] != "":
                kept.append("")
        else:
            kept.append(line.rstrip())
    return kept, bodies


def _mark_page_headers(lines: list[str], drop: list[bool]) -> list[bool]:
    """Mark the header lines of pages 2.. around each page counter ("2/8").

    Returns a list that is True at the first line of each page header (the end of
    the previous page, where a footnote region stops).
    """
    n = len(lines)
    start = [False] * n
    for i in _page_counters(lines):
        first = i
        j = i - 1
        while j >= 0 and i - j <= 9:
            if lines[j] == "":  # the page break the extractor leaves
                first = j
                break
            j -= 1
        else:
            # No page break found: take only lines that are surely furniture.
            j = i - 1
            while (
                j >= 0
                and i - j <= 4
                and (
                    not lines[j].strip()
                    or SYMBOL_LINE.match(lines[j])
                    or JOB_NUMBER.match(lines[j])
                )
            ):
                first = j
                j -= 1
        for k in range(first, i + 1):
            drop[k] = True
        start[first] = True
        k = i + 1
        while (
            k < n
            and k <= i + 2
            and (not lines[k].strip() or JOB_NUMBER.match(lines[k]) or SYMBOL_LINE.match(lines[k]))
        ):
            drop[k] = True
            k += 1
    return start


def _page_counters(lines: list[str]) -> list[int]:
    """Indexes of the page counters ("2/8"): same page count everywhere, page within it.

    A resolution number alone on a line ("78/330") is not a counter.
    """
    found: list[tuple[int, int, int]] = []
    for i, line in enumerate(lines):
        if line[-5:].rstrip()[-1:].isdigit():
            m = PAGE_COUNTER.match(line)
            if m:
                found.append((i, int(m.group(1)), int(m.group(2))))
    if not found:
        return []
    totals = Counter(total for _, page, total in found if page <= total)
    if not totals:
        return []
    total = totals.most_common(1)[0][0]
    return [i for i, page, pages in found if pages == total and 1 < page <= total]


def _read_footnotes(
    lines: list[str], dropped: list[bool], bodies: dict[str, str], warnings: list[str]
) -> None:
    """Split a footnote region into numbered bodies; numbers run on from the last one."""
    current: str | None = None
    parts: list[str] = []

    def flush() -> None:
        if current is not None:
            body = _join_lines(parts)
            if current in bodies:
                warnings.append(f"footnote {current} is printed twice; the first body is kept")
            else:
                bodies[current] = body

    expected = _next_marker(bodies)
    starred = False  # inside a starred note of a draft ("* Any changes to the list of sponsors")
    for line, gone in zip(lines, dropped, strict=True):
        if gone or not line.strip():
            continue
        if STAR_NOTE.match(line):  # read with the draft's heading (drafts.py), not a body here
            flush()
            current, parts, starred = None, [], True
            continue
        m = FOOTNOTE_START.match(line)
        if m and (current is None or int(m.group(1)) == expected):
            flush()
            current, parts, starred = m.group(1), [m.group(2) or ""], False
            expected = int(current) + 1
        elif current is not None:
            parts.append(line)
        elif starred:
            continue
        else:
            warnings.append(
                f"text after a footnote separator is not a footnote: {line.strip()[:60]!r}"
            )
    flush()


def _next_marker(bodies: dict[str, str]) -> int:
    numbers = [int(k) for k in bodies if k.isdigit()]
    return max(numbers, default=0) + 1


# -- reflow -----------------------------------------------------------------


def _join_lines(parts: list[str]) -> str:
    """Join wrapped lines: a line ending in a hyphen joins without a space."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and not out.endswith(" -"):
            out += part
        else:
            out += " " + part
    return out


def _reflow(lines: list[str]) -> str:
    """Heading lines as printed, then the body as blank-line separated paragraphs."""
    text = "\n".join(lines)
    m = FORMULA.search(text)
    if m:
        head = text[: m.start()].split("\n")
        formula = m.group(0).strip()
        body_lines = text[m.end() :].split("\n")
    else:
        head, formula, body_lines = _head_without_formula(lines)
    blocks = _blocks(body_lines)
    blocks = _merge_broken(blocks)
    blocks = [_close_letter_spacing(b) if " " in b[:8] else b for b in blocks]
    blocks = _split_glued_openings(blocks)
    heading = "\n".join(line.rstrip() for line in head).strip("\n")
    parts = [heading, formula] if formula else [heading] if heading else []
    return "\n".join(parts) + ("\n\n" if parts else "") + "\n\n".join(blocks) + "\n"


ADOPTION_LINE = re.compile(r"^\s*Resolution adopted by the General Assembly on ")
TITLE_LINE = re.compile(r"^\s*(?:\d{1,3}|ES-\d+)/\d{1,4}[A-Z]?\.\s")


def _head_without_formula(lines: list[str]) -> tuple[list[str], str, list[str]]:
    """No formula line: the heading runs to the blank line after the numbered title that
    follows the adoption line; with neither, there is no heading."""
    start = next((i for i, line in enumerate(lines) if ADOPTION_LINE.match(line)), None)
    if start is None:
        return [], "", lines
    title = next((i for i in range(start, len(lines)) if TITLE_LINE.match(lines[i])), None)
    if title is None:
        return [], "", lines
    end = next((i for i in range(title, len(lines)) if not lines[i].strip()), len(lines))
    return lines[:end], "", lines[end:]


def _blocks(lines: list[str]) -> list[str]:
    """Group lines into blocks: a blank line or a new numbered paragraph or point starts one."""
    blocks: list[list[str]] = []
    current: list[str] = []
    heading_next = False
    for at, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
                current = []
            continue
        plain = _strip_anchors(line) if line[0] in ANCHOR_CHARS else line
        first = plain[:1]
        if heading_next and current:
            blocks.append(current)  # the line after a sub-heading starts its own block
            current = []
        heading_next = False
        if (
            current
            and first.isupper()
            and _after_closed(current[-1])
            and (_sub_heading(plain, lines, at) or opens_preamble(plain))
        ):
            # "...development;" then "Multimodal transportation" then "2. Encourages":
            # a sub-heading (or a new preambular paragraph) printed without a blank line
            blocks.append(current)
            current = []
            heading_next = not opens_preamble(plain)
        if first.islower():
            current.append(line)
            continue
        if first.isupper() and len(plain) <= 7 and ROMAN_HEADING.match(plain):
            if current:
                blocks.append(current)
            blocks.append([line])
            current = []
            continue
        if current and _starts_block(current, plain, first):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    return [_join_lines(b) for b in blocks]


def _starts_block(current: list[str], plain: str, first: str) -> bool:
    """Whether a line that opens with a capital, a digit or "(" starts a new block after the
    lines of the current one although no blank line separates them."""
    if (first.isdigit() and _is_conclusion(plain)) or (first == "A" and ANNEX.match(plain)):
        return True
    if first.isupper() and _ends_with_comma(current[-1]) and opens_operative(plain):
        return True  # "..., Assembly,\nDecides:" printed without a blank line
    if first.isupper() and _heading_lines(current) and opens_preamble(plain):
        return True  # a section title, then "Recalling ..." without a blank line
    if (first.isdigit() or first == "(") and (NUMBERED.match(plain) or POINT.match(plain)):
        prev = _strip_marks(_strip_anchors(current[-1][-80:]))
        return bool(_ends_closed(prev) or NUMBERED.fullmatch(prev + " "))
    return False


def _after_closed(line: str) -> bool:
    """Whether a line ends a paragraph: with ";" or "." (a comma may run on, a colon
    introduces what follows, "Agenda 2063:" then its subtitle); a label alone ("1.",
    "(a)") opens one."""
    end = _strip_marks(_strip_anchors(line[-40:]))
    if NUMBERED.fullmatch(end + " ") or POINT.fullmatch(end + " "):
        return False
    return end[-1:] in ";."


def _sub_heading(plain: str, lines: list[str], at: int) -> bool:
    """A short line without closing punctuation, followed by a numbered paragraph or a
    paragraph's opening words: a section heading between two paragraphs."""
    if len(plain) > 80 or _ends_closed(plain) or plain.endswith(("-", "–")):
        return False
    following = next((x.strip() for x in lines[at + 1 : at + 3] if x.strip()), "")
    following = _strip_anchors(following)
    return bool(NUMBERED.match(following)) or (
        following[:1].isupper() and (opens_operative(following) or opens_preamble(following))
    )


BARE_NUMBER = re.compile(r"^\d{1,3}\s+(?=[A-Z])")
LETTER_SPACED = re.compile(r"^(\d{1,3}\.\s+)?([A-Z](?: [a-z]){3,})(?=[\s,:;]|$)")


def _close_letter_spacing(block: str) -> str:
    """ "45. I n v i t e s relevant ...": an opening word printed letter-spaced (79/172's
    PDF) closed up, so that its verb is read."""
    m = LETTER_SPACED.match(block)
    if m is None:
        return block
    return (m.group(1) or "") + m.group(2).replace(" ", "") + block[m.end() :]


GLUED = re.compile(r"^([A-Za-z]{3,}?)(that|the|for|upon|to|of|with|in|on|its|their)$")
NOT_GLUED = ("there", "here", "where", "with", "in", "on", "up", "not", "what", "when")
WORD = re.compile(r"[A-Za-z]+")


def _split_glued_openings(blocks: list[str]) -> list[str]:
    """ "Callsfor", "beliefthat": the space lost where a paragraph's italic opening meets
    the roman text. In the first six words of a paragraph, a word found nowhere else in
    the document that is a word of the document followed by a small word ("for", "that",
    "the", "upon") is split there."""
    words = None
    out = []
    for block in blocks:
        head = block[:80]
        tokens = WORD.findall(_strip_anchors(head))[:6]
        glued = [t for t in tokens if GLUED.match(t.lower())]
        if glued:
            if words is None:
                words = _WordCounts(_strip_anchors("\n".join(blocks)))
            for token in glued:
                m = GLUED.match(token)
                if (
                    m is None
                    or words.count(token, 2) > 1
                    or m.group(1).lower().startswith(NOT_GLUED)
                ):
                    continue
                if not (words.count(m.group(1), 1) or words.count(m.group(1).lower(), 1)):
                    continue
                split = f"{m.group(1)} {m.group(2)}"
                block = block[:80].replace(token, split, 1) + block[80:]
        out.append(block)
    return out


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


class _WordCounts:
    """How often a word occurs in a text as a whole word (a run of letters as WORD finds
    it), up to a limit, counted when asked: the openings need about a dozen words a
    document, which str.find counts far faster than a Counter of all the document's
    words is built."""

    def __init__(self, text: str):
        self.text = text
        self.counts: dict[tuple[str, int], int] = {}

    def count(self, word: str, limit: int) -> int:
        """The number of times `word` occurs, or `limit` when it occurs that often or more."""
        key = (word, limit)
        if key not in self.counts:
            text, size, n = self.text, len(word), 0
            at = text.find(word)
            while at != -1 and n < limit:
                end = at + size
                if (at == 0 or text[at - 1] not in _LETTERS) and (
                    end == len(text) or text[end] not in _LETTERS
                ):
                    n += 1
                at = text.find(word, at + 1)
            self.counts[key] = n
        return self.counts[key]


def _bare_numbered(block: str, prev: str) -> bool:
    """ "26 Condemns ..." after a closed paragraph: a number that lost its period."""
    m = BARE_NUMBER.match(block)
    if m is None:
        return False
    return prev.rstrip()[-1:] in ";." and opens_operative(block[m.end() :])


def _heading_lines(lines: list[str]) -> bool:
    """One or two short lines without closing punctuation, each opening with a capital: a title."""
    return (
        len(lines) <= 2
        and all(line[:1].isupper() and len(line) < 100 for line in lines)
        and not _ends_closed(_strip_anchors(lines[-1]))
    )


def _ends_with_comma(line: str) -> bool:
    return _strip_marks(_strip_anchors(line[-40:])).endswith(",")


def _ends_closed(text: str) -> bool:
    """Whether the text ends with a punctuation mark that can close a paragraph."""
    return text.rstrip()[-1:] in CLOSERS


CLOSERS = frozenset(",;:.!?")


def _strip_marks(text: str) -> str:
    return ANCHOR_RE.sub("", text).rstrip()


LOWER_START = re.compile(r"^[\W_]*[a-z]")
DIGIT_CONT = re.compile(r"^\d")
NEW_ITEM = re.compile(r"^(?:\d{1,3}\.(?:\s|$)|\((?:[a-z]{1,2}|[ivxl]{1,6})\)(?:\s|$))")


def _merge_broken(blocks: list[str]) -> list[str]:
    """Join a paragraph that a page break or a footnote region cut in two."""
    out: list[str] = []
    for block in blocks:
        if out:
            last = out[-1]
            prev = _strip_marks(_strip_anchors(last[-80:]))  # its end
            head = _strip_anchors(last[:80])  # its start
            plain = _strip_anchors(block[:80])
            starts_item = bool(NEW_ITEM.match(plain)) or _bare_numbered(plain, prev)
            open_end = not _ends_closed(prev) and not _is_heading_like(head)
            if open_end and len(last) < 200 and (opens_preamble(plain) or opens_operative(plain)):
                open_end = False  # a section title, then its first paragraph
            cont = (
                LOWER_START.match(plain)
                or (DIGIT_CONT.match(plain) and not starts_item)
                or (prev.endswith(",") and not _opens_paragraph(plain, head))
            )
            joinable = not (
                _is_conclusion(plain) or _is_conclusion(head) or ROMAN_HEADING.match(plain)
            )
            if not starts_item and (cont or open_end) and joinable and not ANNEX.match(plain):
                out[-1] = _join_lines([out[-1], block])
                continue
        out.append(block)
    return out


OPENER_WORDS = frozenset(
    [
        "mindful",
        "aware",
        "conscious",
        "cognizant",
        "having",
        "bearing",
        "guided",
        "desirous",
        "resolved",
        "welcoming",
        "we",
        "recalling",
        "noting",
        "further",
        "also",
    ]
)


def _opens_paragraph(block: str, prev: str) -> bool:
    """Whether a block that follows a comma can open a new paragraph.

    Preambular paragraphs end with a comma and open with a participle or an
    adjective ("Noting", "Convinced", "Deeply concerned"); an operative
    paragraph never ends with a comma.
    """
    if NUMBERED.match(_strip_anchors(prev)):
        return False
    m = FIRST_WORD.match(block)
    if not m or not block[:1].isupper():
        return True
    word = m.group(0).lower()
    return (
        word.endswith(("ing", "ed", "ly"))
        or word in OPENER_WORDS
        or operative_verb(block) is not None
    )


ANNEX = re.compile(r"^Annex(?:es)?\b(?:\s+[IVX]+)?\s*$")
ROMAN_HEADING = re.compile(r"^(?:[IVXL]{1,6}|[A-Z])\.?$")
CONCLUSION = re.compile(r"^\d{1,3}(?:st|nd|rd|th)\b.*plenary meeting", re.I)


def _is_heading_like(text: str) -> bool:
    return bool(ROMAN_HEADING.match(text)) or text.lower().startswith("annex")


def _is_conclusion(text: str) -> bool:
    return bool(CONCLUSION.match(text))
