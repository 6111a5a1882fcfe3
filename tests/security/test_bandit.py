"""bandit, the static security linter, finds nothing at medium severity and confidence.

A finding is fixed in the code, or, where it is a false positive, marked on its line with
`# nosec BXXX` and the reason; the configuration is [tool.bandit] in pyproject.toml.
"""

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def test_bandit_finds_nothing_at_medium_severity():
    command = [
        *(sys.executable, "-m", "bandit", "-r", "roster", "matching", "config.py"),
        *("-c", "pyproject.toml", "--severity-level", "medium", "--confidence-level", "medium"),
        "-q",
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"bandit found:\n{result.stdout}\n{result.stderr}"
