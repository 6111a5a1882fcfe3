"""What the actions domain asks the domains built on it, without importing them."""

from blinker import Namespace

_signals = Namespace()

# Asked by Find experts with action= and activity= (None for the whole Action): each receiver
# answers {expert_id: [interest, ...]} for the experts who said they are interested in working
# on it (opportunities: an open call's interest, with .note, .created_at and .call.title).
interest_asked = _signals.signal("interest-asked")


def interest_in(action, activity=None) -> dict[int, list]:
    """Who expressed interest in the Action (or one of its activities), per expert id."""
    found: dict[int, list] = {}
    for _receiver, answer in interest_asked.send(None, action=action, activity=activity):
        for expert_id, items in answer.items():
            found.setdefault(expert_id, []).extend(items)
    return found
