"""Out: text, Markdown and reports made from model objects."""
