"""Evidence: content-addressed blobs in chunks, items per case, described-only reports.

- ``blobs``: one row per distinct content (SHA-256), ``blob_chunks`` its bytes in 1 MiB
  chunks so a 2 GB recording streams in and out with bounded memory. While a file is being
  written its blob carries a ``staging:`` key; the final hash replaces it in the same
  transaction (one row updated, the chunks point at the blob's integer id), so a committed
  blob always has its real SHA-256 and an interrupted one leaves nothing behind.
- ``evidence_items``: one row per (case, content). Measured facts (hash, size, MIME, times,
  image properties) in their own columns; what a person *states* (who captured it, device,
  platform, URL, accounts, time shown on screen, description, offence tags) only in the
  ``stated`` JSON column, never mixed with the measured ones.
- ``minor_sexual_reports``: sexual images of minors are never stored; only a description.
"""

SQL = """
CREATE TABLE blobs (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    chunk_size INTEGER NOT NULL,
    chunks INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE blob_chunks (
    blob_id INTEGER NOT NULL REFERENCES blobs(id),
    n INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (blob_id, n)
);

-- Stored content never changes; only a staging key may be replaced by the final hash.
CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs
WHEN OLD.sha256 NOT LIKE 'staging:%'
BEGIN
    SELECT RAISE(ABORT, 'stored evidence content cannot be changed');
END;

CREATE TRIGGER blob_chunks_no_update BEFORE UPDATE ON blob_chunks
BEGIN
    SELECT RAISE(ABORT, 'stored evidence content cannot be changed');
END;

CREATE TABLE evidence_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    blob_id INTEGER NOT NULL REFERENCES blobs(id),
    -- measured
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    original_name TEXT NOT NULL,        -- display form (undecodable bytes as \\xNN)
    original_name_raw BLOB NOT NULL,    -- the name's bytes as found on disk
    extension TEXT NOT NULL,
    source_path TEXT NOT NULL,          -- display form of the path given to ingest
    file_mtime TEXT,                    -- UTC, from the file system
    ingested_at TEXT NOT NULL,          -- UTC
    ingested_by TEXT NOT NULL,
    image_width INTEGER,
    image_height INTEGER,
    image_format TEXT,
    exif_time TEXT,                     -- as written in EXIF (camera-local, no zone)
    dhash TEXT,                         -- 64-bit perceptual difference hash, hex
    ahash TEXT,                         -- 64-bit average hash, hex
    flags TEXT NOT NULL DEFAULT '[]',   -- JSON list of warnings (measured problems)
    -- stated by a person, labelled as such
    stated TEXT NOT NULL DEFAULT '{}',  -- JSON object
    -- withdrawal hides from exports, keeps the item
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdrawn_reason TEXT,
    UNIQUE (case_id, blob_id)
);
CREATE INDEX evidence_items_blob ON evidence_items(blob_id);
CREATE INDEX evidence_items_sha ON evidence_items(sha256);

CREATE TRIGGER evidence_items_measured_fixed
BEFORE UPDATE OF case_id, blob_id, sha256, size, mime, original_name, original_name_raw,
    extension, source_path, file_mtime, ingested_at, ingested_by, image_width,
    image_height, image_format, exif_time, dhash, ahash, flags
ON evidence_items
BEGIN
    SELECT RAISE(ABORT, 'the measured facts of an evidence item cannot be changed');
END;

CREATE TABLE minor_sexual_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    seen_where TEXT,
    seen_when TEXT,
    platform TEXT,
    url TEXT,
    accounts TEXT NOT NULL DEFAULT '[]',  -- JSON list
    description TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
"""
