"""Transform: choose cards for a buyer and compose the tailored teaching pitch."""

from .compose import compose_pitch, serving_cards
from .result import Part, Pitch, Ranked
from .scorecard import Column, Scorecard, scorecard
from .select import (
    CardIndex,
    Combination,
    Coverage,
    covered_combinations,
    nearest_combinations,
    rank_cards,
)

__all__ = [
    "CardIndex", "Column", "Combination", "Coverage", "Part", "Pitch", "Ranked", "Scorecard",
    "compose_pitch", "covered_combinations", "nearest_combinations",
    "rank_cards", "scorecard", "serving_cards",
]
