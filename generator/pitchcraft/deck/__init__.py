"""The pitch as an editable PowerPoint deck, made from the same `Pitch` the page shows.

- `plain`: a slide line split into sentences.
- `slides`: `Pitch` -> `Deck`, the slides a buyer sees and the notes a rep says (no I/O).
- `pptx_file`: `Deck` -> a .pptx file with python-pptx, in a company's reference deck if given.
- `site_decks`: every persona's deck of an internal site, written after the build.

Only `pptx_file` imports python-pptx, so `check` and `pitch` start without it.
"""
