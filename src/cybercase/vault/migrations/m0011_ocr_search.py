"""Text from images (OCR) and the full-text search index (issue 17).

- ``ocr_jobs``: the job list. Every image item gets a job in the transaction that
  inserts it (a trigger, so ingest, chat media and any later writer queue alike, and an
  ingest never waits for OCR). A worker claims a job (``running``, its ``worker`` name and
  a lease), stores the reading and marks it ``done``, or ``failed`` with a reason. A job
  whose worker died (its lease ran out, or its process is gone) is claimed again.
  Automatic queueing can be switched off with ``meta.ocr_auto = 'off'`` (benchmarks).
- ``ocr_readings``: the *derived* reading of one item: its text, each word with its box,
  confidence and block/paragraph/line/word numbers (JSON), the engine, its version, the
  languages and settings, when and by whom it was made. The original is never touched.
- ``ocr_fts``, ``chat_fts``: FTS5 indexes over the OCR text and the chat messages
  (external content: the text is stored once, in its own table; triggers keep them). The
  messages of an export are indexed together when its ``chat_exports`` row is inserted,
  which the importer writes after the messages (one statement instead of a trigger per
  message: 25x faster on a 40,000-message export).
- ``text_fts``: FTS5 over the short texts (case titles and groups, people's names,
  evidence descriptions, account handles and names and notes, triage and support-group
  notes); its rowid is ``id * 16 + kind`` so a row is replaced by rowid; ``kind`` is an
  indexed column so a search names it in the query (``kind : "person" AND body : (...)``)
  instead of filtering every match afterwards. Kept by triggers.

All in the encrypted database. Tokenizer: ``unicode61 remove_diacritics 2`` (``een``
finds ``één``), prefix queries with ``*``.
"""

from __future__ import annotations

from cybercase.core.timeutil import now_iso
from cybercase.vault.db import Connection

