"""Transform: what marketing should do next, from loaded content (reviews, gaps, weak cards,
alternatives no card answers)."""

from .report import (
    AlternativeReview,
    Gap,
    OwnerReviews,
    Report,
    Review,
    Thin,
    Unanswered,
    build_report,
)

__all__ = ["AlternativeReview", "Gap", "OwnerReviews", "Report", "Review", "Thin",
           "Unanswered", "build_report"]
