"""Catalogue entries of branch docs19 (issue 19): statement fields, handover sheet,
referral letters as PDFs. Applied with ``python tools/po_add.py tools/po_entries/docs19.py``."""

ENTRIES = [
    # the capturer's statement: how it reached the school, whether the phone is available
    ("evidence.field.received_via", "how it reached the school",
     "hoe het bij de school kwam"),
    ("evidence.error.bad_phone_available",
     "--phone-available {value!r}: use one of {choices}",
     "telefoon nog beschikbaar {value!r}: kies uit {choices}"),
    ("ingest.field.received_via", "How it reached the school", "Hoe het bij de school kwam"),
    ("ingest.received_via_placeholder",
     "e.g. forwarded by WhatsApp, USB stick, e-mail, shown on a phone and photographed",
     "bijv. doorgestuurd via WhatsApp, USB-stick, e-mail, getoond op telefoon en "
     "gefotografeerd"),
    ("ingest.field.phone_available", "Phone still available", "Telefoon nog beschikbaar"),
    ("ingest.phone.yes", "yes", "ja"),
    ("ingest.phone.no", "no", "nee"),
    ("ingest.phone.unknown", "unknown", "onbekend"),
    ("report.stated.received_via", "How it reached the school", "Hoe het bij de school kwam"),
    ("report.stated.phone_available", "Phone still available", "Telefoon nog beschikbaar"),
    ("report.phone.yes", "yes", "ja"),
    ("report.phone.no", "no", "nee"),
    ("report.phone.unknown", "unknown", "onbekend"),
]

# entries no code uses any more (the report's old timeline texts report.tl.*, replaced by
# report.chrono.*, and texts of the report before its rebuild)
DROP: list[str] = [
    "report.no_timeline", "report.not_chosen", "report.not_image", "report.original",
    "report.pixels", "report.tl.closed", "report.tl.opened", "report.tl.phase",
    "report.tl.reported", "report.tl.reported_by", "report.tl.reported_by_via",
    "report.tl.reported_via",
]

# the handover sheet (documents/handover.py): its words, formerly a dict in the module
ENTRIES += [
    ("handover.title", "Handover of a cyberbullying evidence bundle",
     "Overdracht bewijsbundel cyberpesten"),
    ("handover.intro",
     "This form belongs with the ZIP file below. It is kept apart from it: keep it with "
     "the receipt papers.",
     "Dit formulier hoort bij het ZIP-bestand hieronder. Het staat er los van: bewaar het "
     "bij de ontvangstpapieren."),
    ("handover.school", "School", "School"),
    ("handover.address", "Address", "Adres"),
    ("handover.contact", "Contact person", "Contactpersoon"),
    ("handover.phone", "Phone", "Telefoon"),
    ("handover.email", "E-mail", "E-mail"),
    ("handover.case", "Case (reference)", "Zaak (kenmerk)"),
    ("handover.export", "Export number", "Exportnummer"),
    ("handover.file", "File", "Bestand"),
    ("handover.items", "Number of evidence items", "Aantal bewijsstukken"),
    ("handover.encrypted", "Encrypted", "Versleuteld"),
    ("handover.encrypted_yes", "yes (AES-256); you receive the passphrase another way",
     "ja (AES-256); de wachtwoordzin krijgt u op een andere manier"),
    ("handover.encrypted_no", "no", "nee"),
    ("handover.made", "Made on", "Gemaakt op"),
    ("handover.by", "Made by", "Gemaakt door"),
    ("handover.sha_title", "SHA-256 of the ZIP file", "SHA-256 van het ZIP-bestand"),
    ("handover.fp_title", "Fingerprint of the signing key",
     "Vingerafdruk van de ondertekeningssleutel"),
    ("handover.unknown", "(not filled in)", "(niet ingevuld)"),
    ("handover.check_title", "How to check the bundle", "Zo controleert u de bundel"),
    ("handover.sign_title", "Handover", "Overdracht"),
    ("handover.handed", "Handed over by (school)", "Overgedragen door (school)"),
    ("handover.received", "Received by (police)", "Ontvangen door (politie)"),
    ("handover.name", "Name", "Naam"),
    ("handover.date", "Date", "Datum"),
    ("handover.signature", "Signature", "Handtekening"),
    ("handover.footer", "Handover of an evidence bundle", "Overdracht bewijsbundel"),
    ("handover.check_compute",
     "Compute the SHA-256 of the ZIP file yourself, with a program you trust:",
     "Bereken zelf de SHA-256 van het ZIP-bestand, met een programma dat u vertrouwt:"),
    ("handover.check_compare",
     "Compare the result with the SHA-256 above. Also call the school and have the contact "
     "person read out the SHA-256 and the fingerprint; when in doubt, look the number up "
     "yourself (website, phone book). If they match, this is exactly the bundle the school "
     "made.",
     "Vergelijk de uitkomst met de SHA-256 hierboven. Bel daarnaast de school en laat de "
     "contactpersoon de SHA-256 en de vingerafdruk voorlezen; zoek het nummer bij twijfel "
     "zelf op (website, telefoongids). Kloppen ze, dan is dit precies de bundel die de "
     "school heeft gemaakt."),
    ("handover.check_fingerprint",
     "'cybercase verify-bundle' computes the key's fingerprint (or openssl, see VERIFY.txt "
     "in the bundle). If the key stays the same, you recognise at once whether a next "
     "bundle from this school comes from it.",
     "De vingerafdruk van de sleutel berekent 'cybercase verify-bundle' (of openssl, zie "
     "VERIFY.txt in de bundel). Blijft de sleutel gelijk, dan herkent u bij een volgende "
     "bundel van deze school meteen of die van haar komt."),
    ("handover.command_powershell",
     "Windows (PowerShell):  Get-FileHash -Algorithm SHA256 \"{file}\"",
     "Windows (PowerShell):  Get-FileHash -Algorithm SHA256 \"{file}\""),
    ("handover.command_cmd",
     "Windows (command prompt):  certutil -hashfile \"{file}\" SHA256",
     "Windows (opdrachtprompt):  certutil -hashfile \"{file}\" SHA256"),
    ("handover.command_unix",
     "Linux:  sha256sum \"{file}\"        macOS:  shasum -a 256 \"{file}\"",
     "Linux:  sha256sum \"{file}\"        macOS:  shasum -a 256 \"{file}\""),
]

# the referral letter as a PDF (documents/referral_letter.py)
ENTRIES += [
    ("referrals.pdf.title", "Notice of content {ref}", "Melding van inhoud {ref}"),
    ("referrals.pdf.footer", "Notice {ref}", "Melding {ref}"),
    ("referrals.pdf.page", "page {n} of {nb}", "pagina {n} van {nb}"),
    ("referrals.pdf.contact", "Contact person", "Contactpersoon"),
    ("referrals.pdf.phone", "Phone", "Telefoon"),
    ("referrals.pdf.email", "E-mail", "E-mail"),
]

# the app's request-text dialog: the same notice saved as a PDF letter
ENTRIES += [
    ("referrals.pdf.file", "notice-{ref}-R{id}.pdf", "melding-{ref}-R{id}.pdf"),
    ("referrals.pdf.save", "Save as PDF", "Opslaan als PDF"),
    ("referrals.pdf.saved", "Saved {path}", "Opgeslagen: {path}"),
]
