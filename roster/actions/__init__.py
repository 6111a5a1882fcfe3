"""Partner requests, Actions, activities and assignments, and finding experts for them.

blueprint.py lists every URL of the domain. Inside: requests/ (partner requests and
institutions), activities/ (Actions, their activities and documents), team/ (shortlists,
invitations, bookings and evaluations), ranking/ (the finding-experts service, the only
bridge to matching/), models/ (the tables). Shared by them: states, workflow (the rule book
of every move), fields, queries, saving, notify; figures serve the reports.
"""
