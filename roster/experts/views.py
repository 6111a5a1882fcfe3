"""Views of the experts area."""

from flask import Blueprint

bp = Blueprint("experts", __name__, url_prefix="/experts")
