"""The pitch as editable PowerPoint decks, made from the same `Pitch` the page shows.

- `slides`: `Pitch` -> `Deck` for one output (`model.outputs`): a presenter copy (the talk
  track in the speaker notes) or a leave-behind (no notes), both buyer-facing (no I/O).
- `fit`: how large a text may be set to stay inside its box, in any client.
- `layout`: the deck's own 16:9 geometry, and text set at the size that fits.
- `pptx_file`: `Deck` -> a .pptx file with python-pptx, in a company's reference deck if given.
- `reference_deck`: a company's reference deck, made safe to open and cut down to its look.

Only `pptx_file` and `layout` import python-pptx, so `check` and `pitch` start without it.
"""
