"""`pitchcraft serve`: a preview that rebuilds only what a save changed."""
