"""What an edit to the content does to the pitches: the model diff between two revisions, the
history of recent content commits, and the pages and feeds made from it."""

from .diff import ModelDiff, diff, public_view
from .snapshot import Snapshot, snapshot

__all__ = ["ModelDiff", "Snapshot", "diff", "public_view", "snapshot"]
