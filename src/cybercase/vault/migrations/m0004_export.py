"""The vault's Ed25519 signing key (encrypted with the rest of the database) and exports."""

SQL = """
CREATE TABLE signing_keys (
    id INTEGER PRIMARY KEY,
    private_key BLOB NOT NULL,
    public_key BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    retired_at TEXT
);

CREATE TABLE exports (
    id INTEGER PRIMARY KEY,
    case_ref TEXT NOT NULL,
    kind TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    items TEXT NOT NULL,
    encrypted INTEGER NOT NULL DEFAULT 0,
    fingerprint TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX exports_case ON exports(case_ref);
"""
