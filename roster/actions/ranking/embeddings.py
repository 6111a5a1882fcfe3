"""The text models' vectors of every profile text, stored so that no text is encoded twice.

A row per (sha256 of the text, model version): a restart, a new worker or a rebuilt index reads
them instead of encoding again, and a new model version encodes anew beside the old rows.
Vectors are float16 (half the bytes; cosines move by about 1e-3). Texts are content-addressed,
so a row outlives the profile that had it until `prune` keeps only the texts still indexed
(`flask build-index`, and the rebuild an erasure triggers).
"""

from collections.abc import Iterable
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from roster.actions.models import TextEmbedding
from roster.extensions import db

MAX_IN_LIST = 500  # keys per IN (...) query


def _chunks(items: list, size: int = MAX_IN_LIST):
    for a in range(0, len(items), size):
        yield items[a : a + size]


def load(keys: Iterable[str], models: Iterable[str]) -> dict[str, dict[str, np.ndarray]]:
    """The stored vectors of these text keys: {key: {model: float32 array (passages, dims)}}."""
    keys, models = sorted(set(keys)), list(models)
    out: dict[str, dict[str, np.ndarray]] = {}
    if not models:
        return out
    for part in _chunks(keys):
        stmt = sa.select(
            TextEmbedding.text_hash,
            TextEmbedding.model,
            TextEmbedding.passages,
            TextEmbedding.dims,
            TextEmbedding.vectors,
        ).where(TextEmbedding.text_hash.in_(part), TextEmbedding.model.in_(models))
        for key, model, passages, dims, blob in db.session.execute(stmt):
            vecs = np.frombuffer(blob, "<f2")
            if vecs.size != passages * dims:
                continue  # a damaged row: the text is encoded again
            out.setdefault(key, {})[model] = vecs.reshape(passages, dims).astype(np.float32)
    return out


def save(vectors: dict[str, dict[str, np.ndarray]]) -> int:
    """Store new vectors (rows already there are kept as they are); returns rows written."""
    rows = [
        {
            "text_hash": key,
            "model": model,
            "passages": int(vecs.shape[0]),
            "dims": int(vecs.shape[1]),
            "vectors": np.ascontiguousarray(vecs, "<f2").tobytes(),
        }
        for key, by_model in vectors.items()
        for model, vecs in by_model.items()
    ]
    written = 0
    for part in _chunks(rows):
        have = set(
            db.session.execute(
                sa.select(TextEmbedding.text_hash, TextEmbedding.model).where(
                    TextEmbedding.text_hash.in_({r["text_hash"] for r in part})
                )
            ).all()
        )
        fresh = [r for r in part if (r["text_hash"], r["model"]) not in have]
        if not fresh:
            continue
        try:
            db.session.execute(sa.insert(TextEmbedding), fresh)
            db.session.commit()
            written += len(fresh)
        except sa.exc.IntegrityError:  # another process stored some of them meanwhile
            db.session.rollback()
            written += sum(_save_one(r) for r in fresh)
    return written


def _save_one(row: dict) -> int:
    try:
        db.session.execute(sa.insert(TextEmbedding), [row])
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()
        return 0
    return 1


def stored_since(since: datetime) -> list[str]:
    """Keys of the texts whose vectors were stored at or after ``since`` (any model)."""
    stmt = sa.select(TextEmbedding.text_hash).where(TextEmbedding.created_at >= since).distinct()
    return list(db.session.scalars(stmt))


def prune(keep: Iterable[str]) -> int:
    """Delete the vectors of every text not in ``keep``; returns how many rows went."""
    keep = set(keep)
    stored = db.session.scalars(sa.select(TextEmbedding.text_hash).distinct()).all()
    gone = [k for k in stored if k not in keep]
    for part in _chunks(gone):
        db.session.execute(sa.delete(TextEmbedding).where(TextEmbedding.text_hash.in_(part)))
    db.session.commit()
    return len(gone)


def count() -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(TextEmbedding)) or 0
