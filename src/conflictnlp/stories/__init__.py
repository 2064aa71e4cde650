"""Stories across outlets: the same incident, quotes, claims and figures in several reports."""

from .compare import StoryComparer, compare
from .similarity import Similarity

__all__ = ["Similarity", "StoryComparer", "compare"]
