"""The mark on a page that signed-out visitors may open; every other page asks them to sign in
first (roster/auth/gate.py holds that one rule for every section)."""


def public_page(view):
    """Let signed-out visitors open this page (sign-in, registration, the public forms)."""
    view.public = True
    return view
