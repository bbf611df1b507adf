"""Hostile files are refused with bounded memory (issue 12, item 1): each file is posted
to its page by a process of its own (``memory_child``: one subprocess, Django set up once,
forked for each file), which reports the answer and its own peak RSS (VmHWM); the peak
must stay under 300 MB. Before the limits,
the zip bomb alone took a worker to 2.2 GB."""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
PEAK_MB = 300
MB = 1024 * 1024


class Child:
    """``memory_child`` running on a copy of the run's migrated SQLite file: seeded once,
    then one upload per request, each in a fork of its own (it reports that fork's peak)."""

    def __init__(self, var: Path):
        environ = {**os.environ, "ACCORD_VAR_DIR": str(var), "ACCORD_DEBUG": "1"}
        environ.pop("DATABASE_URL", None)  # the child's own SQLite file
        self.log = var / "stderr.txt"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.security.memory_child"],
                cwd=ROOT,
                env=environ,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
            )
        assert self.answer() == {"seeded": True}

    def answer(self) -> dict:
        line = self.process.stdout.readline()
        out = json.loads(line) if line else {"error": "the child ended"}
        assert "error" not in out, (out, self.log.read_text()[-3000:])
        return out

    def post(self, case: str, path: Path, **settings: int) -> dict:
        request = {"case": case, "path": str(path), "settings": settings}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        out = self.answer()
        print(f"{path.name} ({path.stat().st_size / MB:.1f} MB): peak RSS {out['peak_mb']:.0f} MB")
        return out

    def close(self) -> None:
        self.process.stdin.close()
        assert self.process.wait(timeout=60) == 0, self.log.read_text()[-3000:]


@pytest.fixture(scope="module")
def child(tmp_path_factory, migrated_sqlite):
    """The child, its folder holding a copy of the run's migrated SQLite file
    (tests/conftest.py: its migrate has nothing left to do)."""
    var = tmp_path_factory.mktemp("memory")
    shutil.copyfile(migrated_sqlite, var / "accord.sqlite3")
    running = Child(var)
    yield running
    running.close()


def _office_zip(path: Path, base: bytes, member: str, chunks) -> Path:
    """``base`` (a real .xlsx/.docx) with ``member`` rewritten from ``chunks``, streamed
    into the zip (never whole in memory)."""
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in src.infolist():
            if info.filename == member:
                with out.open(member, "w", force_zip64=True) as stream:
                    for chunk in chunks:
                        stream.write(chunk)
            else:
                out.writestr(info, src.read(info))
    return path


def _xlsx_base() -> bytes:
    wb = Workbook()
    wb.active.title = "Matrix"
    wb.active.append(["Code", "Title", "Priority area"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _docx_base() -> bytes:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


SHEET_HEAD = (
    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    b'spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def _bomb(path: Path, base: bytes, member: str, head: bytes, spaces_mb: int, tail: bytes) -> Path:
    """``base`` (a real .xlsx/.docx) with ``member`` replaced by ``head``, ``spaces_mb`` MB
    of spaces and ``tail``, made as a zip bomb is made: one megabyte of spaces is deflated
    once, after a full flush (so the copy stands alone), and written again and again. The
    gigabyte is never compressed (30 s of a loaded worker's CPU)."""
    pack = zlib.compressobj(6, zlib.DEFLATED, -15)
    start = pack.compress(head) + pack.flush(zlib.Z_FULL_FLUSH)
    block = pack.compress(b" " * MB) + pack.flush(zlib.Z_FULL_FLUSH)
    end = pack.compress(tail) + pack.flush()
    crc = zlib.crc32(head)
    for _ in range(spaces_mb):
        crc = zlib.crc32(b" " * MB, crc)
    big = (zlib.crc32(tail, crc), len(head) + spaces_mb * MB + len(tail))
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        members = [(i.filename, src.read(i)) for i in src.infolist() if i.filename != member]
    with open(path, "wb") as out:
        central = []
        for name, data in members:
            packed = zlib.compress(data, 6, -15)
            central.append(_zip_member(out, name, zlib.crc32(data), len(data), [packed]))
        central.append(_zip_member(out, member, *big, [start, *[block] * spaces_mb, end]))
        at = out.tell()
        for record in central:
            out.write(record)
        size = out.tell() - at
        out.write(
            struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central), len(central), size, at, 0)
        )
    return path


def _zip_member(out, name: str, crc: int, size: int, chunks: list[bytes]) -> bytes:
    """Write one deflated member (local header, then ``chunks``); its central record."""
    offset, packed, encoded = out.tell(), sum(map(len, chunks)), name.encode()
    fields = (20, 0, 8, 0, 33, crc, packed, size, len(encoded))  # 33: 1 January 1980
    out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded)
    for chunk in chunks:
        out.write(chunk)
    record = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset)
    return record + encoded


