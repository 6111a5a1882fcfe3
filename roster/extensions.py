"""Flask extensions, created unbound and bound in the factory; imports nothing from roster."""

import sqlalchemy as sa
from flask import current_app, request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic drop and alter them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def account_key() -> str:
    """Rate-limit key: the signed-in account (wherever it connects from), else the address."""
    if current_user and current_user.is_authenticated:
        return f"account:{current_user.id}"
    return get_remote_address()


def _no_file_sent() -> bool:
    return not any(upload.filename for upload in request.files.values())


def _upload_limit() -> str:
    return current_app.config["UPLOAD_RATE_LIMIT"]


# One allowance per account for every upload (CV, Action documents, toolkit files, CSV
# import): reading a PDF costs a child process, so a burst is refused with 429 (the error
# page says when to try again). Posts without a file (saving another profile step) do not
# count.
upload_limit = limiter.shared_limit(
    _upload_limit,
    scope="uploads",
    key_func=account_key,
    exempt_when=_no_file_sent,
    methods=["POST"],
)
