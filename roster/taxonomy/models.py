"""The controlled vocabularies: thematic areas, the facility's regions, and countries."""

import sqlalchemy as sa
from flask_babel import get_locale
from sqlalchemy.orm import Mapped, mapped_column, relationship

from roster.extensions import db


class LabelledMixin:
    """A label in each interface language, picked by the current locale."""

    label_en: Mapped[str] = mapped_column(sa.String(120))
    label_fr: Mapped[str] = mapped_column(sa.String(120))
    label_es: Mapped[str] = mapped_column(sa.String(120))

    @property
    def label(self) -> str:
        lang = str(get_locale() or "en")[:2]
        return getattr(self, f"label_{lang}", None) or self.label_en


class Theme(LabelledMixin, db.Model):
    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}  # a stale edit fails, never overwrites


class Region(LabelledMixin, db.Model):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(64), unique=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    countries: Mapped[list["Country"]] = relationship(back_populates="region")

    __mapper_args__ = {"version_id_col": version}


class Country(db.Model):
    """An ISO 3166 country placed in one of the facility's regions (or none)."""

    __tablename__ = "country"

    code: Mapped[str] = mapped_column(sa.String(2), primary_key=True)
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("region.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    region: Mapped[Region | None] = relationship(back_populates="countries")

    __mapper_args__ = {"version_id_col": version}
