"""`make` on a fresh machine (issue 13, item 1): Debian's Python without python3.11-venv makes
`python3.11 -m venv` fail *after* creating `.venv/bin/python` (ensurepip is missing). The
Makefile must say what to install and leave no half-made venv behind, so that `make run` works
once the package is installed (a venv without pip is made again, not reused)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# what Debian's python3.11 does without python3.11-venv: the folder and its python, then failure
DEBIAN_PYTHON_WITHOUT_VENV = """#!/bin/sh
[ "$1" = "-m" ] && [ "$2" = "venv" ] || exit 3
mkdir -p "$3/bin"
printf '#!/bin/sh\\necho "No module named pip" >&2\\nexit 1\\n' > "$3/bin/python"
chmod +x "$3/bin/python"
echo "The virtual environment was not successfully created because ensurepip is not" >&2
echo "available.  On Debian/Ubuntu systems, you need to install the python3-venv package" >&2
exit 1
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_a_python_without_venv_is_named_and_leaves_no_half_made_venv(tmp_path: Path) -> None:
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / "python3.11"
    python.write_text(DEBIAN_PYTHON_WITHOUT_VENV)
    python.chmod(0o755)
    for _ in range(2):  # the second run must not take the broken venv for a good one
        proc = subprocess.run(["make", "--no-print-directory", ".venv/.installed",
                               f"PY={python}"], cwd=tmp_path, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode != 0
        assert "python3.11-venv" in proc.stdout + proc.stderr
        assert not (tmp_path / ".venv").exists(), proc.stdout + proc.stderr
