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
