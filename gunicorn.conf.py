"""Gunicorn settings for `make serve`, each overridable from the environment."""

import multiprocessing
import os
import re

from gunicorn.glogging import Logger

bind = os.environ.get(
    "GUNICORN_BIND", f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
# Sync workers: the app is database- and CPU-bound; 2 x cores + 1, capped so that a big
# machine does not open more database connections than PostgreSQL allows.
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 12)))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Workers are not recycled by default: each holds the ranking index, and reloading it
# (seconds on a large roster) stalls that worker's share of the traffic. Set
# GUNICORN_MAX_REQUESTS (e.g. 20000) to recycle them if memory ever creeps; jitter keeps them
# from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))
# Which proxies may set X-Forwarded-Proto and friends for gunicorn itself (the app's own
# trust is PROXY_FIX_X_*); loopback by default.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# %(U)s is the path without the query string: confirmation and reset tokens, search terms
# and other personal data in query strings never reach the logs.
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)ss "%(a)s"'


def post_worker_init(worker):
    """Load the saved ranking index before the worker takes requests (recycled workers too).

    Only a saved index is read (`flask build-index`, or any worker's last save): building one
    here could outlast the worker timeout, so without it the first match builds as before.
    """
    app = worker.wsgi
    if os.environ.get("WARM_MATCH_INDEX", "1") == "0" or not hasattr(app, "app_context"):
        return
    try:
        from roster.actions.ranking import roster_index

        with app.app_context():
            loaded = roster_index().warm()
        worker.log.info("ranking index %s", "loaded" if loaded else "not saved yet")
    except Exception:  # a cold index is slower, never a reason for a worker not to start
        worker.log.exception("could not load the ranking index ahead")


# E-mailed links carry their token in the path; the app trades it for a session at once,
# but the first request would still write it to the log. Redact those path segments.
TOKEN_PATHS = re.compile(r"^(/auth/(?:reset|confirm)/)[^/?\s]+")


class RedactingLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = TOKEN_PATHS.sub(r"\1[redacted]", atoms["U"])
        return atoms


logger_class = RedactingLogger
