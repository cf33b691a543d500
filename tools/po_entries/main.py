"""Entries the lead changed while merging (session 6)."""
ENTRIES = [
    ("search.placeholder", "Search cases, people, evidence, chats and text in images (/)",
     "Zoek in zaken, personen, bewijs, chats en tekst in afbeeldingen (/)"),
    ("cmd.search.help", "Search cases, people, evidence, chats and text in images",
     "Zoek in zaken, personen, bewijs, chats en tekst in afbeeldingen"),
    ("viewer.key.open", "open", "Openen"),
]
