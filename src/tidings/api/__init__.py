"""API: the FastAPI app over a read-only event store and the dashboard's static files."""

from tidings.api.app import create_app, serve

__all__ = ["create_app", "serve"]
