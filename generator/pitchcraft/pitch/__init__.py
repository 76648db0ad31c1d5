"""Transform: choose cards for a buyer and compose the tailored teaching pitch."""

from .compose import compose_pitch, scorecard
from .select import (
    CardIndex,
    Combination,
    Coverage,
    covered_combinations,
    nearest_combinations,
    rank_cards,
)

__all__ = [
    "CardIndex", "Combination", "Coverage", "compose_pitch", "covered_combinations",
    "nearest_combinations", "rank_cards", "scorecard",
]
