"""The mark on a page that signed-out visitors may open; every other page asks them to sign in
first (roster/auth/gate.py holds that one rule for every section)."""


def public_page(view):
    """Let signed-out visitors open this page (sign-in, registration, the public forms)."""
    view.public = True
    return view


def signed_link(view):
    """This page acts on a signed link that is its own secret (a digest's unsubscribe): a
    signed-out caller, such as a mail program's one-click POST, needs no CSRF token."""
    view.signed_link = True
    return view
