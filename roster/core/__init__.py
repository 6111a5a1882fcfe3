"""The ground floor every domain may import: time and column helpers. Imports nothing from roster
but the extensions."""
