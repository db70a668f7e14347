"""Showing the plan: rows for panels and exports, charts, documents."""
