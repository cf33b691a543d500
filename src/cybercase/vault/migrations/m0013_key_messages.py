"""Key messages (kernberichten) and who is behind a sender name (issue 17, item 4).

- ``key_messages``: a message of a chat export marked as key, with the coordinator's note.
  A mark is never deleted: removing it records who, when and why (``removed_*``); a
  changed note keeps its old text in the correction history (``corrections``). At most one
  live mark per message.
- ``chat_sender_links``: a sender name *as shown* in an export, linked to a person or an
  account of the case (exactly one of the two). Replacing or removing a link keeps the old
  one (``removed_*``), so a report can say who linked what and when.

Both follow their export item (and the person or account) through the foreign keys, so a
purge of the case removes them.
"""

SQL = """
CREATE TABLE key_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    message_id INTEGER NOT NULL REFERENCES chat_messages(id),
    note TEXT NOT NULL,
    marked_at TEXT NOT NULL,              -- UTC, when it was marked (not when it was sent)
    marked_by TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT,
    removed_reason TEXT
);
CREATE UNIQUE INDEX key_messages_live ON key_messages(message_id) WHERE removed_at IS NULL;
CREATE INDEX key_messages_item ON key_messages(item_id);

CREATE TABLE chat_sender_links (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL REFERENCES evidence_items(id),
    sender TEXT NOT NULL,                 -- the name as shown in the export
    person_id INTEGER REFERENCES people(id),
    account_id INTEGER REFERENCES accounts(id),
    linked_at TEXT NOT NULL,
    linked_by TEXT NOT NULL,
    removed_at TEXT,
    removed_by TEXT,
    CHECK ((person_id IS NULL) != (account_id IS NULL))
);
CREATE UNIQUE INDEX chat_sender_links_live ON chat_sender_links(item_id, sender)
    WHERE removed_at IS NULL;
"""
