"""The protocol's bookkeeping and finer near-duplicates (issue 20, items 5 and 6).

- ``evidence_items.fhash``: the fine perceptual hash (1024 bits, hex) that tells chat
  screenshots of one layout apart (cybercase.evidence.imaging.fine_hash). Items stored
  before it have none and are compared by the old dHash/aHash rule.
- ``cases.voided_at``, ``voided_by``, ``void_reason``: a case made by mistake is voided,
  not deleted: it is closed, kept with its audit trail, and left out of the yearly figures
  and of the lists unless asked for (cybercase.cases.lifecycle).
- ``cases.reopened_at``, ``reopen_reason``: the last time a closed case was reopened and
  why (every reopening is in the audit log and on the timeline).
- ``people.phone``, ``people.email``: a parent's contact details.
"""

SQL = """
ALTER TABLE evidence_items ADD COLUMN fhash TEXT;
ALTER TABLE cases ADD COLUMN voided_at TEXT;
ALTER TABLE cases ADD COLUMN voided_by TEXT;
ALTER TABLE cases ADD COLUMN void_reason TEXT;
ALTER TABLE cases ADD COLUMN reopened_at TEXT;
ALTER TABLE cases ADD COLUMN reopen_reason TEXT;
ALTER TABLE people ADD COLUMN phone TEXT;
ALTER TABLE people ADD COLUMN email TEXT;
"""
