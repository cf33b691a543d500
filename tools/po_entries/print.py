"""Catalogue entries of the `print` branch (issue 18): masking labels, the confrontation
print, the access export's masked attachments."""

ENTRIES = [
    ("subject.doc.participant", "participant {n}", "deelnemer {n}"),
    ("subject.doc.url_id", "[id]", "[id]"),
]
