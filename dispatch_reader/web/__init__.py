"""The web page and JSON API (`dispatch-reader serve`): FastAPI app in app.py, auth in auth.py."""
