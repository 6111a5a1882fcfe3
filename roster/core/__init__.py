"""The ground floor every domain may import: time, columns, CSV downloads, list filter forms.
Imports nothing from roster but the extensions."""
