"""Text out: templates, terminal text, findings and reports made from model objects.

The site's pages are in `site/`; this package makes text only.
"""
