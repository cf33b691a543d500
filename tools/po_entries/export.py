"""Catalogue entries of branch export (issue 19): tools/po_add.py applies them."""

ENTRIES = [
    ("subject.doc.other_action", "other action", "andere handeling"),
]
