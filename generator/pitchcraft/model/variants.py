"""A card section with its `### For:` variants, and the one rule for which variant a buyer
hears. Part of the model (re-exported by `model`); kept apart to keep each module small."""

from __future__ import annotations

from dataclasses import dataclass, field


def variant_key(persona: str, industry: str) -> str:
    """The key of a `### For: <persona> in <industry>` variant."""
    return f"{persona} in {industry}"


def split_variant_key(key: str) -> tuple[str, str]:
    """('cfo', 'cold-storage') for 'cfo in cold-storage'; (key, '') for a single id, which
    names a persona or an industry (the taxonomy says which)."""
    persona, sep, industry = key.partition(" in ")
    return (persona, industry) if sep else (key, "")


@dataclass(frozen=True)
class Section:
    """A `##` section of a card: general text plus replacements for some buyers.

    `variants` are keyed as written after `### For:`: a persona id, an industry id, or
    'persona in industry'.
    """

    name: str
    text: str
    variants: dict[str, str] = field(default_factory=dict)
    line: int = 0

    def variant_for(self, persona: str, industry: str) -> str:
        """The key of the variant this buyer hears, '' for the general text.

        The one precedence rule: persona in industry > persona > industry > general text.
        """
        for key in (variant_key(persona, industry), persona, industry):
            if key in self.variants:
                return key
        return ""

    def for_buyer(self, persona: str, industry: str) -> str:
        key = self.variant_for(persona, industry)
        return self.variants[key] if key else self.text

    def written_for(self, persona: str, industry: str) -> bool:
        """Has a variant for this persona, alone or in this industry."""
        return persona in self.variants or variant_key(persona, industry) in self.variants
