"""CSV import of experts: good rows stored, bad rows reported, re-imports update by e-mail."""

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask import Flask

from roster.audit import record
from roster.auth.models import User
from roster.core.time import utcnow
from roster.experts.cells import RowError, _
from roster.experts.fields import IMPORT_FIELDS
from roster.experts.import_rows import CleanRow, clean_row, count_rows, read_rows
from roster.experts.models import (
    Expert,
    ExpertCountry,
    ExpertLanguage,
    ExpertTheme,
    ImportJob,
    Status,
)
from roster.experts.profile import changed_fields, snapshot
from roster.extensions import db
from roster.taxonomy.models import Country, Theme

log = logging.getLogger(__name__)
BATCH_SIZE = 200
EXAMPLE_DEPTHS = ("senior", "experienced")  # the template's themes show two depths


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict] = field(default_factory=list)  # {"line": n, "reason": "..."}

    @property
    def failed(self) -> int:
        return len(self.errors)

    @property
    def processed(self) -> int:
        return self.created + self.updated + self.unchanged + self.failed


class _Context:
    """What a run of the import looks up again and again: themes, countries, known experts."""

    def __init__(self, actor=None):
        self.actor = actor
        self.themes = {t.slug: t for t in db.session.scalars(sa.select(Theme)).all()}
        self.theme_slugs = set(self.themes)
        self.countries = {c.code: c for c in db.session.scalars(sa.select(Country)).all()}
        self.experts: dict[str, Expert] = {}

    def country(self, code: str) -> Country:
        if code not in self.countries:  # the taxonomy may not list every ISO country yet
            self.countries[code] = Country(code=code)
            db.session.add(self.countries[code])
        return self.countries[code]

    def load_experts(self, rows: list[CleanRow]) -> None:
        """Fetch, in one query, the experts a batch's e-mails already belong to."""
        emails = {r.values["email"].lower() for r in rows} - set(self.experts)
        if not emails:
            return
        found = db.session.scalars(
            sa.select(Expert)
            .where(sa.func.lower(Expert.email).in_(emails), Expert.erased_at.is_(None))
            .order_by(Expert.id.desc())  # with old duplicates, the first one wins
        ).all()
        for expert in found:
            self.experts[expert.email.lower()] = expert


def _apply(expert: Expert, row: CleanRow, ctx: _Context) -> None:
    for name, value in row.values.items():
        setattr(expert, name, value)
    if expert.status == Status.APPROVED and expert.joined_on is None:
        expert.joined_on = date.today()
    if row.themes is not None:
        wanted = {ctx.themes[slug].id: depth for slug, depth in row.themes.items()}
        for link in list(expert.themes):
            if link.theme_id in wanted:
                link.depth = wanted.pop(link.theme_id)
            else:
                expert.themes.remove(link)
        for theme_id, depth in wanted.items():
            expert.themes.append(ExpertTheme(theme_id=theme_id, depth=depth))
    if row.languages is not None:
        wanted_levels = dict(row.languages)
        for link in list(expert.languages):
            if link.code in wanted_levels:
                link.level = wanted_levels.pop(link.code)
            else:
                expert.languages.remove(link)
        for code, level in wanted_levels.items():
            expert.languages.append(ExpertLanguage(code=code, level=level))
    if row.countries is not None:
        have = {c.country.code if c.country else c.country_code for c in expert.countries}
        for link in list(expert.countries):
            if link.country_code not in row.countries:
                expert.countries.remove(link)
        for code in row.countries:
            if code not in have:
                expert.countries.append(ExpertCountry(country=ctx.country(code)))


def import_row(row: CleanRow, ctx: _Context, result: ImportResult) -> None:
    """Create the expert, or update the one with the same e-mail (any case)."""
    key = row.values["email"].lower()
    expert = ctx.experts.get(key)
    if expert is None:
        expert = Expert(status=Status.APPLIED)
        if row.values.get("joined_on") and "status" not in row.values:
            expert.status = Status.APPROVED
        _apply(expert, row, ctx)
        db.session.add(expert)
        ctx.experts[key] = expert
        result.created += 1
        return
    before = snapshot(expert)
    _apply(expert, row, ctx)
    changes = changed_fields(before, snapshot(expert))
    if changes:
        expert.updated_at = utcnow()
        detail = f"CSV import, line {row.line}; fields: {', '.join(changes)}"
        record("profile_changed", expert, detail, actor=ctx.actor)
        result.updated += 1
    else:
        result.unchanged += 1


