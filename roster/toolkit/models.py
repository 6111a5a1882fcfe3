"""Toolkit content: modules, their language versions, sections, knowledge checks, files."""

import enum
from datetime import datetime

import sqlalchemy as sa
from flask_babel import get_locale
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.auth.models import User
from roster.core.columns import enum_column
from roster.core.time import utcnow
from roster.extensions import db


class ModuleStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    RETIRED = "retired"


# Tags every module may carry besides a theme; the catalog offers them as filters.
TAGS = ("facilitation", "online-delivery", "assessment", "peer-exchange", "reporting")

module_prerequisite = sa.Table(
    "module_prerequisite",
    db.metadata,
    sa.Column("module_id", sa.ForeignKey("module.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("required_id", sa.ForeignKey("module.id", ondelete="CASCADE"), primary_key=True),
)


class Module(db.Model):
    """The language-independent unit: finishing any of its language versions finishes it."""

    __tablename__ = "module"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    theme_slug: Mapped[str | None] = mapped_column(sa.String(64))
    estimated_minutes: Mapped[int] = mapped_column(default=30)
    pass_mark: Mapped[int] = mapped_column(default=70)  # percent of questions answered right
    position: Mapped[int] = mapped_column(default=0)  # order in the catalog
    status: Mapped[ModuleStatus] = mapped_column(
        enum_column(ModuleStatus, length=16),
        default=ModuleStatus.DRAFT,
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(default=1)

    tags: Mapped[list["ModuleTag"]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="ModuleTag.tag"
    )
    translations: Mapped[list["ModuleTranslation"]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="ModuleTranslation.language"
    )
    prerequisites: Mapped[list["Module"]] = relationship(
        secondary=module_prerequisite,
        primaryjoin=lambda: Module.id == module_prerequisite.c.module_id,
        secondaryjoin=lambda: Module.id == module_prerequisite.c.required_id,
        order_by=lambda: Module.position,
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="module", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    # Two authors saving the same module: the second gets StaleDataError, not a silent overwrite.
    __mapper_args__ = {"version_id_col": version}

    @property
    def tag_names(self) -> list[str]:
        return [t.tag for t in self.tags]

    @property
    def languages(self) -> list[str]:
        return [t.language for t in self.translations]

    def translation(self, language: str | None = None) -> "ModuleTranslation | None":
        """The version in language, else in the reader's locale, else English, else any."""
        by_lang = {t.language: t for t in self.translations}
        try:
            locale = str(get_locale() or "en")[:2]
        except RuntimeError:
            locale = "en"
        for lang in (language, locale, "en"):
            if lang in by_lang:
                return by_lang[lang]
        return self.translations[0] if self.translations else None

    @property
    def title(self) -> str:
        tr = self.translation()
        return tr.title if tr else self.slug

    def __repr__(self) -> str:
        return f"<Module {self.slug} {self.status}>"


class ModuleTag(db.Model):
    __tablename__ = "module_tag"

    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(sa.String(64), primary_key=True, index=True)

    module: Mapped[Module] = relationship(back_populates="tags")


class ModuleTranslation(db.Model):
    """One language version of a module: its title, summary, sections and knowledge check."""

    __tablename__ = "module_translation"
    __table_args__ = (sa.UniqueConstraint("module_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(sa.ForeignKey("module.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(sa.String(8))
    title: Mapped[str] = mapped_column(sa.String(200))
    summary: Mapped[str] = mapped_column(sa.Text, default="")

    module: Mapped[Module] = relationship(back_populates="translations")
    sections: Mapped[list["Section"]] = relationship(
        back_populates="translation", cascade="all, delete-orphan", order_by="Section.position"
    )
    questions: Mapped[list["Question"]] = relationship(
        back_populates="translation", cascade="all, delete-orphan", order_by="Question.position"
    )

    def section_at(self, position: int) -> "Section | None":
        return next((s for s in self.sections if s.position == position), None)


class Section(db.Model):
    __tablename__ = "module_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    translation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module_translation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]  # 1, 2, 3... the same position in every language version
    title: Mapped[str] = mapped_column(sa.String(200))
    body_markdown: Mapped[str] = mapped_column(sa.Text, default="")

    translation: Mapped[ModuleTranslation] = relationship(back_populates="sections")


class Question(db.Model):
    __tablename__ = "module_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    translation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module_translation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)

    translation: Mapped[ModuleTranslation] = relationship(back_populates="questions")
    choices: Mapped[list["Choice"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Choice.position"
    )


class Choice(db.Model):
    __tablename__ = "module_choice"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module_question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int]
    text: Mapped[str] = mapped_column(sa.Text)
    is_correct: Mapped[bool] = mapped_column(default=False)
    feedback: Mapped[str] = mapped_column(sa.Text, default="")

    question: Mapped[Question] = relationship(back_populates="choices")


class Attachment(db.Model):
    """An image or PDF attached to a module, stored under UPLOAD_DIR/toolkit/."""

    __tablename__ = "module_attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(sa.String(255))  # as shown to readers
    stored_name: Mapped[str] = mapped_column(sa.String(80), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(64))
    size: Mapped[int]
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )

    module: Mapped[Module] = relationship(back_populates="attachments")

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


class ModuleRevision(db.Model):
    """The edit history: who changed a module, when, and its full content afterwards."""

    __tablename__ = "module_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    module_id: Mapped[int] = mapped_column(
        sa.ForeignKey("module.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(sa.String(40))
    snapshot: Mapped[dict] = mapped_column(sa.JSON)

    user: Mapped[User | None] = relationship()
