"""Sign staff in as a browser does (the sign-in form, then the second factor when asked)
and read a form's CSRF token, so that wrk sends the same session cookie and token."""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

import pyotp


class _Forms(HTMLParser):
    """Every <form>'s action and inputs (name -> value, type)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "inputs": {}})
        elif tag in ("input", "button") and self.forms and a.get("name"):
            self.forms[-1]["inputs"][a["name"]] = (a.get("value") or "", a.get("type") or "")


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar that keeps Secure cookies on plain HTTP (the server is on loopback)."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}
        self.opener = urllib.request.build_opener(_NoRedirect)

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def request(self, path: str, form: dict | None = None) -> tuple[int, str, str]:
        """(status, Location, body) of one request; redirects are not followed."""
        url = urllib.parse.urljoin(self.base, path)
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        headers = {"Cookie": self.cookie_header} if self.cookies else {}
        req = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 (loopback)
        try:
            answer = self.opener.open(req, timeout=60)
        except urllib.error.HTTPError as exc:
            answer = exc
        with answer:
            for header in answer.headers.get_all("Set-Cookie") or []:
                name, _eq, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            body = answer.read().decode("utf-8", "replace")
            return answer.status, answer.headers.get("Location", ""), body

    def submit(self, path: str, needs: str, values: dict) -> tuple[int, str, str]:
        """Fill the page's form that has the field `needs` and post it."""
        status, _loc, body = self.request(path)
        form = next((f for f in forms_of(body) if needs in f["inputs"]), None)
        if form is None:
            raise RuntimeError(f"GET {path} ({status}): no form with a field {needs!r}")
        data = {
            name: value
            for name, (value, kind) in form["inputs"].items()
            if kind not in ("submit", "checkbox")
        }
        data.update(values)
        return self.request(form["action"] or path, data)


def sign_in(base: str, email: str, password: str, totp_secret: str | None) -> Browser:
    """A browser signed in through the form, with the second factor when the app asks."""
    browser = Browser(base)
    status, location, _body = browser.submit(
        "/auth/login", "password", {"email": email, "password": password}
    )
    if status not in (302, 303):
        raise RuntimeError(f"sign-in answered {status}, not a redirect")
    if "two-factor" in location:
        if not totp_secret:
            raise RuntimeError("the app asks for a second factor and no secret is known")
        code = pyotp.TOTP(totp_secret).now()
        page = form_field = None
        _st, _loc, body = browser.request(location)
        for form in forms_of(body):
            names = [
                n
                for n, (_v, kind) in form["inputs"].items()
                if kind in ("text", "number", "tel", "")
            ]
            if names:
                page, form_field = location, names[0]
                break
        if page is None:
            raise RuntimeError(f"no code field on {location}")
        status, location, _body = browser.submit(page, form_field, {form_field: code})
        if status not in (302, 303) or "two-factor" in location:
            raise RuntimeError(f"the second factor was refused ({status} {location})")
    return browser


def csrf_token(browser: Browser, path: str) -> str:
    """The CSRF token of the form on `path` (the session's token, valid for its forms)."""
    status, _loc, body = browser.request(path)
    for form in forms_of(body):
        if "csrf_token" in form["inputs"]:
            return form["inputs"]["csrf_token"][0]
    raise RuntimeError(f"GET {path} answered {status} without a CSRF token")
