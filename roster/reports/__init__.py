"""Reports for staff: the dashboard, the year in review, the coverage of the roster, exports.

The figures build on roster.actions.figures, which defines what the annual report counts
("implemented in year Y", "concluded", "held", "received", "became an Action").
"""
