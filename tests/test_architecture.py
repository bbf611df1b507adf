"""The size rule of the README's architecture section: no function of ``accord/`` or
``resolutions/`` is longer than 60 lines (from its ``def`` line to its last line,
decorators not counted). The other contracts are import-linter's, run by ``make lint``;
the files the section names, as where each rule lives, exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("accord", "resolutions")
LIMIT = 60


def long_functions(path: Path, root: Path = ROOT) -> list[str]:
    """``path:line name (N lines)`` for each function of ``path`` over the limit, the
    path relative to ``root``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > LIMIT:
                where = path.relative_to(root)
                found.append(f"{where}:{node.lineno} {node.name} ({length} lines)")
    return found


def test_the_rule_counts_from_def_to_last_line(tmp_path):
    source = "def short():\n" + "    x = 1\n" * (LIMIT - 1) + "\n"
    source += "def long():\n" + "    x = 1\n" * LIMIT
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    assert long_functions(path, tmp_path) == [f"probe.py:{LIMIT + 2} long (61 lines)"]


def test_no_function_is_longer_than_60_lines():
    files = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))
    assert len(files) > 50, f"only {len(files)} Python files found under {PACKAGES}"
    found = [line for path in files for line in long_functions(path)]
    assert not found, f"{len(found)} functions over {LIMIT} lines:\n" + "\n".join(found)


def test_every_file_the_architecture_section_names_exists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Architecture\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"`((?:accord|resolutions|tests|docs)/[\w/.-]+)`", section))
    assert len(named) >= 8, f"the section names only {sorted(named)}"
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert not missing, f"README's architecture section names files that do not exist: {missing}"
