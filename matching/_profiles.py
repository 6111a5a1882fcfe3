"""Compact, appendable arrays of the experts' structured data, one row per expert.

Rows are never reused: an update appends a new row and tombstones the old one,
so an ``update`` costs O(1) amortised and no array is rebuilt per request.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from ._criteria import depth_rank, level_rank, signal_values
from ._types import DEPTHS, LEVELS, SIGNALS, Expert


def _grow(a: np.ndarray, rows: int, fill=0) -> np.ndarray:
    if a.shape[0] >= rows:
        return a
    new = np.full((max(rows, int(a.shape[0] * 1.5) + 16), *a.shape[1:]), fill, a.dtype)
    new[: a.shape[0]] = a
    return new


def _widen(a: np.ndarray, cols: int, fill=0) -> np.ndarray:
    if a.shape[1] >= cols:
        return a
    new = np.full((a.shape[0], cols + 4), fill, a.dtype)
    new[:, : a.shape[1]] = a
    return new


class Codes:
    """A growing mapping name -> small integer code, in first-seen order."""

    def __init__(self):
        self.index: dict[str, int] = {}
        self.names: list[str] = []

    def code(self, name: str) -> int:
        i = self.index.get(name)
        if i is None:
            i = self.index[name] = len(self.names)
            self.names.append(name)
        return i


class Profiles:
    """Structured arrays for ``n`` expert rows (see module docstring)."""

    def __init__(self, regions: dict[str, str]):
        self.regions = regions
        self.n = 0
        self.themes, self.langs = Codes(), Codes()
        self.countries, self.region_codes = Codes(), Codes()
        self.alive = np.zeros(0, bool)
        self.depth = np.zeros((0, 4), np.int8)
        self.level = np.zeros((0, 4), np.int8)
        self.country_bits = np.zeros((0, 32), np.uint8)
        self.region_bits = np.zeros((0, 4), np.uint8)
        self.nationality = np.zeros(0, np.int16)
        self.signals = np.zeros((0, len(SIGNALS)), np.float32)
        self.slots = np.zeros((0, 1), np.int32)
        self.n_texts = np.zeros(0, np.int16)
        self.un_start = np.zeros(0, np.int32)
        self.un_end = np.zeros(0, np.int32)
        self.un_owner = np.zeros(0, np.int32)
        self.n_un = 0
        self.signal_count = np.zeros(len(SIGNALS), np.int64)

    def signals_present(self) -> set[str]:
        """Signals at least one indexed expert has carried."""
        return {s for s, c in zip(SIGNALS, self.signal_count.tolist(), strict=True) if c}

    def append(self, experts: list[Expert], text_rows: list[list[int]]) -> np.ndarray:
        """Add experts as new rows; return their row numbers."""
        first, last = self.n, self.n + len(experts)
        self._reserve(last, experts, text_rows)
        rows = np.arange(first, last)
        for row, e, texts in zip(rows.tolist(), experts, text_rows, strict=True):
            self._fill(row, e, texts)
        self.alive[first:last] = True
        self.n = last
        return rows

    def _reserve(self, rows: int, experts: list[Expert], text_rows: list[list[int]]) -> None:
        for e in experts:
            for t in e.themes:
                self.themes.code(t)
            for lang in e.languages:
                self.langs.code(lang)
            for c in (*e.countries, *([e.nationality] if e.nationality else [])):
                self.countries.code(c)
                if c in self.regions:
                    self.region_codes.code(self.regions[c])
            for r in e.regions:
                self.region_codes.code(r)
        self.alive = _grow(self.alive, rows, False)
        self.depth = _widen(_grow(self.depth, rows), len(self.themes.names))
        self.level = _widen(_grow(self.level, rows), len(self.langs.names))
        self.country_bits = _widen(
            _grow(self.country_bits, rows), -(-len(self.countries.names) // 8)
        )
        regions = -(-len(self.region_codes.names) // 8)
        self.region_bits = _widen(_grow(self.region_bits, rows), regions)
        self.nationality = _grow(self.nationality, rows, -1)
        self.signals = _grow(self.signals, rows, np.nan)
        width = max((len(t) for t in text_rows), default=0)
        self.slots = _widen(_grow(self.slots, rows, -1), width, -1)
        self.n_texts = _grow(self.n_texts, rows)
        spans = sum(len(e.unavailable) for e in experts) + self.n_un
        self.un_start = _grow(self.un_start, spans)
        self.un_end = _grow(self.un_end, spans)
        self.un_owner = _grow(self.un_owner, spans)

    def _fill(self, row: int, e: Expert, texts: list[int]) -> None:
        for t, d in e.themes.items():
            self.depth[row, self.themes.index[t]] = depth_rank(d)
        for lang, lvl in e.languages.items():
            self.level[row, self.langs.index[lang]] = level_rank(lvl)
        regions = set(e.regions)
        for c in e.countries:
            i = self.countries.index[c]
            self.country_bits[row, i >> 3] |= np.uint8(1 << (i & 7))
            if c in self.regions:
                regions.add(self.regions[c])
        for r in regions:
            i = self.region_codes.index[r]
            self.region_bits[row, i >> 3] |= np.uint8(1 << (i & 7))
        if e.nationality:
            self.nationality[row] = self.countries.index[e.nationality]
        for j, name in enumerate(SIGNALS):
            if name in e.signals:
                self.signals[row, j] = e.signals[name]
                self.signal_count[j] += 1
        self.slots[row, : len(texts)] = texts
        self.n_texts[row] = len(texts)
        for start, end in e.unavailable:
            i = self.n_un
            self.un_start[i], self.un_end[i], self.un_owner[i] = day(start), day(end), row
            self.n_un += 1

    def signal_values(self) -> np.ndarray:
        """Scores of the signals (``_criteria.signal_values``), one contiguous row per signal.

        They depend on the profiles only: worked out again when rows are added.
        """
        cached = getattr(self, "_signal_values", None)
        if cached is None or cached.shape[1] != self.n:
            cached = np.ascontiguousarray(signal_values(self.signals[: self.n]).T)
            self._signal_values = cached
        return cached

    def kill(self, row: int) -> None:
        self.alive[row] = False

    def has_bit(self, bits: np.ndarray, code: int | None, rows=None) -> np.ndarray:
        """Whether bit ``code`` is set, per row (of ``rows``, all when None)."""
        rows = slice(0, self.n) if rows is None else rows
        if code is None:
            return np.zeros(self.n, bool)[rows]
        return ((bits[: self.n, code >> 3][rows] >> np.uint8(code & 7)) & 1).astype(bool)

    def codes_of(self, bits_row: np.ndarray, codes: Codes) -> list[str]:
        idx = np.flatnonzero(np.unpackbits(bits_row, bitorder="little"))
        return [codes.names[i] for i in idx if i < len(codes.names)]

    def expert(self, row: int, expert_id: str) -> Expert:
        """The structured profile of ``row`` read back from the arrays, without texts.

        What reasons and teams need (themes, languages, countries, regions,
        nationality, signals), so a very large roster keeps no per-expert
        object. Regions are those the scoring uses (explicit and from the
        countries); unavailability stays in the arrays (``unavailable`` is empty).
        """
        depth, level = self.depth[row].tolist(), self.level[row].tolist()
        nationality = int(self.nationality[row])
        fields = {
            "id": expert_id,
            "texts": (),
            "themes": {
                t: DEPTHS[d - 1] for t, d in zip(self.themes.names, depth, strict=False) if d
            },
            "languages": {
                g: LEVELS[v - 1] for g, v in zip(self.langs.names, level, strict=False) if v
            },
            "countries": frozenset(self.codes_of(self.country_bits[row], self.countries)),
            "unavailable": (),
            "nationality": self.countries.names[nationality] if nationality >= 0 else None,
            "regions": frozenset(self.codes_of(self.region_bits[row], self.region_codes)),
            "signals": {
                name: float(v)
                for name, v in zip(SIGNALS, self.signals[row].tolist(), strict=True)
                if v == v  # not NaN
            },
        }
        out = object.__new__(Expert)  # read back from validated data: no re-validation
        for name, value in fields.items():
            object.__setattr__(out, name, value)
        return out


def day(d: date) -> int:
    return d.toordinal()
