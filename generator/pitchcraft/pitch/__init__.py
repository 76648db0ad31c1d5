"""Transform: choose cards for a buyer and compose the tailored teaching pitch."""

from .compose import compose_pitch, scorecard, serving_cards
from .result import Factor, Part, Pitch, Ranked
from .select import (
    CardIndex,
    Combination,
    Coverage,
    covered_combinations,
    nearest_combinations,
    rank_cards,
)

__all__ = [
    "CardIndex", "Combination", "Coverage", "Factor", "Part", "Pitch", "Ranked",
    "compose_pitch", "covered_combinations", "nearest_combinations",
    "rank_cards", "scorecard", "serving_cards",
]
