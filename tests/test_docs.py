"""The code in the manual runs: every ```python block of README.md and docs/*.md is executed
as it stands (a block that uses an undefined name, or an API that changed, fails here)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def python_blocks() -> list[tuple[str, int, str]]:
    """(file, first line, code) of each python block, README first."""
    found = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for block in BLOCK.finditer(text):
            line = text.count("\n", 0, block.start(1)) + 1
            found.append((str(path.relative_to(ROOT)), line, block.group(1)))
    return found


BLOCKS = python_blocks()


def test_the_matching_manual_has_its_example():
    assert any(name == "docs/matching.md" for name, _, _ in BLOCKS)


@pytest.mark.parametrize(("name", "line", "code"), BLOCKS, ids=[f"{n}:{ln}" for n, ln, _ in BLOCKS])
def test_python_block_runs(name, line, code, capsys):
    # Compiled under the file's name and line, so a failure points at the manual itself.
    code = compile("\n" * (line - 1) + code, str(ROOT / name), "exec")
    exec(code, {"__name__": "__doc_example__"})  # noqa: S102 (the project's own manual)
