"""The parser is a library: importing it must not import Django."""

import subprocess
import sys

from tests.conftest import ROOT


def test_importing_the_parser_does_not_import_django():
    code = "import sys, resolutions; import resolutions.model; print('django' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
