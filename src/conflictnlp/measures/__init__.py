"""Measures: quantities and distances, normalised (distances to metres).

Design decisions (see ``component.py``, ``quantities.py``, ``distances.py`` and
``data/measures.toml``):

- quantulum3 finds numbers and units; every result is filtered (clock times, "24/7", dates,
  years and numbers inside names are no quantities) and completed from the spaCy parse: the
  currency symbol or code beside the number, the counted noun (``concept``), approximators.
  Every change made to quantulum3 itself (to make it faster, never to change its answers) is in
  ``quantulum.py``.
- Every unit conversion is pint's, in ``units.py`` (a distance's metres, ``compare``'s tonnes
  against short tons); a length unit pint does not know is an error in the record's
  ``errors`` and stays a quantity, never a distance of 0 m.
- A single length is reported once, as a distance (``m1``...) in metres, with its bracketed
  restatements in ``also``; it is not repeated among the quantities (``n1``...). A range of
  lengths ("eight to 10 feet") is no single distance and stays a quantity with ``value_max``.
- A distance's ``reference`` is the noun phrase after "from"/"off"/"into"..., or after "of"
  following a direction ("north of") or "within"; its ``subject`` (only given with a
  reference) is the phrase the distance is set off from or follows, else the subject of the
  verb it modifies.
- Ages ("28-year-old", "aged 28") are durations whose concept is ``"age"``.
- A count of people to whom something happened carries a casualty reading (``casualties.py``,
  ``toll_tree.py``, ``data/casualties.toml``): role, who, bound, low/high, cue, cumulative,
  part. It is the one casualty reader: ``compare`` reads ``Quantity.casualty`` only.
- Ordinals ("13th", "13TH", "third") are never quantities, so never tolls nor units. Counts of people and
  of named groups never get a physical unit ("13 S.African soldiers", "2 FACA").
"""
