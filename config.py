"""Application settings, read from the environment with safe development defaults."""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("ROSTER_INSTANCE_DIR", BASE_DIR / "instance"))


def _dev_secret_key() -> str:
    """Generate a key once into instance/ so sessions survive restarts in development."""
    path = INSTANCE_DIR / "secret_key"
    if not path.exists():
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Hosting platforms still hand out the old scheme; SQLAlchemy wants the driver named.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _production_base_url(url: str) -> str:
    """The public https:// address that e-mailed links start with, or a refusal to start."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.netloc or parts.query or parts.fragment:
        raise RuntimeError(
            "ProductionConfig needs EXTERNAL_BASE_URL, the public https:// address of the site "
            "(e.g. https://roster.example.org): links in e-mails start with it. It is not taken "
            "from requests, whose Host header a sender can forge."
        )
    return url.strip().rstrip("/")


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'roster.db'}")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    INSTANCE_DIR = INSTANCE_DIR
    UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", INSTANCE_DIR / "uploads"))
    OUTBOX_DIR = Path(os.environ.get("OUTBOX_DIR", INSTANCE_DIR / "outbox"))
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "5")) * 1024 * 1024
    CV_MAX_BYTES = int(os.environ.get("CV_MAX_MB", "5")) * 1024 * 1024
    # Uploaded PDFs are read in a child process with these bounds (wall clock and CPU seconds,
    # address space); a CV whose text takes longer is kept without its text. At most
    # PDF_EXTRACT_CONCURRENCY readings at once per host (unset: half the cores); a request
    # waits PDF_EXTRACT_QUEUE_SECONDS for its turn, then is asked to try again. Uploads per
    # account are limited (all upload forms together). See docs/security.md.
    PDF_EXTRACT_SECONDS = float(os.environ.get("PDF_EXTRACT_SECONDS", "8"))
    PDF_EXTRACT_MEMORY_MB = int(os.environ.get("PDF_EXTRACT_MEMORY_MB", "512"))
    PDF_EXTRACT_CONCURRENCY = int(os.environ.get("PDF_EXTRACT_CONCURRENCY", "0")) or None
    PDF_EXTRACT_QUEUE_SECONDS = float(os.environ.get("PDF_EXTRACT_QUEUE_SECONDS", "2"))
    UPLOAD_RATE_LIMIT = os.environ.get("UPLOAD_RATE_LIMIT", "6 per minute;60 per hour")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "roster@example.org")
    MAIL_SERVER = os.environ.get("MAIL_SERVER")  # unset: mail goes to the outbox folder
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    # Where people write to use their data rights (the privacy notice); unset: MAIL_SENDER.
    PRIVACY_CONTACT = os.environ.get("PRIVACY_CONTACT") or None
    # The public address that links in e-mails start with (https://roster.example.org, with any
    # path prefix). Unset in development: links follow the host and port serving the request.
    # Required in production (ProductionConfig.init).
    EXTERNAL_BASE_URL = os.environ.get("EXTERNAL_BASE_URL") or None
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "roster" / "translations")
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Redis shares the limits between app hosts. If it goes down, the limits fall back to
    # each process's memory (logged) rather than refusing every sign-in: still a limit,
    # per process. Short timeouts so that a dead Redis never holds a request for long.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_STORAGE_OPTIONS = (
        {
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            "key_prefix": os.environ.get("RATELIMIT_KEY_PREFIX", "roster-limits"),
        }
        if os.environ.get("REDIS_URL")
        else {}
    )
    # Number of reverse proxies in front of the app for each X-Forwarded-* header (0: trust none).
    PROXY_FIX_X_FOR = int(os.environ.get("PROXY_FIX_X_FOR", "0"))
    PROXY_FIX_X_PROTO = int(os.environ.get("PROXY_FIX_X_PROTO", "0"))
    PROXY_FIX_X_HOST = int(os.environ.get("PROXY_FIX_X_HOST", "0"))
    PROXY_FIX_X_PORT = int(os.environ.get("PROXY_FIX_X_PORT", "0"))
    PROXY_FIX_X_PREFIX = int(os.environ.get("PROXY_FIX_X_PREFIX", "0"))
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    WTF_CSRF_TIME_LIMIT = None
    PER_PAGE = 25
    REQUEST_SUPPORT_RATE_LIMIT = os.environ.get("REQUEST_SUPPORT_RATE_LIMIT", "5 per hour")
    # How long the author of a community post may still edit it (docs/communities.md).
    COMMUNITY_EDIT_MINUTES = int(os.environ.get("COMMUNITY_EDIT_MINUTES", "30"))
    # The ranking index: where it is saved, whether the text models are used ("auto" uses
    # them when the `semantic` extra is installed: profiles rank on words until a background
    # thread, or `flask build-index`, has encoded their texts; docs/matching.md), whether
    # workers encode in the background (else only `flask build-index` does), and how often
    # the experts' signals are recomputed.
    MATCH_INDEX_DIR = os.environ.get("MATCH_INDEX_DIR") or None
    MATCH_SEMANTIC = {"auto": "auto", "on": True, "true": True, "1": True}.get(
        os.environ.get("MATCH_SEMANTIC", "off").lower(), False
    )
    MATCH_ENCODE_BACKGROUND = os.environ.get("MATCH_ENCODE_BACKGROUND", "on").lower() in (
        "on",
        "true",
        "1",
    )
    MATCH_SIGNALS_TTL = float(os.environ.get("MATCH_SIGNALS_TTL", "300"))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    TOKEN_MAX_AGE = 60 * 60 * 24 * 2  # e-mailed confirmation and reset links: two days
    # Accounts security: the roles that must use a second factor, session limits, lockout.
    TWO_FACTOR_ROLES = tuple(
        r.strip() for r in os.environ.get("TWO_FACTOR_ROLES", "staff,admin").split(",") if r.strip()
    )
    DEMO_TOTP_HINT = True  # the demo accounts' sign-in page shows their current code
    # `flask seed-demo` and the published demo password work only where this is on.
    DEMO_DATA_ALLOWED = True
    # The key that encrypts two-factor secrets at rest (Fernet, urlsafe base64 of 32 bytes);
    # unset, one is derived from SECRET_KEY with HKDF.
    TOTP_ENCRYPTION_KEY = os.environ.get("TOTP_ENCRYPTION_KEY") or None
    SESSION_LIFETIME_HOURS = float(os.environ.get("SESSION_LIFETIME_HOURS", "12"))
    SESSION_IDLE_MINUTES = float(os.environ.get("SESSION_IDLE_MINUTES", "60"))
    LOCKOUT_THRESHOLD = int(os.environ.get("LOCKOUT_THRESHOLD", "5"))
    LOCKOUT_MINUTES = float(os.environ.get("LOCKOUT_MINUTES", "15"))

    @classmethod
    def init(cls) -> None:
        """Fill development defaults that need the file system."""
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = _dev_secret_key()


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_ENABLED = False
    SERVER_NAME = None
    DEMO_TOTP_HINT = False

    @classmethod
    def init(cls) -> None:
        pass


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    # __Host-: the browser keeps these cookies only if Secure, for "/" and this host alone.
    SESSION_COOKIE_NAME = "__Host-session"
    REMEMBER_COOKIE_NAME = "__Host-remember"
    # The session stays Lax: an e-mailed link (a cross-site visit) must carry it, or the
    # token it stashes is lost. The remember cookie may be Strict: it only restores a session.
    REMEMBER_COOKIE_SAMESITE = "Strict"
    STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"  # two years
    # A database error logged in production names the statement, never its values
    # (password hashes, CV text, personal data).
    SQLALCHEMY_ENGINE_OPTIONS = {**Config.SQLALCHEMY_ENGINE_OPTIONS, "hide_parameters": True}
    PREFERRED_URL_SCHEME = "https"
    DEMO_TOTP_HINT = False
    DEMO_DATA_ALLOWED = False

    @classmethod
    def init(cls) -> None:
        key = os.environ.get("SECRET_KEY", "")
        if len(key) < 32 or key in {"dev", "change-me", TestConfig.SECRET_KEY}:
            raise RuntimeError(
                "ProductionConfig needs SECRET_KEY in the environment (at least 32 random "
                "characters, e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)."
            )
        cls.SECRET_KEY = key
        url = os.environ.get("DATABASE_URL", "")
        sqlite = not url or url.startswith("sqlite")
        if sqlite and not os.environ.get("ALLOW_SQLITE_IN_PRODUCTION"):
            raise RuntimeError(
                "ProductionConfig needs DATABASE_URL pointing at PostgreSQL "
                "(postgresql://user:password@host/name); SQLite serves one host only. "
                "Set ALLOW_SQLITE_IN_PRODUCTION=1 to run on SQLite anyway."
            )
        cls.EXTERNAL_BASE_URL = _production_base_url(os.environ.get("EXTERNAL_BASE_URL", ""))


CONFIGS = {"development": Config, "testing": TestConfig, "production": ProductionConfig}
