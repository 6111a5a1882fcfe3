"""Application settings, read from the environment with safe development defaults."""

import os
import secrets
from pathlib import Path

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


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY") or None
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'roster.db'}")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    INSTANCE_DIR = INSTANCE_DIR
    UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", INSTANCE_DIR / "uploads"))
    OUTBOX_DIR = Path(os.environ.get("OUTBOX_DIR", INSTANCE_DIR / "outbox"))
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "5")) * 1024 * 1024
    CV_MAX_BYTES = int(os.environ.get("CV_MAX_MB", "5")) * 1024 * 1024
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "roster@example.org")
    MAIL_SERVER = os.environ.get("MAIL_SERVER")  # unset: mail goes to the outbox folder
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    LANGUAGES = ("en", "fr", "es")
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "roster" / "translations")
    RATELIMIT_STORAGE_URI = os.environ.get("REDIS_URL", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    WTF_CSRF_TIME_LIMIT = None
    PER_PAGE = 25
    REQUEST_SUPPORT_RATE_LIMIT = os.environ.get("REQUEST_SUPPORT_RATE_LIMIT", "5 per hour")
    # The ranking index: where it is saved, whether the multilingual text model is used
    # ("auto" uses it when the `semantic` extra is installed; build the index ahead with
    # `flask build-index`), and how often the experts' signals are recomputed.
    MATCH_INDEX_DIR = os.environ.get("MATCH_INDEX_DIR") or None
    MATCH_SEMANTIC = {"auto": "auto", "on": True, "true": True, "1": True}.get(
        os.environ.get("MATCH_SEMANTIC", "off").lower(), False
    )
    MATCH_SIGNALS_TTL = float(os.environ.get("MATCH_SIGNALS_TTL", "300"))
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    TOKEN_MAX_AGE = 60 * 60 * 24 * 2  # e-mailed confirmation and reset links: two days

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

    @classmethod
    def init(cls) -> None:
        pass


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def init(cls) -> None:
        key = os.environ.get("SECRET_KEY", "")
        if len(key) < 32 or key in {"dev", "change-me", TestConfig.SECRET_KEY}:
            raise RuntimeError(
                "ProductionConfig needs SECRET_KEY in the environment (at least 32 random "
                "characters, e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`)."
            )
        cls.SECRET_KEY = key


CONFIGS = {"development": Config, "testing": TestConfig, "production": ProductionConfig}
