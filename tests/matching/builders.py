"""Builders for the matching tests: experts and lexical-only matchers."""

from matching import Expert, Matcher

REGIONS = {"CR": "latin-america", "PA": "latin-america", "BJ": "west-africa", "SN": "west-africa"}


def expert(id="e", **kw) -> Expert:
    """An Expert with the given fields and nothing else."""
    return Expert(id=id, **kw)


def fit(experts, **kw) -> Matcher:
    """A lexical-only matcher (the semantic extra, if installed, is tested apart)."""
    kw.setdefault("semantic", False)
    kw.setdefault("regions", REGIONS)
    return Matcher(**kw).fit(experts)
