"""Chat exports read as conversations (WhatsApp "Chat exporteren", issue 17).

The export file itself stays an ordinary evidence item, byte for byte; these tables hold
the reading of it, linked to that item:

- ``chat_exports``: one row per export item: its layout, the day/month order and on what
  it rests (``values``: the data proves it; ``layout``: the locale's way of writing dates;
  ``chosen``: a person chose it, who and when; ``ambiguous``/``conflict``: unknown), the
  time zone the wall-clock times are read in, counts, and what did not fit (JSON).
- ``chat_messages``: every entry in file order (``n``): the sender, date and time *as
  shown* (and their parts, so a later choice of the date order can recompute the times),
  the time in Europe/Amsterdam and UTC (empty while it cannot be known), the raw text,
  notice or not, the media reference and the item it became. What was read from the file
  never changes; only the times follow a choice of the date order.
- ``chat_media``: the files inside an export ZIP: each one that was unpacked is an
  evidence item of its own (``item_id``); refused or unreadable ones are listed too.

Rows follow their item through the foreign keys (a purge removes them with the case). A
rowid per message keeps the table ready for an external-content full-text index.
"""

SQL = """
CREATE TABLE chat_exports (
    item_id INTEGER PRIMARY KEY REFERENCES evidence_items(id),
    member TEXT,                          -- the chat text's name inside a ZIP, else NULL
    layout TEXT NOT NULL,                 -- android | ios
    date_order TEXT,                      -- dmy | mdy | ymd; NULL while unknown
    order_basis TEXT NOT NULL,            -- values | layout | chosen | ambiguous | conflict
    order_chosen_by TEXT,
    order_chosen_at TEXT,                 -- UTC
    zone TEXT NOT NULL,                   -- the zone the wall-clock times are read in
    messages INTEGER NOT NULL,
    notices INTEGER NOT NULL,
    participants INTEGER NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]',  -- JSON list of what did not fit
    parser TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    n INTEGER NOT NULL,                   -- position in the file, from 1
    line INTEGER NOT NULL,                -- the line of its header, from 1
    sender TEXT,                          -- as shown; NULL for a notice without a name
    shown TEXT NOT NULL,                  -- date and time as shown
    d1 TEXT NOT NULL,                     -- the date's three numbers as written
    d2 TEXT NOT NULL,
    d3 TEXT NOT NULL,
    hour INTEGER NOT NULL,
    minute INTEGER NOT NULL,
    second INTEGER,
    ampm TEXT,
    time_local TEXT,                      -- ISO with the Europe/Amsterdam offset
    time_utc TEXT,                        -- ISO, Z
    time_note TEXT,  -- date-order | bad-date | bad-clock | dst-repeat | dst-gap
    text TEXT NOT NULL,
    system INTEGER NOT NULL,
    media TEXT,                           -- file name or placeholder as written
    media_item_id INTEGER REFERENCES evidence_items(id),
    UNIQUE (item_id, n)
);
CREATE INDEX chat_messages_media ON chat_messages(media_item_id) WHERE media_item_id IS NOT NULL;

CREATE TRIGGER chat_messages_read_fixed
BEFORE UPDATE OF id, item_id, n, line, sender, shown, d1, d2, d3, hour, minute, second,
    ampm, text, system, media, media_item_id
ON chat_messages
BEGIN
    SELECT RAISE(ABORT, 'what was read from a chat export cannot be changed');
END;

CREATE TABLE chat_media (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    export_item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    member TEXT NOT NULL,                 -- the name inside the ZIP
    item_id INTEGER REFERENCES evidence_items(id),  -- NULL when not unpacked
    zip_time TEXT,                        -- as recorded in the ZIP (no zone)
    status TEXT NOT NULL,                 -- stored | duplicate | refused | unreadable
    reason TEXT
);
CREATE INDEX chat_media_export ON chat_media(export_item_id);
CREATE INDEX chat_media_item ON chat_media(item_id);
"""
