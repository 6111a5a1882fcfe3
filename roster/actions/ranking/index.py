"""One process's index of the roster for the matcher, kept current from the database.

The index holds a matcher plus a watermark: the latest Expert.updated_at it has applied, or
the moment of its last check if later (so that a burst of changes is read once, not at every
check). Before each use it asks the database for the experts whose row moved since (one indexed
query; roster/experts/events.py makes every profile change move it) and applies `update` or
`remove`, so approval, edits, rejection, inactivity and erasure reach the next ranking in
every worker without a restart. Rows whose updated_at equals the one already applied are
skipped; the query looks back CHANGE_SLACK before the watermark so that a transaction that
committed just after a later one is not missed, and every RECONCILE_TTL all rankable
(id, updated_at) pairs are compared with the index, which catches a slower commit, a row
deleted outright and one inserted with an old stamp.

Signals (evaluations, workload, toolkit training) are refreshed on a TTL (MATCH_SIGNALS_TTL,
default 300 s) rather than with every change: they move slowly and computing them reads
every assignment. The reconciliation also checks the country-to-region map (a change
rebuilds).

The first use builds the index, or loads the one `flask build-index` saved (matcher.pkl and
matcher.json with its watermark) and applies only the changes since, unless the saved one was
built by another version of the matching library or from another database.
"""

import json
import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta
from hashlib import sha256
from pathlib import Path

import matching
from roster.actions.ranking import encoding
from roster.actions.ranking import loading as data
from roster.actions.ranking.signals import library_signals
from roster.core.time import utcnow

log = logging.getLogger(__name__)

CHANGE_SLACK = timedelta(seconds=5)
RECONCILE_TTL = 60.0


