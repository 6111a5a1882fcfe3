"""An Action's team: shortlist, invitations, double booking, completion and evaluations."""
