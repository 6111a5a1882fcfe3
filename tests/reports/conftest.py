"""Fixtures for the reports' tests."""

import pytest


@pytest.fixture
def ctx(app):
    """A request context, for calling the report functions (labels follow its locale) directly."""
    with app.test_request_context("/?lang=en"):
        yield
