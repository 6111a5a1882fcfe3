"""A small hand-made roster for the matching library's tests."""

from datetime import date

import pytest

from tests.matching.builders import expert


@pytest.fixture
def roster():
    return [
        expert(
            "asylum",
            texts=[
                "Lawyer specialised in asylum procedures and refugee status determination.",
                "Trained border officials on international protection and non-refoulement.",
            ],
            themes={"asylum": "senior", "border-management": "working"},
            languages={"en": "native", "es": "C1", "fr": "B1"},
            countries={"CR", "SN"},
            nationality="FR",
            unavailable=[(date(2026, 3, 1), date(2026, 3, 20))],
            signals={"evaluation": 0.9, "training": 1.0, "workload": 0.2},
        ),
        expert(
            "trafficking",
            texts=["Counter-trafficking specialist: victim identification and referral."],
            themes={"trafficking": "experienced"},
            languages={"en": "C2", "es": "B2"},
            countries={"PA"},
            nationality="CR",
        ),
        expert(
            "data",
            texts=["Migration statistician working on census data and household surveys."],
            themes={"migration-data": "senior"},
            languages={"fr": "native", "en": "B2"},
            countries={"BJ"},
        ),
        expert("bare", texts=["Public health officer, migrants' access to health services."]),
    ]
