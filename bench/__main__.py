"""Run every benchmark module of this folder, one after the other, each in its own process.

.venv/bin/python -m bench            # all
.venv/bin/python -m bench parse_text # only those whose name contains "parse_text"
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))
    if argv:
        scripts = [p for p in scripts if any(word in p.stem for word in argv)]
    failed = 0
    for script in scripts:
        print(f"== {script.stem}", flush=True)
        failed += subprocess.run([sys.executable, str(script)], cwd=HERE.parent).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
