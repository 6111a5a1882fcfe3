"""The public-set benchmark's metrics, and its rows skipped (and said so) without the data."""

import math

import pytest

from bench import public


def test_ndcg_and_mrr_follow_the_sets_readme():
    grades = {"a": 2, "b": 1, "c": 0}
    assert public.ndcg_mrr(["a", "b", "c"], grades) == (pytest.approx(1.0), 1.0)
    ndcg, mrr = public.ndcg_mrr(["x", "c", "b", "a"], grades)  # x: unjudged, grade 0
    dcg = 1 / math.log2(4) + 3 / math.log2(5)  # gains 2**grade - 1 at ranks 3 and 4
    assert ndcg == pytest.approx(dcg / (3 + 1 / math.log2(3)))
    assert mrr == pytest.approx(1 / 3)


def test_without_the_data_the_rows_are_skipped_and_said_so(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ROSTER_PUBLIC_DATA", str(tmp_path))
    public.report()
    assert "rows are skipped" in capsys.readouterr().out
