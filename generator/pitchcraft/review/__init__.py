"""Transform: what marketing should do next, from loaded content (reviews, gaps, weak cards)."""

from .report import Gap, OwnerReviews, Report, Review, Thin, build_report

__all__ = ["Gap", "OwnerReviews", "Report", "Review", "Thin", "build_report"]
