"""Pitchcraft's theme, shipped inside the package: Jinja2 templates and Material overrides.

Data only; `pitchcraft.theme_files` says where it is.
"""