SQL = """
CREATE TABLE ocr_jobs (
    item_id INTEGER PRIMARY KEY REFERENCES evidence_items(id),
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    queued_at TEXT NOT NULL,            -- UTC
    queued_by TEXT NOT NULL,            -- the user whose ingest queued it, or 'system'
    worker TEXT,                        -- host:pid:token of the worker holding it
    lease_until TEXT,                   -- UTC; a running job past it is claimed again
    attempts INTEGER NOT NULL DEFAULT 0,
    finished_at TEXT,
    reason TEXT                         -- why it failed (one line)
);
CREATE INDEX ocr_jobs_state ON ocr_jobs(state, item_id);

CREATE TABLE ocr_readings (
    item_id INTEGER PRIMARY KEY REFERENCES evidence_items(id),
    text TEXT NOT NULL,
    words TEXT NOT NULL,                -- JSON [[text, left, top, width, height, conf,
                                        --        block, par, line, word], ...]
    mean_conf REAL,
    engine TEXT NOT NULL,
    version TEXT NOT NULL,
    languages TEXT NOT NULL,
    settings TEXT NOT NULL,             -- JSON: psm, oem, colour, what was fed to it
    made_at TEXT NOT NULL,              -- UTC
    made_by TEXT NOT NULL
);

CREATE TRIGGER evidence_items_ocr_queue AFTER INSERT ON evidence_items
WHEN NEW.mime LIKE 'image/%'
    AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'ocr_auto' AND value = 'off')
BEGIN
    INSERT OR IGNORE INTO ocr_jobs(item_id, state, queued_at, queued_by)
    VALUES (NEW.id, 'queued', NEW.ingested_at, NEW.ingested_by);
END;

CREATE VIRTUAL TABLE ocr_fts USING fts5(
    text, content='ocr_readings', content_rowid='item_id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER ocr_readings_fts_ai AFTER INSERT ON ocr_readings BEGIN
    INSERT INTO ocr_fts(rowid, text) VALUES (NEW.item_id, NEW.text);
END;
CREATE TRIGGER ocr_readings_fts_ad AFTER DELETE ON ocr_readings BEGIN
    INSERT INTO ocr_fts(ocr_fts, rowid, text) VALUES ('delete', OLD.item_id, OLD.text);
END;
CREATE TRIGGER ocr_readings_fts_au AFTER UPDATE OF text ON ocr_readings BEGIN
    INSERT INTO ocr_fts(ocr_fts, rowid, text) VALUES ('delete', OLD.item_id, OLD.text);
    INSERT INTO ocr_fts(rowid, text) VALUES (NEW.item_id, NEW.text);
END;

CREATE VIRTUAL TABLE chat_fts USING fts5(
    sender, text, content='chat_messages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
-- an export's messages are indexed in one statement when its chat_exports row is written
-- (the importer writes the messages first): a trigger per message row costs 25x more
CREATE TRIGGER chat_exports_fts_ai AFTER INSERT ON chat_exports BEGIN
    INSERT INTO chat_fts(rowid, sender, text)
    SELECT id, sender, text FROM chat_messages WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER chat_messages_fts_ad AFTER DELETE ON chat_messages BEGIN
    INSERT INTO chat_fts(chat_fts, rowid, sender, text)
    VALUES ('delete', OLD.id, OLD.sender, OLD.text);
END;

CREATE VIRTUAL TABLE text_fts USING fts5(
    body, kind, case_id UNINDEXED, obj UNINDEXED,
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 1, NEW.title || ' ' || coalesce(NEW.group_name, ''),
            'case', NEW.id, NEW.id);
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    SELECT NEW.id * 16 + 2, NEW.triage_note, 'triage', NEW.id, NEW.id
    WHERE coalesce(NEW.triage_note, '') != '';
END;
CREATE TRIGGER cases_fts_au AFTER UPDATE OF title, group_name, triage_note ON cases BEGIN
    DELETE FROM text_fts WHERE rowid IN (OLD.id * 16 + 1, OLD.id * 16 + 2);
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 1, NEW.title || ' ' || coalesce(NEW.group_name, ''),
            'case', NEW.id, NEW.id);
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    SELECT NEW.id * 16 + 2, NEW.triage_note, 'triage', NEW.id, NEW.id
    WHERE coalesce(NEW.triage_note, '') != '';
END;
CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
    DELETE FROM text_fts WHERE rowid IN (OLD.id * 16 + 1, OLD.id * 16 + 2);
END;

CREATE TRIGGER people_fts_ai AFTER INSERT ON people BEGIN
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 3, NEW.name, 'person', NEW.case_id, NEW.id);
END;
CREATE TRIGGER people_fts_au AFTER UPDATE OF name, case_id ON people BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 3;
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 3, NEW.name, 'person', NEW.case_id, NEW.id);
END;
CREATE TRIGGER people_fts_ad AFTER DELETE ON people BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 3;
END;

CREATE TRIGGER evidence_items_fts_ai AFTER INSERT ON evidence_items
WHEN coalesce(json_extract(NEW.stated, '$.description'), '') != '' BEGIN
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 4, json_extract(NEW.stated, '$.description'), 'evidence',
            NEW.case_id, NEW.id);
END;
CREATE TRIGGER evidence_items_fts_au AFTER UPDATE OF stated ON evidence_items BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 4;
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    SELECT NEW.id * 16 + 4, json_extract(NEW.stated, '$.description'), 'evidence',
           NEW.case_id, NEW.id
    WHERE coalesce(json_extract(NEW.stated, '$.description'), '') != '';
END;
CREATE TRIGGER evidence_items_fts_ad AFTER DELETE ON evidence_items BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 4;
END;

CREATE TRIGGER accounts_fts_ai AFTER INSERT ON accounts BEGIN
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 5, NEW.handle || ' ' || coalesce(NEW.display_name, '') || ' '
            || coalesce(NEW.notes, ''), 'account', NEW.case_id, NEW.id);
END;
CREATE TRIGGER accounts_fts_au AFTER UPDATE OF handle, display_name, notes, case_id
ON accounts BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 5;
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 5, NEW.handle || ' ' || coalesce(NEW.display_name, '') || ' '
            || coalesce(NEW.notes, ''), 'account', NEW.case_id, NEW.id);
END;
CREATE TRIGGER accounts_fts_ad AFTER DELETE ON accounts BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 5;
END;

CREATE TRIGGER sg_meetings_fts_ai AFTER INSERT ON sg_meetings
WHEN coalesce(NEW.notes, '') != '' BEGIN
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    VALUES (NEW.id * 16 + 6, NEW.notes, 'meeting', NEW.case_id, NEW.id);
END;
CREATE TRIGGER sg_meetings_fts_au AFTER UPDATE OF notes ON sg_meetings BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 6;
    INSERT INTO text_fts(rowid, body, kind, case_id, obj)
    SELECT NEW.id * 16 + 6, NEW.notes, 'meeting', NEW.case_id, NEW.id
    WHERE coalesce(NEW.notes, '') != '';
END;
CREATE TRIGGER sg_meetings_fts_ad AFTER DELETE ON sg_meetings BEGIN
    DELETE FROM text_fts WHERE rowid = OLD.id * 16 + 6;
END;
"""


def apply(conn: Connection) -> None:
    """Queue the images already stored and index what existing vaults hold."""
    conn.execute(
        "INSERT OR IGNORE INTO ocr_jobs(item_id, state, queued_at, queued_by)"
        " SELECT id, 'queued', ?, 'system' FROM evidence_items WHERE mime LIKE 'image/%'",
        (now_iso(),))
    conn.execute("INSERT INTO chat_fts(chat_fts) VALUES ('rebuild')")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 1, title || ' ' || coalesce(group_name, ''),"
        " 'case', id, id FROM cases")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 2, triage_note, 'triage', id, id FROM cases"
        " WHERE coalesce(triage_note, '') != ''")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 3, name, 'person', case_id, id FROM people")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 4, json_extract(stated, '$.description'), 'evidence', case_id, id"
        " FROM evidence_items WHERE coalesce(json_extract(stated, '$.description'), '') != ''")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 5, handle || ' ' || coalesce(display_name, '') || ' '"
        " || coalesce(notes, ''), 'account', case_id, id FROM accounts")
    conn.execute(
        "INSERT INTO text_fts(rowid, body, kind, case_id, obj)"
        " SELECT id * 16 + 6, notes, 'meeting', case_id, id FROM sg_meetings"
        " WHERE coalesce(notes, '') != ''")
