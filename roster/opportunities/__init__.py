"""Opportunities: open calls published from an Action's activity, ranked for each expert."""
