"""The vault's own tables: metadata, users and their slot keys, the audit chain, cases."""

SQL = """
CREATE TABLE schema_migrations (
    number INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('coordinator', 'ict', 'viewer')),
    slot_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);

-- The random key behind each keyslot, so rekey can re-wrap the master key for everyone.
CREATE TABLE slot_keys (
    slot_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('user', 'recovery')),
    user TEXT NOT NULL,
    slot_key BLOB NOT NULL
);

CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    case_ref TEXT,
    details_digest TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_case ON audit(case_ref);
CREATE INDEX audit_actor ON audit(actor);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- Details can be erased (retention purge) but never changed.
CREATE TABLE audit_details (
    seq INTEGER PRIMARY KEY,
    salt BLOB NOT NULL,
    details TEXT NOT NULL
);

CREATE TRIGGER audit_details_no_update BEFORE UPDATE ON audit_details
BEGIN
    SELECT RAISE(ABORT, 'audit details cannot be changed, only erased');
END;

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    group_name TEXT,
    phase INTEGER NOT NULL CHECK (phase BETWEEN 1 AND 6),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    outcome TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT
);
"""
