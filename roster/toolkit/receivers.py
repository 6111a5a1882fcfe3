"""The toolkit's answers to what experts announce (see roster/experts/signals.py)."""

from roster.experts.models import Expert
from roster.experts.signals import expert_erased
from roster.toolkit.services import anonymise_certificates


def forget_certificate_holder(expert: Expert, **_) -> None:
    """Certificates stay verifiable (the code is public), but name no one any more."""
    if expert.user_id is not None:
        anonymise_certificates(expert.user_id)


def connect() -> None:
    """Answer the experts' signals."""
    expert_erased.connect(forget_certificate_holder)
