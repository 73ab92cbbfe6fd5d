"""Bundled event-coding tables and dictionaries (see scripts/convert_event_tables.py and NOTICE)."""
