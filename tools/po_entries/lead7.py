"""Entries the lead added in session 7."""
ENTRIES = [
    ("chat.why.compression", "packed in a way that cannot be read", "ingepakt op een manier die niet te lezen is"),
    ("chat.why.encrypted", "protected with a password", "beveiligd met een wachtwoord"),
    ("chat.why.read", "reading failed", "lezen mislukt"),
    ("chat.why.damaged", "damaged", "beschadigd"),
]
# the image viewer's footer at 80 columns: one entry for zooming in and out
ENTRIES += [
    ("viewer.key.zoom", "zoom", "zoomen"),
]
# an empty date field (it said "the date '' is not a date")
ENTRIES += [
    ("dates.empty", "{what} is empty: write it as 3-12-2026, 3 dec 2026 or 2026-12-03",
     "{what} is leeg: schrijf hem als 3-12-2026, 3 dec 2026 of 2026-12-03"),
]
DROP = ["viewer.key.zoom_in"]  # replaced by viewer.key.zoom ("+/- zoomen")
