"""Partner requests (the public form and the staff's triage) and partner institutions."""
