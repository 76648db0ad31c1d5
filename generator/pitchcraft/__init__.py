"""Pitchcraft: insight cards in, tailored teaching pitches out."""

__version__ = "0.1.0"
