"""The text index is scikit-learn's TF-IDF, streamed: the same cosines as TfidfVectorizer.

The library re-implements the weighting only to fit a million profiles in batches without
a Python string per token; on texts the reference can hold, the numbers must agree.
"""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from matching._text import LexicalIndex

WORDS = [
    "asylum",
    "reception",
    "procedure",
    "border",
    "management",
    "trafficking",
    "victims",
    "referral",
    "labour",
    "migration",
    "return",
    "reintegration",
    "diaspora",
    "statistics",
    "data",
    "protection",
    "children",
    "guardians",
    "interview",
    "training",
    "curriculum",
    "judges",
    "police",
    "coast",
    "guard",
    "visa",
    "policy",
    "integration",
    "legal",
    "pathways",
    "resettlement",
    "identification",
    "screening",
    "vulnerable",
    "persons",
    "registry",
    "biometrics",
    "ministry",
    "agency",
    "capacity",
    "assessment",
    "workshop",
    "regional",
    "dialogue",
    "cooperation",
    "évaluation",
    "procédure",
    "protección",
    "víctimas",
    "trata",
    "formación",
]


def corpus(n: int, seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    return [
        " ".join(rng.choice(WORDS, size=rng.integers(8, 60))) + f". Ref {i}, l'asile."
        for i in range(n)
    ]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cosines_equal_scikit_learns_tfidf(seed):
    texts = corpus(200, seed)
    ours = LexicalIndex(sublinear_tf=True, max_df=0.5).fit(texts)
    reference = TfidfVectorizer(sublinear_tf=True, max_df=0.5, dtype=np.float64)
    matrix = reference.fit_transform(texts)
    # Requests in the corpus' words: a word the roster never uses is dropped by the
    # reference but, on purpose, still weighs in our request's norm (see LexicalIndex).
    for request in (
        "asylum procedure interview training judges",
        "trafficking victims identification referral, protección víctimas",
        "border management biometrics registry visa policy",
    ):
        want = (matrix @ reference.transform([request]).T).toarray().ravel()
        cols, vals = ours.query(request)
        got = ours.scores(cols, vals)
        assert want.max() > 0.2  # the request does meet the texts
        np.testing.assert_allclose(got, want, atol=5e-4)  # weights are stored as float16


def test_a_word_unknown_to_the_roster_lowers_every_cosine_alike():
    texts = corpus(200, 0)
    ours = LexicalIndex(sublinear_tf=True, max_df=0.5).fit(texts)
    known = ours.scores(*ours.query("asylum procedure interview"))
    diluted = ours.scores(*ours.query("asylum procedure interview zzyzx"))
    ratio = diluted[known > 0] / known[known > 0]
    assert np.allclose(ratio, ratio[0]) and 0.3 < ratio[0] < 0.95  # same order, lower scores
