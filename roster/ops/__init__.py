"""Running the service: reverse-proxy headers, backups and restores, their commands."""
