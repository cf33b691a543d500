"""Entries the lead changed while merging (session 6)."""
ENTRIES = [
    ("search.placeholder", "Search cases, people, evidence, chats and text in images (/)",
     "Zoek in zaken, personen, bewijs, chats en tekst in afbeeldingen (/)"),
    ("cmd.search.help", "Search cases, people, evidence, chats and text in images",
     "Zoek in zaken, personen, bewijs, chats en tekst in afbeeldingen"),
    ("viewer.key.open", "open", "Openen"),
]
# codes that arrived with the session-6 branches, in words (tui/widgets/labels.py)
ENTRIES += [
    ("timeline.kind.case.reopened", "case reopened", "zaak heropend"),
    ("timeline.kind.case.voided", "case voided", "zaak vervallen"),
    ("timeline.kind.key_message", "key message", "kernbericht"),
    ("audit.action.case.reopen", "case reopened", "zaak heropend"),
    ("audit.action.case.void", "case voided (made by mistake)", "zaak vervallen (per vergissing aangemaakt)"),
    ("audit.action.evidence.key_message", "key message marked", "kernbericht gemarkeerd"),
    ("audit.action.evidence.key_message_note", "key message note changed", "notitie bij kernbericht gewijzigd"),
    ("audit.action.evidence.key_message_remove", "key message mark removed", "markering kernbericht verwijderd"),
    ("audit.action.evidence.ocr", "text read from image (OCR)", "tekst uit afbeelding gelezen (OCR)"),
    ("audit.action.evidence.ocr_failed", "reading text from image failed (OCR)", "tekst uit afbeelding lezen mislukt (OCR)"),
    ("audit.action.evidence.print", "printed for a meeting (masked)", "afgedrukt voor een gesprek (gemaskeerd)"),
    ("audit.action.evidence.sender_link", "chat sender linked", "afzender in chat gekoppeld"),
    ("audit.action.evidence.sender_unlink", "chat sender link removed", "koppeling afzender in chat verwijderd"),
    ("audit.action.person.alias", "nickname added", "bijnaam toegevoegd"),
    ("audit.action.person.alias_removed", "nickname removed", "bijnaam verwijderd"),
    ("audit.action.print.confrontation", "confrontation print made", "afdruk voor confrontatiegesprek gemaakt"),
    ("audit.action.referral.pdf", "referral letter saved as PDF", "verwijderverzoek als pdf opgeslagen"),
    ("audit.action.settings.ocr_auto", "automatic OCR switched", "automatische OCR omgezet"),
]
ENTRIES += [
    ("confront.key_messages", "Key messages of this case (tick to print)",
     "Kernberichten van deze zaak (aanvinken om af te drukken)"),
]

# replaced by the Dutch date parser's own line
DROP = ["print.bad_date"]
