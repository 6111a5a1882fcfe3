"""`make load`: the app under gunicorn on a roster of 10,000 experts, driven by wrk.

``python -m bench.load`` creates a throwaway database, seeds it (seed.py), builds the
ranking index, starts gunicorn (server.py), runs each wrk scenario (wrk.py and scripts/),
checks that every successful profile update was stored, prints the table and exits
non-zero when a target is missed (report.py). Everything it starts it stops again.
"""
