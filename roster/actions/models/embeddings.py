"""The text models' vectors of profile texts (roster/actions/ranking/embeddings.py reads and
writes them): one row per (sha256 of the text, model version)."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from roster.core.time import utcnow
from roster.extensions import db


class TextEmbedding(db.Model):
    """One text's vectors from one model: its passages' unit vectors, float16 little-endian."""

    __tablename__ = "text_embedding"

    text_hash: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    model: Mapped[str] = mapped_column(sa.String(80), primary_key=True)
    passages: Mapped[int]
    dims: Mapped[int]
    vectors: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
