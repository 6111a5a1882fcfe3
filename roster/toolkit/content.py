"""Load the modules shipped in roster/toolkit/content/ into the database (idempotent).

Each module is a folder named after its slug::

    module.json      {"tags": [...], "theme": null, "minutes": 40, "pass_mark": 70,
                      "position": 1, "prerequisites": ["other-slug"]}
    en.md, fr.md     a language version (see textformat.parse_version)
    en.quiz.md, ...  its knowledge check (see textformat.parse_quiz)
"""

import json
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from roster.core.time import utcnow
from roster.toolkit.authoring import record_revision, replace_questions
from roster.toolkit.models import Module, ModuleStatus, ModuleTag, ModuleTranslation, Section
from roster.toolkit.textformat import parse_quiz, parse_version

CONTENT_DIR = Path(__file__).parent / "content"


def module_folders(content_dir: Path = CONTENT_DIR) -> list[Path]:
    return sorted(p for p in content_dir.iterdir() if (p / "module.json").exists())


def load_toolkit_content(
    session, progress: Callable[[str], None] | None = None, content_dir: Path = CONTENT_DIR
) -> int:
    """Add the shipped modules that are not in the database yet; return how many were added.

    Modules already present (by slug) are left alone, so that what authors changed in the
    app is never overwritten by a new seed.
    """
    say = progress or (lambda _msg: None)
    folders = module_folders(content_dir)
    created: dict[str, Module] = {}
    for folder in folders:
        slug = folder.name
        if session.scalar(sa.select(Module).filter_by(slug=slug)):
            say(f"{slug}: already there")
            continue
        meta = json.loads((folder / "module.json").read_text(encoding="utf-8"))
        module = Module(
            slug=slug,
            theme_slug=meta.get("theme"),
            estimated_minutes=int(meta.get("minutes", 30)),
            pass_mark=int(meta.get("pass_mark", 70)),
            position=int(meta.get("position", 0)),
            status=ModuleStatus.PUBLISHED,
            published_at=utcnow(),
        )
        module.tags = [ModuleTag(tag=t) for t in meta.get("tags", [])]
        for path in sorted(folder.glob("*.md")):
            if path.name.endswith(".quiz.md"):
                continue
            lang = path.stem
            version = parse_version(path.read_text(encoding="utf-8"))
            tr = ModuleTranslation(language=lang, title=version.title, summary=version.summary)
            tr.sections = [
                Section(position=i, title=s.title, body_markdown=s.body)
                for i, s in enumerate(version.sections, start=1)
            ]
            module.translations.append(tr)
            quiz = folder / f"{lang}.quiz.md"
            if quiz.exists():
                session.add(module)
                session.flush()
                replace_questions(tr, parse_quiz(quiz.read_text(encoding="utf-8")))
        session.add(module)
        session.flush()
        created[slug] = module
        say(f"{slug}: added ({', '.join(module.languages)})")
    for folder in folders:
        module = created.get(folder.name)
        if module is None:
            continue
        meta = json.loads((folder / "module.json").read_text(encoding="utf-8"))
        for slug in meta.get("prerequisites", []):
            required = session.scalar(sa.select(Module).filter_by(slug=slug))
            if required is not None:
                module.prerequisites.append(required)
        record_revision(module, "imported", None)
    session.flush()
    return len(created)
