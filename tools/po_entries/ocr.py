"""Catalogue entries of the ocr branch (OCR and full-text search, issue 17)."""

ENTRIES = [
    ("report.action.evidence.ocr", "text read from the image (OCR, derived)",
     "tekst uit de afbeelding gelezen (OCR, afgeleid)"),
    ("report.action.evidence.ocr_failed", "text could not be read from the image (OCR)",
     "tekst kon niet uit de afbeelding worden gelezen (OCR)"),
    ("report.action.settings.ocr_auto", "automatic text reading switched on or off",
     "automatisch tekst lezen aan- of uitgezet"),
]
