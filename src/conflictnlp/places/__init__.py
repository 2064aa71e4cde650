"""Places: toponym detection and offline resolution to coordinates and country."""
