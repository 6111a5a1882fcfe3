"""Thematic areas, regions and countries: the vocabularies profiles and Actions share."""

from roster.taxonomy.seed import SeedResult, seed_reference_data

__all__ = ["SeedResult", "seed_reference_data"]
