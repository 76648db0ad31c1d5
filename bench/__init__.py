"""Pitchcraft's benchmark: scripts that measure, JSON files of what they measured, and
`bench/run.py`, which renders RESULTS.md from that JSON (and re-measures, when asked).

The scripts import each other as this package: run them from the repository's root as
`python -m bench.NAME` (`python -m bench.run` works too).
"""
