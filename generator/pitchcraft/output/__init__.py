"""Files written: the pages folder (kept up to date page by page) and its guards."""
