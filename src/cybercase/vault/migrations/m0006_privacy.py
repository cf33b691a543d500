"""Privacy (AVG): per-case access lists, corrections, access requests, deletion receipts.

- ``case_access``: a case with rows here is restricted to the named users (see
  cybercase/privacy/access.py); no rows means every user with the role's permissions.
- ``corrections``: the history of rectified facts (old value, new value, who, when, why).
  It holds personal data, so it carries ``case_id`` and goes with the case on purge.
- ``subject_requests``: access requests of parents (due within four weeks; in the agenda).
- ``deletion_receipts``: what a retention purge removed. Deliberately NOT tied to a case
  (no ``case_id``/``case_ref`` column, no foreign key) and free of personal data: the case
  reference, dates, counts per table and the SHA-256 of each removed evidence item.
"""

SQL = """
CREATE TABLE case_access (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    user TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    PRIMARY KEY (case_id, user)
);

CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    table_name TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    by TEXT NOT NULL
);
CREATE INDEX corrections_row ON corrections(table_name, row_id);
CREATE INDEX corrections_case ON corrections(case_id);

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN
    SELECT RAISE(ABORT, 'the correction history cannot be changed');
END;

CREATE TABLE subject_requests (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    received_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    done_at TEXT,
    done_by TEXT,
    export_sha256 TEXT
);
CREATE INDEX subject_requests_open ON subject_requests(done_at, due_on);

CREATE TABLE deletion_receipts (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    delete_after TEXT,
    retention_days INTEGER,
    purged_at TEXT NOT NULL,
    purged_by TEXT NOT NULL,
    counts TEXT NOT NULL,            -- JSON {table: rows removed}
    evidence TEXT NOT NULL,          -- JSON [{"id", "sha256", "size"}]
    audit_details_erased INTEGER NOT NULL
);

CREATE TRIGGER deletion_receipts_no_update BEFORE UPDATE ON deletion_receipts
BEGIN
    SELECT RAISE(ABORT, 'a deletion receipt cannot be changed');
END;

CREATE TRIGGER deletion_receipts_no_delete BEFORE DELETE ON deletion_receipts
BEGIN
    SELECT RAISE(ABORT, 'a deletion receipt cannot be removed');
END;
"""
