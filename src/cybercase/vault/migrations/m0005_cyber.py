"""Cyber work: online accounts and who is behind them, takedown referrals, police reports,
parent smartphone agreements; and *what* was told to an informed party.

Every table holds ``case_id`` or references a row that does, and every link column
declares its ``REFERENCES`` so a purge can walk the foreign keys. Histories
(attributions, referral events, agreement reviews) are append-only: rows are never
updated (deleting stays possible for the retention purge).
"""

SQL = """
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    platform TEXT NOT NULL,
    handle TEXT NOT NULL,
    handle_norm TEXT NOT NULL,          -- casefolded, without a leading @
    display_name TEXT,
    profile_url TEXT,
    email TEXT,
    email_norm TEXT,
    phone TEXT,
    phone_norm TEXT,                    -- +<digits>, E.164-like
    fake INTEGER NOT NULL DEFAULT 0,
    impersonates TEXT,                  -- who the account pretends to be (free text)
    impersonates_person INTEGER REFERENCES people(id),
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX accounts_case ON accounts(case_id);
CREATE INDEX accounts_handle ON accounts(handle_norm);
CREATE INDEX accounts_email ON accounts(email_norm);
CREATE INDEX accounts_phone ON accounts(phone_norm);

CREATE TABLE account_evidence (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    evidence_id INTEGER NOT NULL REFERENCES evidence_items(id),
    linked_at TEXT NOT NULL,
    linked_by TEXT NOT NULL,
    PRIMARY KEY (account_id, evidence_id)
);

CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    status TEXT NOT NULL CHECK (status IN ('suspected', 'confirmed', 'refuted')),
    basis TEXT NOT NULL CHECK (basis IN ('pupil_statement', 'ict_trace', 'admission',
                                         'parent', 'other')),
    note TEXT,
    established_by TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX attributions_account ON attributions(account_id);

CREATE TRIGGER attributions_no_update BEFORE UPDATE ON attributions
BEGIN
    SELECT RAISE(ABORT, 'the attribution history is append-only: add a new attribution');
END;

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    channel TEXT NOT NULL CHECK (channel IN ('meldknop', 'helpwanted', 'platform', 'police')),
    platform TEXT,
    harm_what TEXT,
    harm_why TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'removed', 'refused',
                                           'no_answer')),
    sent_on TEXT,
    their_reference TEXT,
    follow_up_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX referrals_case ON referrals(case_id);

CREATE TABLE referral_urls (
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    n INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (referral_id, n)
);

CREATE TABLE referral_evidence (
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    evidence_id INTEGER NOT NULL REFERENCES evidence_items(id),
    PRIMARY KEY (referral_id, evidence_id)
);

CREATE TABLE referral_accounts (
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (referral_id, account_id)
);

-- What happened to a referral: created, sent, status changes, follow-up moved.
CREATE TABLE referral_events (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals(id),
    event TEXT NOT NULL,
    status TEXT,
    on_date TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    at TEXT NOT NULL,
    by TEXT NOT NULL
);
CREATE INDEX referral_events_referral ON referral_events(referral_id);

CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN
    SELECT RAISE(ABORT, 'the referral history is append-only');
END;

CREATE TABLE police_reports (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('aangifte', 'melding')),
    offence TEXT NOT NULL CHECK (offence IN ('discriminatie', 'smaad', 'laster',
        'belediging', 'bedreiging', 'stalking', 'sexual_images', 'other')),
    offence_note TEXT,
    victim_id INTEGER REFERENCES people(id),
    reported_on TEXT NOT NULL,
    offence_on TEXT,
    appointment_on TEXT,
    police_reference TEXT,
    export_id INTEGER REFERENCES exports(id),
    filed_by TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX police_reports_case ON police_reports(case_id);

CREATE TABLE police_suspects (
    report_id INTEGER NOT NULL REFERENCES police_reports(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    PRIMARY KEY (report_id, person_id)
);

CREATE TABLE police_accounts (
    report_id INTEGER NOT NULL REFERENCES police_reports(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    PRIMARY KEY (report_id, account_id)
);

CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    pupil_id INTEGER NOT NULL REFERENCES people(id),
    parents TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'agreed', 'reviewed', 'ended')),
    template TEXT NOT NULL,             -- template id, version and SHA-256 it came from
    title_nl TEXT NOT NULL,             -- the template's title and introduction, as copied
    intro_nl TEXT,
    agreed_on TEXT,
    review_on TEXT,
    ended_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX agreements_case ON agreements(case_id);

CREATE TABLE agreement_points (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    n INTEGER NOT NULL,
    point_key TEXT,                     -- the template's key; NULL for a point added by hand
    text_nl TEXT NOT NULL,
    text_en TEXT,
    UNIQUE (agreement_id, n)
);

CREATE TABLE agreement_reviews (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    reviewed_on TEXT NOT NULL,
    outcome TEXT NOT NULL,
    next_review_on TEXT,
    at TEXT NOT NULL,
    by TEXT NOT NULL
);
CREATE INDEX agreement_reviews_agreement ON agreement_reviews(agreement_id);

CREATE TRIGGER agreement_reviews_no_update BEFORE UPDATE ON agreement_reviews
BEGIN
    SELECT RAISE(ABORT, 'review outcomes are append-only: record a new review');
END;

ALTER TABLE informed ADD COLUMN what TEXT;
"""
