"""Transform: choose cards for a buyer and compose the tailored teaching pitch."""

from .compose import compose_pitch
from .select import Combination, covered_combinations, nearest_combinations, rank_cards

__all__ = [
    "Combination", "compose_pitch", "covered_combinations", "nearest_combinations", "rank_cards",
]