def _store_batch(rows: list[CleanRow], ctx: _Context, result: ImportResult) -> None:
    """Store a batch in one flush; if the database refuses it, retry row by row."""
    ctx.load_experts(rows)
    counts = (result.created, result.updated, result.unchanged)
    try:
        with db.session.begin_nested(), db.session.no_autoflush:
            for row in rows:
                import_row(row, ctx, result)
        return
    except sa.exc.SQLAlchemyError as exc:
        log.warning("Import batch refused by the database, retrying row by row: %s", exc)
    result.created, result.updated, result.unchanged = counts
    ctx.experts.clear()
    ctx.countries = {c.code: c for c in db.session.scalars(sa.select(Country)).all()}
    for row in rows:
        ctx.load_experts([row])
        try:
            with db.session.begin_nested():
                import_row(row, ctx, result)
        except sa.exc.SQLAlchemyError as exc:
            log.warning("Import row %s refused by the database: %s", row.line, exc)
            ctx.experts.pop(row.values["email"].lower(), None)
            reason = _("refused by the database (a conflicting record?)")
            result.errors.append({"line": row.line, "reason": reason})


def import_text(
    text: str,
    on_batch: Callable[[ImportResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
    actor=None,
) -> ImportResult:
    """Import every good row of a CSV text; on_batch is called after each batch (to commit).

    Raises ImportFileError when the file as a whole is unusable (no header, bad encoding).
    """
    ctx = _Context(actor)
    result = ImportResult()
    batch: list[CleanRow] = []
    for line, raw in read_rows(text):
        try:
            batch.append(clean_row(line, raw, ctx.theme_slugs))
        except RowError as exc:
            result.errors.append({"line": line, "reason": str(exc)})
        if len(batch) >= batch_size:
            _store_batch(batch, ctx, result)
            batch = []
            if on_batch:
                on_batch(result)
    if batch:
        _store_batch(batch, ctx, result)
    result.errors.sort(key=lambda e: e["line"])
    if on_batch:
        on_batch(result)
    return result


def summary(result: ImportResult) -> str:
    return (
        f"{result.created} created, {result.updated} updated, "
        f"{result.unchanged} unchanged, {result.failed} failed"
    )


def template_row() -> list[str]:
    """The template file's example row, its themes taken from the taxonomy in use, so that the
    file imports as it is downloaded (a slug written by hand goes stale when themes change)."""
    slugs = db.session.scalars(
        sa.select(Theme.slug).where(Theme.active.is_(True)).order_by(Theme.id).limit(2)
    ).all()
    pairs = zip(slugs, EXAMPLE_DEPTHS, strict=False)
    themes = "; ".join(f"{slug}:{depth}" for slug, depth in pairs)
    return [themes if f.name == "themes" else f.example for f in IMPORT_FIELDS]


def run_job(app: Flask, job_id: int, text: str) -> None:
    """Run an ImportJob to its end, recording progress after each batch (a thread's target)."""
    with app.app_context():
        job = db.session.get(ImportJob, job_id)
        job.status = "running"
        job.total_rows = count_rows(text)
        db.session.commit()

        def progress(result: ImportResult) -> None:
            job.processed_rows = min(result.processed, job.total_rows)
            job.created_count, job.updated_count = result.created, result.updated
            job.failed_count = result.failed
            db.session.commit()

        actor = db.session.get(User, job.created_by_id) if job.created_by_id else None
        try:
            result = import_text(text, on_batch=progress, actor=actor)
            job.report = json.dumps(result.errors)
            job.processed_rows = job.total_rows = max(job.total_rows, result.processed)
            job.status = "done"
            record("experts_imported", job, f"{job.filename}: {summary(result)}", actor=actor)
        except Exception as exc:  # a job must end as failed, never hang as running
            log.exception("Import job %s failed", job_id)
            db.session.rollback()
            job = db.session.get(ImportJob, job_id)
            job.status = "failed"
            job.error = str(exc)[:500]
        job.finished_at = utcnow()
        db.session.commit()
        db.session.remove()


def start_job(app: Flask, job_id: int, text: str) -> threading.Thread | None:
    """Run the job in a background thread (inline when IMPORT_INLINE is set, as in tests)."""
    if app.config.get("IMPORT_INLINE"):
        run_job(app, job_id, text)
        return None
    thread = threading.Thread(target=run_job, args=(app, job_id, text), daemon=True)
    thread.start()
    return thread
