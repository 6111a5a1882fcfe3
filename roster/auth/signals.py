"""What auth announces to the domains built on it, and asks them, without importing them."""

from blinker import Namespace

_signals = Namespace()

# Sent with the new User (added to the session, not flushed) and its first_name and
# last_name: a domain adds what such an account needs (experts: a draft profile).
account_created = _signals.signal("account-created")

# Asked with user_ids: each receiver answers {user_id: profile}, a profile having .id and .name.
profiles_of = _signals.signal("profiles-of")

# Asked with the User whose copy of their data is being made, for an account no expert profile
# speaks for (a partner's focal point; experts have experts/signals.py): each receiver answers
# {section: JSON-ready data} with what its domain holds about that person, nothing of others.
account_data_asked = _signals.signal("account-data-asked")

# Sent with such a User being erased (in the session, not committed): each domain forgets
# what it holds about the person (communities: posts emptied in place, memberships deleted).
account_erased = _signals.signal("account-erased")

# Asked with a lower-case LIKE pattern: each receiver answers a SELECT of user ids whose
# person's name matches it.
users_named = _signals.signal("users-named")


def profiles(user_ids) -> dict:
    """The person behind each of these accounts, where a domain keeps one."""
    found: dict = {}
    for _receiver, answer in profiles_of.send(None, user_ids=list(user_ids)):
        found.update(answer)
    return found


def named(pattern: str) -> list:
    """SELECTs of the user ids whose person's name matches the LIKE pattern."""
    return [answer for _receiver, answer in users_named.send(None, pattern=pattern)]
