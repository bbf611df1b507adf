"""Footnote markers printed as plain digits in a PDF text layer, turned into anchors.

Used by the clean stage. Reads body text (page furniture and footnote regions
already removed) and the footnote numbers found at the page ends; writes the
text with each marker replaced by `MARK_OPEN + number + MARK_CLOSE`.

The extractor flattens a superscript into digits glued to the text:
"organizations,2", "Conference1", "Conference 1", "24 March 20116" (2011 and
footnote 6). Every digit run that could be a marker is a candidate; the first
occurrences of the footnotes are the heaviest chain of candidates whose numbers
increase with their position (footnotes are numbered in reading order), where a
marker glued to a word or a punctuation mark weighs more than one set apart by
a space. Later candidates glued to the text that repeat a footnote already seen
are anchors too (a footnote cited again, as "Secretary-General;2").

>>> t = anchor_plain_markers("the Conference1 to invite, on 24 March 20112 and,3 see", ["1", "2", "3"], [])
>>> t.replace(MARK_OPEN, "<").replace(MARK_CLOSE, ">")
'the Conference<1> to invite, on 24 March 2011<2> and,<3> see'
"""

from __future__ import annotations

import re

from resolutions.sessions import MONTH_NAMES

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"

CANDIDATE = re.compile(
    r"(?P<year>(?<![\d/.\-])(?:19|20)\d\d)(?P<ysp>[ ]?)(?P<ynum>\d{1,3})(?![\d/])"
    r"|(?P<punct>[,;.:)\]”’\"'])(?P<psp>[ ]{0,3}|[ ]*\n)(?P<pnum>\d{1,3})(?=[\s,;.:)”’]|$)"
    r"|\b(?P<word>[A-Za-z][A-Za-z’'\-]*)(?P<wsp>[ ]{0,3}|[ ]*\n)(?P<wnum>\d{1,3})(?=[\s,;.:)”’]|$)"
    r"|(?P<res>(?<![\d/])\d{1,2}/)(?P<rdigits>\d{4,5})(?=[\s,;.:)”’]|$)"
)
DIGIT_RUN = re.compile(r"\d+")
SEPARATED_NUMBER = re.compile(  # "535,042,000", "15.3": each branch opens with the digit
    # before its lookbehind, which lets the regex engine skip ahead to digits (6x faster)
    r"\d(?<![\d/.,]\d)\d{0,2}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d(?<![\d/.]\d)\d*(?:\.\d+)+"
)
MAX_RESOLUTION_NUMBER = 400  # no session has adopted more resolutions
# Words after which a number set apart by a space belongs to the text.
NUMBER_WORDS = frozenset(
    [
        "the",
        "of",
        "to",
        "and",
        "for",
        "in",
        "on",
        "at",
        "by",
        "than",
        "with",
        "over",
        "about",
        "some",
        "all",
        "only",
        "from",
        "least",
        "last",
        "first",
        "under",
        "or",
        "each",
        "per",
        "nearly",
        "almost",
        "around",
        "approximately",
        "between",
        "during",
        "article",
        "articles",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "item",
        "items",
        "goal",
        "goals",
        "target",
        "targets",
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "chapter",
        "chap",
        "section",
        "sect",
        "annex",
        "annexes",
        "rule",
        "rules",
        "principle",
        "principles",
        "part",
        "parts",
        "page",
        "pages",
        "no",
        "nos",
        "phase",
        "protocol",
        "volume",
        "vol",
        "table",
        "figure",
        "box",
        "option",
        "recommendation",
        "recommendations",
        "step",
        "level",
        "grade",
        "class",
        "category",
        "note",
        *(m.lower() for m in MONTH_NAMES),
        "up",
    ]
)
TITLE_NUMBER_WORDS = frozenset(
    ["Article", "Articles", "Goal", "Target", "Principle", "Rule", "Part", "Chapter", "Section",
     "Annex", "Protocol", "Volume", "No", "Nos", "Phase", "Table", "Figure", "Box", "Option",
     "Recommendation", "Item", "Paragraph", "Step", "Level", "Category", "Note", "The", "Some",
     "All", "About", "Over", "Under", "January", "February", "March", "April", "May", "June",
     "July", "August", "September", "October", "November", "December"]
)  # fmt: skip
ROMAN = re.compile(r"[IVX]{1,4}")
ABBREVIATIONS = frozenset(
    [
        "add",
        "rev",
        "corr",
        "amend",
        "no",
        "nos",
        "para",
        "paras",
        "chap",
        "sect",
        "vol",
        "art",
        "arts",
        "suppl",
        "res",
        "ser",
        "p",
        "pp",
        "fig",
    ]
)
SHORT_NUMBER_BEFORE = re.compile(r"(?<![\d/.])\d{1,3}(?: ?\([a-z]\))?$")
NUMERAL = re.compile(r"[IVXLC]+|[A-Z]?\d+(?:\.\d+)*")
TOKEN_BEFORE = re.compile(r"(\S*)$")
STRONG, YEAR, WEAK = 3, 2, 1


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or a document symbol."""
    m = TOKEN_BEFORE.search(text, max(0, dot - 40), dot)
    token = m.group(1) if m else ""
    if "/" in token:
        return True
    word = token.rsplit("(", 1)[-1]
    if word.isdigit() or NUMERAL.fullmatch(word):
        return True  # "11.1 per cent", "paragraph VIII.6"
    return word.lower() in ABBREVIATIONS or (len(word) <= 2 and word.isupper())


def _symbol_before(text: str, end: int) -> bool:
    """True when the token ending at `end` is a symbol with a bracket in it: "CM/Rec(2024)"."""
    m = TOKEN_BEFORE.search(text, max(0, end - 40), end)
    token = m.group(1) if m else ""
    return "/" in token and token.find("(") > 0


def _split_resolution_number(digits: str, wanted: set[int]) -> tuple[str, int] | None:
    """ "2285" after "77/" -> ("228", 5): resolution 77/228 and footnote 5."""
    for k in (1, 2):
        base, tail = digits[:-k], digits[-k:]
        if tail[0] != "0" and int(tail) in wanted and int(base) <= MAX_RESOLUTION_NUMBER:
            return base, int(tail)
    return None


# A whole digit run followed by a space, a tab, a line break, a comma, a semicolon, a
# full stop, a colon, a closing bracket or quote, or the end of the text: the only runs
# that can end in a marker. It opens with the digit before its lookbehind (so the regex engine skips ahead
# to digits) and never gives a run back, so it finds exactly those runs of DIGIT_RUN.
ENDING_RUN = re.compile(r"\d(?<!\d\d)\d*+(?=[ \n\t,;.:)”’]|\Z)")
WORD_BEFORE = re.compile(r"([A-Za-z]+) {1,3}$")


def _after_number_word(text: str, start: int) -> bool:
    """Digits at `start` follow a word after which numbers are text, and are not set apart."""
    m = WORD_BEFORE.search(text, max(0, start - 20), start)
    if m is None:
        return False
    return _number_word(m.group(1)) and not _set_apart(text, _run_end(text, start))


def _run_end(text: str, start: int) -> int:
    end = start
    while end < len(text) and text[end].isdigit():
        end += 1
    return end


def number_digits(text: str) -> set[int]:
    """Start of every digit run inside a number written with separators: never a marker.

    Thousands groups after a head of one to three digits ("535,042,000", "4,998,800";
    not "2008,143" or "5/14,120", a year or a symbol and marker 143 or 120) and
    decimals ("15.3 million").
    """
    starts: set[int] = set()
    for m in SEPARATED_NUMBER.finditer(text):
        starts.update(d.start() for d in DIGIT_RUN.finditer(text, m.start(), m.end()))
    return starts


NUMBER_TOKEN = re.compile(r"[\d.,]+")  # all a SEPARATED_NUMBER match can hold


class _SeparatedNumbers:
    """number_digits, asked one digit run at a time and computed only around it.

    A SEPARATED_NUMBER match holds only digits, commas and full stops, so the matches
    over the whole text are those found within each run of such characters (its
    lookbehind sees the character before the run, its lookahead a character that is no
    digit): only the runs around the digits a marker may end are read.
    """

    def __init__(self, text: str):
        self.text = text
        self.starts: dict[int, set[int]] = {}  # a run's start -> number_digits within it

    def holds(self, start: int) -> bool:
        """Whether the digit run at `start` is inside a number written with separators."""
        text = self.text
        left = start
        while left and (text[left - 1] in ".," or text[left - 1].isdecimal()):
            left -= 1
        right = NUMBER_TOKEN.match(text, start).end()  # type: ignore[union-attr]
        if "," not in text[left:right] and "." not in text[left:right]:
            return False  # no separator: no such number
        found = self.starts.get(left)
        if found is None:
            found = self.starts[left] = set()
            for m in SEPARATED_NUMBER.finditer(text, left, right):
                found.update(d.start() for d in DIGIT_RUN.finditer(text, m.start(), m.end()))
        return start in found


def _relevant(run: str, wanted: set[int], after_slash: bool) -> bool:
    """Whether a digit run can end in a marker: "2" alone, "20116" (a year and 6), "77/2285"."""
    size = len(run)
    if size <= 3:
        return int(run) in wanted
    if size == 4 and not after_slash:
        return False  # a bare year
    return size <= 7 and any(int(run[-k:]) in wanted for k in (1, 2, 3))


def _candidates(text: str, wanted: set[int]) -> list[tuple[int, int, str, int, int]]:
    """(start, end, kept prefix, number, weight) for each digit run that may be a marker.

    Only digit runs that end in a footnote number are looked at, each in a short
    window around it (scanning the whole text with CANDIDATE is ten times slower).
    """
    found: dict[tuple[int, int], tuple[int, int, str, int, int]] = {}
    in_numbers = _SeparatedNumbers(text)
    for d in ENDING_RUN.finditer(text):
        start, end = d.span()
        if not _relevant(d.group(), wanted, text[start - 1 : start] == "/") or in_numbers.holds(
            start
        ):
            continue
        if end - start <= 3 and text[start - 1 : start] == " " and _after_number_word(text, start):
            continue  # "of 1 January", "paragraph 2": no need for the regex
        ws = text.rfind(" ", 0, max(0, start - 30))
        for m in CANDIDATE.finditer(text, max(ws, 0), min(len(text), end + 1)):
            if m.end() == end and m.span() not in found:
                cand = _classify(m, text, wanted)
                if cand is not None:
                    found[m.span()] = cand
    return [found[k] for k in sorted(found)]


def _set_apart(text: str, end: int, line_end: bool = False) -> bool:
    """Digits followed by two spaces, or alone on their line: how the extractor leaves a marker.

    With line_end, digits that end a line count too ("Agenda 21, 6" closing a paragraph).
    """
    if text.startswith("  ", end) or (
        line_end and (end >= len(text) or text.startswith(("\n", " \n"), end))
    ):
        return True
    start = end
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    alone = start > 0 and text[start - 1] == "\n"
    return alone and (end >= len(text) or text[end] == "\n")


def _number_word(word: str) -> bool:
    """A word after which a number is text: lower-case ones ("paragraph", "the") and a few titles."""
    lower = word.lower()
    return lower in NUMBER_WORDS and (word == lower or word in TITLE_NUMBER_WORDS)


def _classify(m: re.Match, text: str, wanted: set[int]) -> tuple[int, int, str, int, int] | None:
    """The candidate a CANDIDATE match stands for, or None when the digits belong to the text."""
    if m.group("ynum") is not None:
        keep, space, num, weight = m.group("year"), m.group("ysp"), m.group("ynum"), YEAR
    elif m.group("pnum") is not None:
        keep, space, num = m.group("punct"), m.group("psp"), m.group("pnum")
        weight = WEAK if space else STRONG
        start = m.start()
        if "\n" in space and not _set_apart(text, m.end(), line_end=True):
            return None  # "...;\n4. Condemns": a paragraph number; a marker there stands alone
        loose = _set_apart(text, m.end(), line_end=True)
        if (
            space
            and not loose
            and keep in ",;"
            and SHORT_NUMBER_BEFORE.search(text, max(0, start - 8), start)
        ):
            return None  # "paragraphs 2, 3 and 4" (a marker is set apart: "Agenda 21, 3  the")
        if keep == "." and _abbreviation_before(text, start):
            return None  # "A/72/L.10/Add.1", "No. 3"
        if keep == ")" and not space and _symbol_before(text, start + 1):
            return None  # "CM/Rec(2024)1"
    elif m.group("res") is not None:
        split = _split_resolution_number(m.group("rdigits"), wanted)
        if split is None:
            return None
        base, n = split
        return (m.start(), m.end(), m.group("res") + base, n, YEAR)
    else:
        keep, space, num = m.group("word"), m.group("wsp"), m.group("wnum")
        weight = WEAK if space else STRONG
        if keep.endswith(("-", "’", "'")):
            return None
        if space and _number_word(keep) and not _set_apart(text, m.end()):
            return None  # "article 5", "the 10 priority areas" (but "Goals 2  and" is a marker)
        if keep.isupper() and len(keep) <= 3:
            if not ROMAN.fullmatch(keep):
                return None  # "G20", "COP28"
            weight = WEAK  # "Protocol I4": Protocol I and footnote 4
        if "\n" in space and not _set_apart(text, m.end(), line_end=True):
            return None  # a number opening the next line ("General\n1 July 2025") is text
    n = int(num)
    return (m.start(), m.end(), keep, n, weight) if n in wanted else None


def _heaviest_chain(cands: list[tuple[int, int, str, int, int]], top: int) -> list[int]:
    """Indexes of the heaviest chain with increasing numbers (a Fenwick tree over numbers)."""
    size = top + 1
    tree_val = [0] * (size + 1)
    tree_idx = [-1] * (size + 1)
    parent = [-1] * len(cands)
    score = [0] * len(cands)

    def query(n: int) -> tuple[int, int]:  # best over numbers < n
        best, idx = 0, -1
        i = n - 1
        while i > 0:
            if tree_val[i] > best:
                best, idx = tree_val[i], tree_idx[i]
            i -= i & -i
        return best, idx

    def update(n: int, value: int, idx: int) -> None:
        i = n
        while i <= size:
            if value > tree_val[i]:
                tree_val[i], tree_idx[i] = value, idx
            i += i & -i

    for k, cand in enumerate(cands):
        n, weight = cand[3], cand[4]
        best, idx = query(n)
        score[k] = best + weight
        parent[k] = idx
        update(n, score[k], k)
    if not cands:
        return []
    k = max(range(len(cands)), key=lambda i: (score[i], -i))
    chain = []
    while k != -1:
        chain.append(k)
        k = parent[k]
    return chain[::-1]


def anchor_plain_markers(text: str, markers: list[str], warnings: list[str]) -> str:
    """Replace the footnote markers printed as digits by anchors; warn about those not found."""
    numbers = sorted({int(m) for m in markers if m.isdigit()})
    if not numbers:
        return text
    cands = _candidates(text, set(numbers))
    chosen = set(_heaviest_chain(cands, numbers[-1]))
    first_at = {cands[k][3]: cands[k][0] for k in chosen}
    out: list[str] = []
    last = 0
    for k, (start, end, keep, n, weight) in enumerate(cands):
        repeat = weight == STRONG and n in first_at and first_at[n] < start
        if k in chosen or repeat:
            out.append(text[last:start])
            out.append(f"{keep}{MARK_OPEN}{n}{MARK_CLOSE}")
            last = end
    out.append(text[last:])
    missing = [str(n) for n in numbers if n not in first_at]
    if missing:
        warnings.append(f"footnote markers not found in the text: {', '.join(missing)}")
    return "".join(out)
