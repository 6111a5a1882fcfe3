"""A partner focal point's pages: their institution's requests, Actions and a new request."""
