"""Where: the gazetteer and toponym resolution (find_places, event_place)."""

from tidings.where.gazetteer import Candidate, Gazetteer
from tidings.where.resolve import event_place, find_places

__all__ = ["Candidate", "Gazetteer", "event_place", "find_places"]
