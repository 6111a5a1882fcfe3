"""What taxonomy asks the domains that use its vocabularies, without importing them."""

from collections import Counter

from blinker import Namespace

_signals = Namespace()

# Asked with theme_ids (None: every theme): each receiver answers {theme_id: experts}.
theme_usage = _signals.signal("theme-usage")

# Asked with country codes: each receiver answers how many experts work in any of them.
country_usage = _signals.signal("country-usage")


def experts_per_theme(theme_ids=None) -> dict[int, int]:
    """How many experts have each theme in their profile."""
    counts: Counter = Counter()
    for _receiver, answer in theme_usage.send(None, theme_ids=theme_ids):
        counts.update(answer)
    return dict(counts)


def experts_in_countries(codes) -> int:
    """How many experts work in any of these countries."""
    return sum(answer for _receiver, answer in country_usage.send(None, codes=list(codes)))
