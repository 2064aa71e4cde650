"""Dates: temporal expressions with TimeML values normalised against the publication date."""
