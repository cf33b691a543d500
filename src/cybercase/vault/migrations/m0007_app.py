"""Indexes the app needs to stay fast on big vaults (50,000 evidence items).

Without an index on ``evidence_items(case_id)`` every page of a case's evidence table, and
every count, scans all items of all cases. ``(case_id, id)`` serves the pages in id order
(LIMIT/OFFSET walks the index only) and the counts.
"""

SQL = """
CREATE INDEX IF NOT EXISTS evidence_items_case ON evidence_items(case_id, id);
"""
