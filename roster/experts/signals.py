"""What experts announce to the domains built on them, without importing them."""

from blinker import Namespace

_signals = Namespace()

# Sent with the Expert whose personal data was just erased (in the session, not committed):
# a domain forgets what it holds about that person (toolkit: the name on certificates).
expert_erased = _signals.signal("expert-erased")