def _sheet_rows(count: int):
    """The sheet's XML, streamed: its <dimension> first, as Excel and every writer put it
    (without one, openpyxl's read-only mode reads the whole sheet once to find its size
    before the first row: 4 s of CPU for these million rows, bounded by the unzipped-size
    limit), then ``count`` rows after the header."""
    head = SHEET_HEAD.replace(b"<sheetData>", b'<dimension ref="A1:C%d"/><sheetData>' % (count + 1))
    yield head + (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Title</t></is></c>'
        b'<c r="C1" t="inlineStr"><is><t>Priority area</t></is></c></row>'
    )
    for start in range(2, count + 2, 10_000):
        yield b"".join(
            b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n)
            for n in range(start, min(start + 10_000, count + 2))
        )
    yield SHEET_TAIL


def test_a_zip_bomb_xlsx_is_refused_before_extraction(child, tmp_path):
    sheet = "xl/worksheets/sheet1.xml"
    bomb = _bomb(tmp_path / "bomb.xlsx", _xlsx_base(), sheet, SHEET_HEAD, 1024, SHEET_TAIL)
    assert bomb.stat().st_size < 3 * MB
    with zipfile.ZipFile(bomb) as archive:  # a real archive: its gigabyte unzips
        assert archive.getinfo(sheet).file_size > 1024 * MB
        with archive.open(sheet) as stream:
            assert stream.read(len(SHEET_HEAD) + 3 * MB) == SHEET_HEAD + b" " * 3 * MB
    out = child.post("matrix", bomb)
    assert out["status"] == 400 and not out["token"]
    assert "Unzipped, the file would take" in out["page"] and "the limit is 50.0" in out["page"]
    assert out["peak_mb"] < PEAK_MB, out["peak_mb"]


def test_a_zip_bomb_docx_is_refused_at_the_resolution_upload(child, tmp_path):
    bomb = _bomb(
        tmp_path / "bomb.docx", _docx_base(), "word/document.xml", SHEET_HEAD, 1024, SHEET_TAIL
    )
    out = child.post("resolution", bomb)
    assert out["status"] == 302 and "Unzipped, the file would take" in out["page"]
    assert out["peak_mb"] < PEAK_MB, out["peak_mb"]


def test_a_million_row_xlsx_is_refused_while_its_rows_stream(child, tmp_path):
    sheet = _office_zip(
        tmp_path / "rows.xlsx", _xlsx_base(), "xl/worksheets/sheet1.xml", _sheet_rows(1_000_000)
    )
    assert sheet.stat().st_size < 20 * MB
    # The zip limits raised so that the rows are read: the row limit must stop them.
    out = child.post("matrix", sheet, ACCORD_MAX_UNZIPPED_BYTES=10**10, ACCORD_MAX_ZIP_RATIO=10**6)
    assert out["status"] == 400 and "more than 5000 rows, the limit" in out["page"]
    assert out["peak_mb"] < PEAK_MB, out["peak_mb"]


def test_a_400000_row_csv_is_refused_while_it_streams(child, tmp_path):
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("Code,Title,Priority area\n")
        for n in range(400_000):
            out.write(f"R-{n},Row {n},Health\n")
    out = child.post("matrix", path)
    assert out["status"] == 400 and "more than 5000 rows, the limit" in out["page"]
    assert out["peak_mb"] < PEAK_MB, out["peak_mb"]


def test_a_200_mb_markdown_is_cut_while_it_uploads(child, tmp_path):
    path = tmp_path / "huge.md"
    with open(path, "wb") as out:
        line = b"1. The General Assembly, recalling its resolutions, requests a report.\n"
        block = line * (MB // len(line))
        for _ in range(200):
            out.write(block)
    assert path.stat().st_size > 190 * MB
    out = child.post("resolution", path)
    assert out["status"] == 302 and "larger than the limit of 20.0" in out["page"]
    assert out["peak_mb"] < PEAK_MB, out["peak_mb"]
