"""Measures: quantities and distances, normalised (distances to metres)."""
