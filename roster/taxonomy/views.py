"""Views of the taxonomy area."""

from flask import Blueprint

bp = Blueprint("taxonomy", __name__, url_prefix="/taxonomy")
