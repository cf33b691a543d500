"""The case file: protocols, intake, people, phase history, support group, checklist, agenda.

Evidence ids are stored as plain integers (no foreign key to the evidence tables, which
belong to another migration).
"""

SQL = """
-- Protocol texts as selected by the school; never changed, so a case's history stays put.
CREATE TABLE protocols (
    id INTEGER PRIMARY KEY,
    protocol_key TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    source_name TEXT NOT NULL,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);

CREATE TRIGGER protocols_no_update BEFORE UPDATE ON protocols
BEGIN
    SELECT RAISE(ABORT, 'a stored protocol never changes: store the edited file as a new one');
END;

ALTER TABLE cases ADD COLUMN protocol_row INTEGER REFERENCES protocols(id);
ALTER TABLE cases ADD COLUMN reported_by TEXT;
ALTER TABLE cases ADD COLUMN channel TEXT;
ALTER TABLE cases ADD COLUMN reported_on TEXT;
ALTER TABLE cases ADD COLUMN summary TEXT;
ALTER TABLE cases ADD COLUMN triage TEXT;
ALTER TABLE cases ADD COLUMN triage_intent INTEGER;
ALTER TABLE cases ADD COLUMN triage_repetition INTEGER;
ALTER TABLE cases ADD COLUMN triage_power INTEGER;
ALTER TABLE cases ADD COLUMN triage_note TEXT;
ALTER TABLE cases ADD COLUMN triage_at TEXT;
ALTER TABLE cases ADD COLUMN triage_by TEXT;
ALTER TABLE cases ADD COLUMN sg_status TEXT;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('pupil', 'parent', 'staff')),
    name TEXT NOT NULL,
    role TEXT,
    sg_role TEXT,
    group_name TEXT,
    born TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX people_case ON people(case_id);

CREATE TABLE person_links (
    parent_id INTEGER NOT NULL REFERENCES people(id),
    pupil_id INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (parent_id, pupil_id)
);

CREATE TABLE phase_changes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    from_phase INTEGER CHECK (from_phase BETWEEN 1 AND 6),
    to_phase INTEGER NOT NULL CHECK (to_phase BETWEEN 1 AND 6),
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX phase_changes_case ON phase_changes(case_id);

CREATE TABLE sg_meetings (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    step TEXT NOT NULL,
    held_on TEXT NOT NULL,
    led_by TEXT,
    notes TEXT,
    decision TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX sg_meetings_case ON sg_meetings(case_id);

CREATE TABLE sg_participants (
    meeting_id INTEGER NOT NULL REFERENCES sg_meetings(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE sg_actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES sg_meetings(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    text TEXT NOT NULL
);

CREATE TABLE informed (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    meeting_id INTEGER REFERENCES sg_meetings(id),
    who TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id),
    on_date TEXT NOT NULL,
    how TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX informed_case ON informed(case_id);

CREATE TABLE checklist (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'done', 'na')),
    note TEXT,
    at TEXT NOT NULL,
    by TEXT NOT NULL,
    PRIMARY KEY (case_id, item)
);

CREATE TABLE checklist_links (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    item INTEGER NOT NULL,
    evidence_id INTEGER,
    person_id INTEGER REFERENCES people(id),
    CHECK ((evidence_id IS NULL) != (person_id IS NULL))
);
CREATE INDEX checklist_links_case ON checklist_links(case_id, item);

-- Things due: evaluations scheduled by support-group steps, follow-ups, monitoring terms.
CREATE TABLE due_items (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL,
    due_on TEXT NOT NULL,
    what TEXT NOT NULL,
    meeting_id INTEGER REFERENCES sg_meetings(id),
    done_at TEXT,
    done_by TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX due_items_open ON due_items(done_at, due_on);
"""
