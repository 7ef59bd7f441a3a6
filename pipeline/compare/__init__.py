"""Comparing reports across places and years: indicators, checks, text reuse, the report page."""
