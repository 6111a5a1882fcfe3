"""The communities' answers to what experts and auth announce (roster/experts/signals.py for
an expert, roster/auth/signals.py for an account without an expert profile: a focal point)."""

from roster.auth.signals import account_data_asked, account_erased
from roster.communities.privacy import community_data, forget_member
from roster.experts.models import Expert
from roster.experts.signals import expert_erased, personal_data_asked


def member_data(expert: Expert, **_) -> dict:
    """The person's posts, memberships, registrations and notifications."""
    if expert.user_id is None:
        return {"communities": {}, "notifications": {}}
    return community_data(expert.user_id)


def forget_expert(expert: Expert, **_) -> None:
    """Empty the person's posts (the threads read on) and forget the rest of them."""
    if expert.user_id is not None:
        forget_member(expert.user_id)


def account_member_data(user, **_) -> dict:
    """The same share for an account without an expert profile."""
    return community_data(user.id)


def forget_account_member(user, **_) -> None:
    """Erase such an account from the communities exactly as an expert is."""
    forget_member(user.id)


def connect() -> None:
    """Answer the experts' and auth's signals."""
    personal_data_asked.connect(member_data)
    expert_erased.connect(forget_expert)
    account_data_asked.connect(account_member_data)
    account_erased.connect(forget_account_member)
