"""Where the matcher keeps the experts it indexed, for reasons and teams."""

from __future__ import annotations

import pickle
import zlib
from dataclasses import replace

from .types import Expert


class ExpertStore:
    """Experts by row: as given, or packed without their texts.

    With ``keep_texts`` the Expert objects are kept as they are (the caller's
    own objects: no copy). Without, each is kept as a compressed pickle with
    no texts, ~0.3 kB a profile: reasons then need the texts again from the
    caller (``Matcher.rank(..., texts=...)``), which a roster of a million
    profiles would rather read from its database than hold in memory.
    """

    def __init__(self, keep_texts: bool = True):
        self.keep_texts = keep_texts
        self._items: list = []

    def append(self, expert: Expert) -> None:
        if self.keep_texts:
            self._items.append(expert)
        else:
            packed = pickle.dumps(replace(expert, texts=()), pickle.HIGHEST_PROTOCOL)
            self._items.append(zlib.compress(packed, 1))

    def __getitem__(self, row: int) -> Expert:
        item = self._items[row]
        if self.keep_texts:
            return item
        return pickle.loads(zlib.decompress(item))  # noqa: S301 - bytes we packed ourselves

    def __len__(self) -> int:
        return len(self._items)

    def id(self, row: int) -> str:
        return self[row].id
