"""Dates: temporal expressions with TimeML values normalised against the publication date.

- ``detect``: candidates from spaCy's DATE/TIME entities and patterns for what they miss,
  trimmed to TimeML extent, plus the clause tense from the parse;
- ``normalise``: TIMEX3 type, value and granularity of one expression (rules; dateparser for
  absolute forms the rules do not know);
- ``anchoring``: calendar arithmetic against the anchor (news weekday convention, year choice);
- ``lexicon``: the words, from ``data/dates.toml``;
- ``component``: the ``conflict_dates`` pipe (settings ``vague_references``,
  ``future_window_days``).
"""
