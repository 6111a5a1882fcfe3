"""Vectorised tokeniser: a whole batch of texts to 64-bit term hashes with numpy.

A token is a run of word bytes of at least two characters, after lowercasing:
ASCII letters, digits and ``_``, plus every byte of a non-ASCII character
except common punctuation (U+2000-U+206F: dashes, curly quotes, ellipsis; and
U+00A0-U+00BF: no-break space, guillemets, inverted marks). So "l'asile"
and "l\u2019asile" (curly apostrophe) both give "asile" (and "l"), and any script forms words.

Terms are identified by a 64-bit hash (polynomial over the UTF-8 bytes modulo
2**64, then mixed), never by a Python string: the batch is tokenised and
hashed in a few passes over one byte array, without a Python object per token.
Requests, updates and reasons use the same function, so a term always has the
same hash.
"""

from __future__ import annotations

import numpy as np

_P = 0x100000001B3  # odd, so invertible modulo 2**64
_WORD = np.zeros(256, bool)
for _lo, _hi in ((ord("0"), ord("9")), (ord("a"), ord("z")), (ord("A"), ord("Z"))):
    _WORD[_lo : _hi + 1] = True
_WORD[ord("_")] = True
_WORD[0x80:] = True
_WORD_TABLE = bytes(_WORD.astype(np.uint8))  # for bytes.translate: 1 on word bytes
_SEP = "\x00"
DOC_BITS = 16  # texts per counted batch: 2**16; terms keep the other 48 bits of the hash


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the polynomial hash over all 64 bits."""
    with np.errstate(over="ignore"):
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(33)
    return h


def _word_mask(b: np.ndarray) -> np.ndarray:
    word = np.frombuffer(b.tobytes().translate(_WORD_TABLE), bool).copy()
    if len(b) > 1 and (b[:-1] >= 0xC2).any():
        lead, nxt = b[:-1], b[1:]
        latin = np.flatnonzero((lead == 0xC2) & (nxt >= 0xA0) & (nxt <= 0xBF))
        general = np.flatnonzero((lead == 0xE2) & ((nxt == 0x80) | (nxt == 0x81)))
        for start, width in ((latin, 2), (general, 3)):
            for k in range(width):
                word[np.minimum(start + k, len(b) - 1)] = False
    return word


def tokenize(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bytes]:
    """Tokens of ``texts`` in order.

    Returns
    -------
    hashes : uint64 array, one per token
    doc : int64 array, the text each token comes from
    starts, ends : int64 arrays, byte span of each token in ``data``
    data : bytes, the lowercased texts joined by NUL, UTF-8
    """
    joined = _SEP.join(texts)
    if joined.count(_SEP) != max(len(texts) - 1, 0):
        joined = _SEP.join(t.replace(_SEP, " ") for t in texts)
    data = joined.lower().encode("utf-8", "replace")
    b = np.frombuffer(data + bytes(16), np.uint8)  # padding: 8-byte reads past the end
    n = len(data)
    empty = np.zeros(0, np.int64)
    if not n:
        return np.zeros(0, np.uint64), empty, empty, empty, data
    word = _word_mask(b[:n]).view(np.int8)
    edge = np.empty(n + 1, np.int8)
    edge[0] = word[0]
    np.subtract(word[1:], word[:-1], out=edge[1:-1])
    edge[-1] = -word[-1]
    starts = np.flatnonzero(edge == 1)
    ends = np.flatnonzero(edge == -1)
    lens = ends - starts
    first = b[starts]  # a token of one character is as long as its first byte says
    one_char = 1 + (first >= 0xC0).view(np.int8) + (first >= 0xE0) + (first >= 0xF0)
    keep = lens > one_char
    starts, ends, lens = starts[keep], ends[keep], lens[keep]
    per_doc = np.diff(np.searchsorted(starts, np.flatnonzero(b[:n] == 0)), prepend=0)
    doc = np.repeat(np.arange(len(texts)), np.append(per_doc, len(starts) - per_doc.sum()))
    return _hash(b, starts, lens), doc, starts, ends, data


def _hash(b: np.ndarray, starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """64-bit hash of each byte span, 8 bytes at a time (little-endian words)."""
    aligned = b[: len(b) // 8 * 8].view("<u8")
    ones = ~np.uint64(0)
    h = lens.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    idx = None
    pos, left = starts, lens
    with np.errstate(over="ignore"):
        while True:
            q, r = pos >> 3, (pos & 7).astype(np.uint64) << np.uint64(3)
            words = aligned[q] >> r
            words |= (aligned[q + 1] << np.uint64(1)) << (np.uint64(63) - r)  # r=0 adds 0
            words &= ones >> ((8 - np.minimum(left, 8)).astype(np.uint64) << np.uint64(3))
            if idx is None:
                h = _mix(h * np.uint64(_P) + words)
            else:
                h[idx] = _mix(h[idx] * np.uint64(_P) + words)
            more = np.flatnonzero(left > 8)
            if not len(more):
                return h
            idx = more if idx is None else idx[more]
            pos, left = pos[more] + 8, left[more] - 8


def count(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of up to 65,536 ``texts``, term-major.

    Returns (term, doc, count) per distinct (term, text) pair, sorted by term
    then text. Terms are the top 48 bits of the hash (``term_ids``): the low
    16 carry the text number, so one fast sort of uint64 keys groups them.
    """
    if len(texts) > 1 << DOC_BITS:
        raise ValueError(f"count takes at most {1 << DOC_BITS} texts at once")
    h, doc, _, _, _ = tokenize(texts)
    key = (h & ~np.uint64((1 << DOC_BITS) - 1)) | doc.astype(np.uint64)
    key.sort()
    if not len(key):
        return np.zeros(0, np.uint64), np.zeros(0, np.uint16), np.zeros(0, np.uint16)
    first = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    counts = np.diff(np.append(first, len(key)))
    key = key[first]
    counts = np.minimum(counts, np.iinfo(np.uint16).max).astype(np.uint16)
    return key >> np.uint64(DOC_BITS), (key & np.uint64(0xFFFF)).astype(np.uint16), counts


def term_ids(texts_hashes: np.ndarray) -> np.ndarray:
    """Term ids (48-bit) of hashes from ``tokenize``, as ``count`` reports them."""
    return texts_hashes >> np.uint64(DOC_BITS)
