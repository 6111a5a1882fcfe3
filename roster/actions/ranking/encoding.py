"""The text models' vectors for one process's index: read from the store, encoded in the
background, never blocking a ranking.

The index is built with `Matcher(encode="later")`: it ranks at once, each text on its words
until its vectors arrive. Before a ranking, at most every VECTORS_TTL seconds, the vectors that
any process has stored for the pending texts are attached; what is still missing is encoded by
one background thread per process, a batch at a time (store, then attach under the index's
lock, held only for the attach). A file lock beside the saved index lets one process of a
server encode while the others read its results from the store. `flask build-index` encodes
every pending text in the foreground with progress, a batch per commit, so an interrupted run
resumes where it stopped.
"""

import logging
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from datetime import timedelta
from pathlib import Path

import matching
from roster.actions.ranking import embeddings
from roster.core.time import utcnow
from roster.extensions import db

log = logging.getLogger(__name__)

VECTORS_TTL = 10.0  # seconds between two reads of the store for the pending texts
STORE_SLACK = timedelta(seconds=30)  # a batch committed late still counts as new
BATCH = 16  # texts encoded, stored and attached at a time
SAVE_EVERY = 120.0  # seconds between two saves of the index while encoding


def semantic_of(matcher):
    """The matcher's text-model index, or None when the models are off or not installed."""
    return None if matcher is None else getattr(matcher, "semantic_", None)


def prune(index) -> int:
    """Delete the stored vectors of every text the freshly built index does not hold."""
    semantic = semantic_of(index.matcher)
    return 0 if semantic is None else embeddings.prune(semantic.keys_)


def attach_stored(index, texts: list[str] | None = None) -> int:
    """Give the index's matcher the stored vectors of its pending texts (or of ``texts``)."""
    semantic = semantic_of(index.matcher)
    if semantic is None or not semantic.n_pending:
        return 0
    texts = index.matcher.pending_texts() if texts is None else texts
    found = embeddings.load(map(matching.text_key, texts), semantic.models_)
    return index.matcher.add_vectors(found) if found else 0


def encode_step(index, batch: int | None = None) -> int:
    """Encode, store and attach one batch of pending texts; returns how many (0: none left)."""
    batch = batch or BATCH
    with index.lock:
        semantic = semantic_of(index.matcher)
        texts = index.matcher.pending_texts(batch) if semantic is not None else []
    if not texts:
        return 0
    keys = [matching.text_key(t) for t in texts]
    stored = embeddings.load(keys, semantic.models_)  # another process may have done some
    todo = [(k, t) for k, t in zip(keys, texts, strict=True) if k not in stored]
    fresh = {}
    if todo:
        encoded = matching.encode_texts([t for _, t in todo], semantic.models_)
        fresh = {k: v for (k, _), v in zip(todo, encoded, strict=True)}
        embeddings.save(fresh)
    with index.lock:
        if index.matcher is not None:
            before = len(index.matcher.pending_texts())
            index.matcher.add_vectors(stored | fresh)
            if len(index.matcher.pending_texts()) >= before:  # nothing moved: never spin
                index.matcher.semantic_.pending_.clear()
    return len(texts)


def encode_all(index, progress: Callable[[int, int, float], None] | None = None) -> int:
    """Encode every pending text now (``flask build-index``); progress(done, total, seconds)."""
    attach_stored(index)
    semantic = semantic_of(index.matcher)
    total = semantic.n_pending if semantic is not None else 0
    done, started, saved = 0, time.perf_counter(), time.monotonic()
    while True:
        step = encode_step(index)
        if not step:
            break
        done += step
        if progress:
            progress(done, total, time.perf_counter() - started)
        if time.monotonic() - saved > SAVE_EVERY:
            with index.lock:
                index.save()
            saved = time.monotonic()
    return done


class Background:
    """One process's encoding thread for one index."""

    def __init__(self, index, app) -> None:
        self.index = index
        self.app = app
        self.thread: threading.Thread | None = None
        self.checked_at = 0.0
        self.stored_at = None  # when the store was last read for this index's pending texts

    def poll(self) -> None:
        """Before a ranking (under the index's lock): attach what the store has, now and then,
        and start the thread when texts still wait."""
        semantic = semantic_of(self.index.matcher)
        if semantic is None or not semantic.n_pending:
            return
        now = time.monotonic()
        if now - self.checked_at >= VECTORS_TTL:
            # Only what was stored since the last look (by another process): one small query.
            since = self.stored_at - STORE_SLACK if self.stored_at else None
            self.checked_at, self.stored_at = now, utcnow()
            if since is None:
                attach_stored(self.index)
            else:
                fresh = set(embeddings.stored_since(since))
                if fresh:
                    keyed = {matching.text_key(t): t for t in self.index.matcher.pending_texts()}
                    attach_stored(self.index, [keyed[k] for k in fresh if k in keyed])
        if semantic.n_pending and not self.running:
            self.thread = threading.Thread(target=self._run, name="roster-encoder", daemon=True)
            self.thread.start()

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    def _run(self) -> None:
        with self.app.app_context():
            try:
                with _only_one(self.index.directory) as mine:
                    if not mine:
                        return  # another process encodes: its vectors arrive by the store
                    saved = time.monotonic()
                    while encode_step(self.index):
                        if time.monotonic() - saved > SAVE_EVERY:
                            self._save()
                            saved = time.monotonic()
                    self._save()
            except Exception:  # the index still ranks on words: log, never crash a worker
                log.exception("encoding the roster's texts failed")
            finally:
                db.session.remove()

    def _save(self) -> None:
        with self.index.lock:
            self.index._save_quietly()


@contextmanager
def _only_one(directory: Path | None):
    """True for the one process of a server that holds the encoding lock (always without a
    saved index's folder, or where file locks do not exist)."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield True
        return
    if directory is None:
        yield True
        return
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "encoding.lock").open("a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        try:
            yield True
        finally:
            with suppress(OSError):
                fcntl.flock(f, fcntl.LOCK_UN)
