"""The parser is a library: importing any of its modules must not import Django nor
anything of ``accord`` (every module of ``resolutions/`` is imported, so a Django import
added to one stage is caught)."""

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_every_parser_module_imports_neither_django_nor_accord():
    modules = sorted(
        "resolutions" + ("" if p.stem == "__init__" else f".{p.stem}")
        for p in (ROOT / "resolutions").glob("*.py")
        if p.stem != "__main__"
    )
    assert len(modules) > 15
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('django', 'accord')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
