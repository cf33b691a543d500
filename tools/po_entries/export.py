"""Catalogue entries of branch export (issue 19): tools/po_add.py applies them."""

ENTRIES = [
    ("subject.doc.other_action", "other action", "andere handeling"),
]
ENTRIES += [
    ("report.chrono.key", "key message: {what} (note: {note})",
     "kernbericht: {what} (notitie: {note})"),
    ("report.chrono.key_basis", "{basis}; marked as key message",
     "{basis}; gemarkeerd als kernbericht"),
]
