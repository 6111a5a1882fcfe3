"""The opportunities tests use the API tests' JSON getter too."""

from tests.api.conftest import api_get  # noqa: F401  (a fixture)