def _fingerprint() -> str:
    """A digest of the library's source: a saved index of another version is not loaded."""
    digest = sha256()
    for path in sorted(Path(matching.__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


class RosterIndex:
    """One process's Matcher over the roster, kept current from the database."""

    def __init__(
        self,
        semantic,
        directory: Path | None,
        signals_ttl: float,
        database_url: str,
        app=None,
    ) -> None:
        self.semantic = semantic  # matching.Matcher's text backend: False, True or "auto"
        # With the text models: their vectors come from the store or a background thread
        # (encoding.py); None: only `flask build-index` (or a test) encodes.
        self.background = encoding.Background(self, app) if app is not None else None
        self.fingerprint = f"{_fingerprint()}:{semantic}"
        self.lock = threading.RLock()
        self.directory = directory
        self.signals_ttl = signals_ttl
        self.database_key = sha256(database_url.encode()).hexdigest()[:16]
        self.matcher = None  # a matching.Matcher once built or loaded
        self.watermark: datetime | None = None
        self.seen: dict[int, datetime] = {}
        self.signals: dict[int, dict] = {}
        self.regions: dict[str, str] = {}
        self.signals_at = self.reconciled_at = 0.0
        self.stats = {"builds": 0, "loads": 0, "updates": 0, "removals": 0, "erasures": 0}

    @contextmanager
    def use(self):
        """The current matcher, held under the lock while the caller ranks with it."""
        with self.lock:
            if self.matcher is None and not self.load():
                self.build()
                self._save_quietly()
            else:
                self.refresh()
            if self.background is not None:
                self.background.poll()
            yield self.matcher

    def warm(self) -> bool:
        """Load a saved index ahead of the first request (a worker that just started)."""
        with self.lock:
            if self.matcher is None:
                self.load()
            return self.matcher is not None

    def build(self, progress: Callable[[int, int], None] | None = None) -> None:
        """Fit a new matcher on every rankable expert."""
        self.regions = data.region_map()
        self.signals = library_signals()
        watermark = max(filter(None, (data.latest_change(), utcnow())))
        experts, stamps = data.load_experts(signals=self.signals)
        total = len(experts)

        def counted():
            for done, expert in enumerate(experts.values(), 1):
                if progress and (done % 500 == 0 or done == total):
                    progress(done, total)
                yield expert

        # Texts are encoded later (encoding.py): a build never waits for the text models.
        matcher = matching.Matcher(regions=self.regions, semantic=self.semantic, encode="later")
        matcher.fit(counted())
        self.matcher, self.watermark, self.seen = matcher, watermark, stamps
        # Vectors of texts no longer in the roster (edited, erased) go; the others are reused.
        encoding.prune(self)
        encoding.attach_stored(self)
        self.signals_at = self.reconciled_at = time.monotonic()
        self.stats["builds"] += 1

    def refresh(self) -> None:
        """Apply the changes made since the watermark, and the TTL-bound refreshes."""
        now = time.monotonic()
        if now - self.reconciled_at >= RECONCILE_TTL:
            self.reconcile()
            if self.matcher is None:
                return
        since = self.watermark - CHANGE_SLACK if self.watermark else None
        checked_at = utcnow()
        changed = [c for c in data.changed_since(since) if self.seen.get(c[0]) != c[1]]
        if now - self.signals_at >= self.signals_ttl:
            changed += self._signal_changes()
        if changed:
            self._apply(changed)
        # Nothing stamped before this check can arrive later than CHANGE_SLACK after it.
        self.watermark = max(filter(None, (self.watermark, checked_at)))

    def _apply(self, changed: list[tuple[int, datetime, bool]]) -> None:
        leaving = [i for i, _u, ok in changed if not ok and str(i) in self.matcher]
        if leaving and data.erased_among(leaving):
            # remove() only hides an expert: their texts stay in the matcher's store and
            # vocabulary. An erased person's must go from memory and from the saved file.
            self.build()
            self._save_quietly()
            self.stats["erasures"] += 1
            return
        rankable = {i for i, _u, ok in changed if ok}
        experts, stamps = data.load_experts(rankable, self.signals) if rankable else ({}, {})
        for expert_id, updated_at, _ok in changed:
            key = str(expert_id)
            expert = experts.get(expert_id)
            if expert is not None:
                self.matcher.update(expert)
                self.seen[expert_id] = stamps[expert_id]
                self.stats["updates"] += 1
            elif key in self.matcher:
                self.matcher.remove(key)
                self.seen.pop(expert_id, None)
                self.stats["removals"] += 1
            if self.watermark is None or updated_at > self.watermark:
                self.watermark = updated_at

    def _signal_changes(self) -> list[tuple[int, datetime, bool]]:
        fresh = library_signals()
        moved = [i for i in set(fresh) | set(self.signals) if fresh.get(i) != self.signals.get(i)]
        self.signals, self.signals_at = fresh, time.monotonic()
        return [(i, self.seen.get(i) or datetime.min, True) for i in moved if i in self.seen]

    def reconcile(self) -> None:
        """Compare every rankable (id, updated_at) with the index: apply what differs (a late
        commit, a row deleted outright, one added with an old stamp); rebuild if regions moved."""
        self.reconciled_at = time.monotonic()
        if data.region_map() != self.regions:
            self.build()
            return
        stamps = data.rankable_stamps()
        gone = [(i, u, False) for i, u in self.seen.items() if i not in stamps]
        moved = [(i, u, True) for i, u in stamps.items() if self.seen.get(i) != u]
        if gone or moved:
            self._apply(gone + moved)

    def forget(self) -> None:
        """Drop the matcher held in memory; the next use loads or builds one."""
        with self.lock:
            self.matcher, self.watermark = None, None
            self.seen, self.signals = {}, {}

    def paths(self) -> tuple[Path, Path] | None:
        if self.directory is None:
            return None
        return self.directory / "matcher.pkl", self.directory / "matcher.json"

    def save(self) -> Path | None:
        """Write the matcher and its watermark for other workers and restarts."""
        paths = self.paths()
        if paths is None or self.matcher is None:
            return None
        pickle_path, meta_path = paths
        pickle_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = pickle_path.with_name(f"{pickle_path.name}.{os.getpid()}.tmp")
        self.matcher.save(tmp)
        meta = {
            "database": self.database_key,
            "library": self.fingerprint,
            "watermark": self.watermark.isoformat() if self.watermark else None,
            "regions": self.regions,
            "seen": {str(i): u.isoformat() for i, u in self.seen.items()},
            "signals": {str(i): s for i, s in self.signals.items()},
        }
        meta_tmp = meta_path.with_name(f"{meta_path.name}.{os.getpid()}.tmp")
        meta_tmp.write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, pickle_path)
        os.replace(meta_tmp, meta_path)
        return pickle_path

    def _save_quietly(self) -> None:
        # Another worker or a restart can then load this build instead of repeating it.
        try:
            self.save()
        except OSError as exc:
            log.warning("could not save the matcher's index: %s", exc)

    def load(self) -> bool:
        """Read a saved matcher of this database, then apply what changed since it was saved."""
        paths = self.paths()
        if paths is None or not all(p.exists() for p in paths):
            return False
        try:
            meta = json.loads(paths[1].read_text(encoding="utf-8"))
            if (meta.get("database"), meta.get("library")) != (
                self.database_key,
                self.fingerprint,
            ):
                return False  # another database, or built by another version of the library
            matcher = matching.Matcher.load(paths[0])
        except Exception as exc:  # a broken file means "build anew", never an error page
            log.warning("ignoring the saved matcher: %s", exc)
            return False
        self.matcher = matcher
        self.watermark = datetime.fromisoformat(meta["watermark"]) if meta["watermark"] else None
        self.regions = meta.get("regions") or {}
        self.seen = {int(i): datetime.fromisoformat(u) for i, u in meta.get("seen", {}).items()}
        self.signals = {int(i): s for i, s in meta.get("signals", {}).items()}
        self.signals_at, self.reconciled_at = time.monotonic(), 0.0
        self.stats["loads"] += 1
        self.refresh()
        return True
