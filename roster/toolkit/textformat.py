"""The plain-text formats authors write modules in (content files and the check editor).

A module version (`<lang>.md`)::

    Title: Facilitating online workshops
    Summary: One paragraph shown in the catalog.

    # First section title
    Markdown body (use ## and below inside a section).

    # Second section title
    ...

A knowledge check (`<lang>.quiz.md`, and the editor's "questions" box)::

    ## The question?
    - [x] The right answer
      > Feedback shown to whoever picks it.
    - [ ] A wrong answer
      > Why it is wrong.

Every question has two or more choices and exactly one right answer.
"""

import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l

_FENCE = re.compile(r"^\s*(```|~~~)")
_CHOICE = re.compile(r"^- \[( |x|X)\]\s+(.*)$")
# A verdict at the start of a choice's feedback ("Right: ...", "Exact : ...", "Correcto: ..."):
# the check page says "Right." or "Not quite." itself, in the reader's language.
_VERDICT = re.compile(
    r"^(?:right|correct|exactly|exact|wrong|incorrect|not quite|pas tout à fait|"
    r"bonne réponse|correcto|exacto|incorrecto|no exactamente)\s*[:.!\u2014\u2013-]\s*",
    re.IGNORECASE,
)


@dataclass
class SectionText:
    title: str
    body: str


@dataclass
class VersionText:
    title: str
    summary: str
    sections: list[SectionText] = field(default_factory=list)


@dataclass
class ChoiceText:
    text: str
    is_correct: bool
    feedback: str = ""


@dataclass
class QuestionText:
    text: str
    choices: list[ChoiceText] = field(default_factory=list)


class FormatError(ValueError):
    """A line of an author's text that does not follow the format; says which and why."""

    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


def parse_version(text: str) -> VersionText:
    """Read a module version: front matter (Title, Summary) then `# ` sections."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta: dict[str, str] = {}
    i = 0
    key = None
    while i < len(lines) and lines[i].strip():
        line = lines[i]
        if line[:1].isspace() and key:  # a continuation line
            meta[key] += " " + line.strip()
        elif ":" in line:
            key, value = line.split(":", 1)
            key = key.strip().lower()
            meta[key] = value.strip()
        else:
            raise FormatError(i + 1, "expected 'Key: value' in the front matter")
        i += 1
    if not meta.get("title"):
        raise FormatError(1, "the front matter needs a Title")
    version = VersionText(title=meta["title"], summary=meta.get("summary", ""))
    in_fence = False
    current: SectionText | None = None
    for line in lines[i:]:
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and line.startswith("# "):
            current = SectionText(title=line[2:].strip(), body="")
            version.sections.append(current)
        elif current is not None:
            current.body += line + "\n"
    for section in version.sections:
        section.body = section.body.strip() + "\n"
    return version


def parse_quiz(text: str) -> list[QuestionText]:
    """Read questions in the check format; raise FormatError on the first bad line."""
    questions: list[QuestionText] = []
    choice: ChoiceText | None = None
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("## "):
            questions.append(QuestionText(text=line[3:].strip()))
            choice = None
        elif m := _CHOICE.match(line.strip()):
            if not questions:
                raise FormatError(number, str(_l("A choice must follow a '## question' line.")))
            choice = ChoiceText(text=m.group(2).strip(), is_correct=m.group(1) != " ")
            questions[-1].choices.append(choice)
        elif line.strip().startswith(">"):
            if choice is None:
                raise FormatError(number, str(_l("Feedback ('>') must follow a choice.")))
            part = line.strip()[1:].strip()
            choice.feedback = f"{choice.feedback} {part}".strip()
        elif questions and not questions[-1].choices:
            questions[-1].text += " " + line.strip()  # a question written over several lines
        else:
            raise FormatError(
                number, str(_l("Expected '## question', '- [x] choice' or '> feedback'."))
            )
    for q in questions:
        if len(q.choices) < 2:
            raise FormatError(0, str(_l("“%(q)s” needs at least two choices.", q=q.text)))
        if sum(c.is_correct for c in q.choices) != 1:
            raise FormatError(
                0, str(_l("“%(q)s” needs exactly one right answer, marked [x].", q=q.text))
            )
    return questions


def without_verdict(feedback: str) -> str:
    """The feedback without a leading verdict, which the page already gives."""
    text = _VERDICT.sub("", feedback or "", count=1)
    return text[:1].upper() + text[1:] if text != feedback else text


def dump_quiz(questions) -> str:
    """Write questions (models or QuestionText) back in the check format, for editing."""
    out = []
    for q in questions:
        out.append(f"## {q.text}")
        for c in q.choices:
            out.append(f"- [{'x' if c.is_correct else ' '}] {c.text}")
            if c.feedback:
                out.append(f"  > {c.feedback}")
        out.append("")
    return "\n".join(out).strip() + "\n" if out else ""
