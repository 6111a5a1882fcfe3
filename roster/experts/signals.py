"""What experts announce to the domains built on them, without importing them."""

from blinker import Namespace

_signals = Namespace()

# Sent with the Expert whose personal data was just erased (in the session, not committed):
# a domain forgets what it holds about that person (toolkit: the name on certificates).
expert_erased = _signals.signal("expert-erased")

# Asked with the Expert whose copy of their data is being made ("Download my data"): each
# receiver answers {section: JSON-ready data} with what its domain holds about that person,
# and nothing about anyone else.
personal_data_asked = _signals.signal("personal-data-asked")
