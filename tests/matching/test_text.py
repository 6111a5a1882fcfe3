"""The vectorised tokeniser, the streaming fit and a matcher that keeps no texts."""

from datetime import date

import numpy as np

from matching import Request
from matching import _tokens as tokens
from matching._text import LexicalIndex
from tests.matching.builders import expert, fit


def words(text: str) -> list[str]:
    """The tokens of one text as strings, to read the tokeniser's output."""
    _, _, starts, ends, data = tokens.tokenize([text])
    return [data[a:b].decode() for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]


def hashes(text: str):
    return tokens.tokenize([text])[0]


def test_tokens_are_lowercased_words_of_two_characters_in_any_script():
    text = "L\u2019asile, c'est «Très» bien — Éducation; Москва 2024 a b_c x"
    assert words(text) == ["asile", "est", "très", "bien", "éducation", "москва",
                                    "2024", "b_c"]  # fmt: skip


def test_same_term_same_hash_in_any_batch_and_position():
    one = hashes("asylum refugee")
    other = tokens.tokenize(["x", "Refugee: ASYLUM!", "a-very-long-word-indeed-longer-than-16"])[0]
    assert set(one) <= set(other)
    word = "averylongwordindeedlongerthansixteen"
    long = hashes(f"{word} {word[:-1]}x")
    assert long[0] != long[1]


def test_count_gives_term_major_pairs():
    (ha,), (hb,) = (tokens.term_ids(hashes(w)) for w in ("aa", "bb"))
    t2, d2, c2 = tokens.count(["bb aa bb", "aa cc", ""])
    assert (t2[1:] >= t2[:-1]).all()
    got = {(int(t), int(d)): int(c) for t, d, c in zip(t2, d2, c2, strict=True)}
    assert got[(int(hb), 0)] == 2 and got[(int(ha), 1)] == 1


def test_index_built_in_batches_scores_like_one_batch():
    texts = [f"asylum refugee case{i} border{i % 7} migration" for i in range(300)]
    whole = LexicalIndex().fit(texts)
    parts = LexicalIndex().fit_batches([texts[:100], texts[100:250], texts[250:]])
    q = whole.query("asylum border3 case7")
    assert np.allclose(whole.scores(*q), parts.scores(*parts.query("asylum border3 case7")),
                       atol=1e-3)  # fmt: skip


def test_idf_from_a_sample_keeps_later_texts_scored():
    texts = [f"asylum refugee case{i}" for i in range(50)] + ["trafficking victim case3"]
    lex = LexicalIndex(idf_sample=20).fit_batches([texts[:25], texts[25:]])
    scores = lex.scores(*lex.query("trafficking victim"))
    assert scores.argmax() == 50 and scores[50] > 0.5


def test_fit_reads_a_generator_once(roster):
    m = fit(iter(roster), chunk_size=2)
    assert m.rank(Request(text="asylum procedures"), k=1)[0].expert_id == "asylum"


def test_without_kept_texts_reasons_read_texts_passed_again(roster):
    m = fit(roster, keep_texts=False)
    req = Request(text="asylum procedures")
    bare = m.rank(req, k=1)[0]
    assert bare.expert_id == "asylum" and bare.reason("text").terms == ()
    lookup = {e.id: e.texts for e in roster}
    full = m.rank(req, k=1, texts=lookup)[0]
    assert full.score == bare.score
    assert "asylum" in full.reason("text").terms and full.reason("text").passages
    assert m.rank(req, k=1, texts=lookup.get)[0] == full
    m.update(expert("new", texts=["asylum procedures asylum procedures"]))
    assert m.rank(req, k=1)[0].expert_id == "new"


def test_without_kept_texts_reasons_teams_and_failures_read_the_arrays(roster):
    kept, bare = fit(roster), fit(roster, keep_texts=False)
    req = Request(text="asylum procedures", themes={"asylum", "trafficking"},
                  languages={"es": "B2"}, country="CR", start=date(2026, 3, 5),
                  end=date(2026, 3, 8), exclude_nationals=True)  # fmt: skip
    lookup = {e.id: e.texts for e in roster}
    assert bare.rank(req, k=None, texts=lookup) == kept.rank(req, k=None)
    for e in roster:
        assert bare.explain(req, e.id, texts=lookup) == kept.explain(req, e.id)
    assert [f.requirement for f in bare.explain(req, "asylum").failures] == ["availability"]
    req = Request(themes={"asylum", "migration-data"}, languages={"es": "B2", "fr": "C1"})
    team, same = bare.suggest_team(req, size=2), kept.suggest_team(req, size=2)
    assert team.coverage == same.coverage and team.covered == same.covered > 0.5
    assert [m.expert_id for m in team.members] == [m.expert_id for m in same.members]


def test_latent_space_reaches_texts_in_other_words_of_the_roster():
    experts = [expert(f"a{i}", texts=[f"asylum refugee protection case{i}"]) for i in range(120)]
    experts += [expert(f"c{i}", texts=[f"census statistics survey case{i}"]) for i in range(120)]
    experts += [expert("target", texts=["refugee protection"]), expert("other", texts=["census"])]
    m = fit(experts)
    assert m.lexical_.latent_ is not None
    ranked = {x.expert_id: x.score for x in m.rank(Request(text="asylum"), k=None)}
    assert ranked["target"] > 0.1 > ranked["other"]
    assert fit(experts, latent_dims=0).lexical_.latent_ is None


def test_small_rosters_have_no_latent_space(roster):
    assert fit(roster).lexical_.latent_ is None
