"""HTTP API and dashboard: ``create_app(db_path)`` builds the FastAPI application."""

from .app import create_app

__all__ = ["create_app"]
