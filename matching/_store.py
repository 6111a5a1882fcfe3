"""How experts come into the matcher, and where it finds them again for reasons and teams."""

from __future__ import annotations

from ._profiles import Profiles
from ._types import Expert


class ExpertStore:
    """Experts by row: as given, or read back from the structured arrays.

    With ``keep_texts`` the Expert objects are kept as they are (the caller's
    own objects: no copy). Without, nothing is kept per expert: a row's
    themes, languages, places and signals are read back from ``Profiles``
    when reasons need them, and the texts come from the caller again
    (``Matcher.rank(..., texts=...)``), which a roster of a million profiles
    would rather read from its database than hold in memory.
    """

    def __init__(self, keep_texts: bool, profiles: Profiles, ids: list[str]):
        self.keep_texts = keep_texts
        self._items: list[Expert] = []
        self._profiles, self._ids = profiles, ids

    def append(self, expert: Expert) -> None:
        if self.keep_texts:
            self._items.append(expert)

    def __getitem__(self, row: int) -> Expert:
        if self.keep_texts:
            return self._items[row]
        return self._profiles.expert(row, self._ids[row])


def chunks(experts, size: int):
    """Lists of at most ``size`` experts: an iterator is read once, never held whole."""
    chunk = []
    for e in experts:
        if not isinstance(e, Expert):
            raise TypeError(f"expected Expert, got {type(e).__name__}")
        chunk.append(e)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(experts: list[Expert], start: int) -> tuple[list[str], list[list[int]]]:
    """The experts' texts in one list, and each expert's text rows from ``start``."""
    texts, rows = [], []
    for e in experts:
        rows.append(list(range(start + len(texts), start + len(texts) + len(e.texts))))
        texts.extend(e.texts)
    return texts, rows
