"""Masked prints (issue 18): the confrontation print shown at a meeting with a pupil and
the parents, stored as a *derived* item beside the evidence it was made from.

- ``masked_prints``: one row per print: the PDF's bytes in ``blobs`` (its own SHA-256),
  the case, for which meeting (date, with whom), the pupil it is about, the people whose
  names stayed readable (JSON list of person ids), every mask used (JSON: what was found,
  the label, why; the boxes over images, made from OCR words or drawn by hand), who made
  it and when. The originals are never changed: a print only reads them.
- ``masked_print_sources``: the evidence items a print was made from (and, for a chat, the
  messages chosen: JSON list of their numbers, empty for the whole chat), each with the
  original's SHA-256 at the time of printing.

- ``person_aliases``: the other names a person goes by (nicknames, "Sannetje", a gamer
  tag), as the coordinator records them: the masking engine masks them with the person.

Prints never change (triggers); a purge of the case removes all three through the foreign
keys.
"""

SQL = """
CREATE TABLE masked_prints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    blob_id INTEGER NOT NULL REFERENCES blobs(id),
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    kind TEXT NOT NULL,                   -- confrontation
    for_person_id INTEGER NOT NULL REFERENCES people(id),
    meeting_on TEXT NOT NULL,             -- the meeting's date (ISO)
    meeting_with TEXT NOT NULL,           -- with whom, as typed
    kept TEXT NOT NULL,                   -- JSON list of person ids whose names stayed
    masks TEXT NOT NULL,                  -- JSON list of the masks used
    file_name TEXT NOT NULL,              -- the PDF's name as written (no folder)
    made_at TEXT NOT NULL,                -- UTC
    made_by TEXT NOT NULL
);
CREATE INDEX masked_prints_case ON masked_prints(case_id);
CREATE INDEX masked_prints_blob ON masked_prints(blob_id);

CREATE TABLE masked_print_sources (
    print_id INTEGER NOT NULL REFERENCES masked_prints(id),
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    sha256 TEXT NOT NULL,                 -- the original's, when printed
    messages TEXT NOT NULL DEFAULT '[]',  -- JSON list of chat message numbers; [] = all
    PRIMARY KEY (print_id, item_id)
);
CREATE INDEX masked_print_sources_item ON masked_print_sources(item_id);

CREATE TABLE person_aliases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id INTEGER NOT NULL REFERENCES people(id),
    alias TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL,
    UNIQUE (person_id, alias)
);

CREATE TRIGGER masked_prints_fixed
BEFORE UPDATE ON masked_prints
BEGIN
    SELECT RAISE(ABORT, 'a masked print cannot be changed');
END;

CREATE TRIGGER masked_print_sources_fixed
BEFORE UPDATE ON masked_print_sources
BEGIN
    SELECT RAISE(ABORT, 'a masked print cannot be changed');
END;
"""
