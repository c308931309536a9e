"""The layer that joins the parts: the `eduqa` command line and the served app (API + page).

Imports flow one way: `ingest` <- `assistant` <- `ui` / `eval` <- `eduqa`.
"""
