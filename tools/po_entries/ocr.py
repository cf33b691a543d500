"""Catalogue entries of the ocr branch (OCR and full-text search, issue 17)."""

ENTRIES = [
    ("report.action.evidence.ocr", "text read from the image (OCR, derived)",
     "tekst uit de afbeelding gelezen (OCR, afgeleid)"),
    ("report.action.evidence.ocr_failed", "text could not be read from the image (OCR)",
     "tekst kon niet uit de afbeelding worden gelezen (OCR)"),
    ("report.action.settings.ocr_auto", "automatic text reading switched on or off",
     "automatisch tekst lezen aan- of uitgezet"),
]

ENTRIES += [
    ("ocr.engine_missing",
     "tesseract is not installed: text in images is not read (OCR skipped); install "
     "tesseract-ocr with Dutch (see the README) and run 'cybercase ocr run'",
     "tesseract is niet geïnstalleerd: tekst in afbeeldingen wordt niet gelezen (OCR "
     "overgeslagen); installeer tesseract-ocr met Nederlands (zie de README) en voer "
     "'cybercase ocr run' uit"),
    ("ocr.status_line",
     "OCR: {queued} queued, {running} running, {done} done, {failed} failed",
     "OCR: {queued} in de wachtrij, {running} bezig, {done} klaar, {failed} mislukt"),
    ("ocr.engine_line", "engine: tesseract {version} (languages: {languages})",
     "engine: tesseract {version} (talen: {languages})"),
    ("ocr.failed_line", "failed: item {id} in case {ref}: {reason}",
     "mislukt: item {id} in zaak {ref}: {reason}"),
    ("ocr.progress", "OCR {n}/{total}: item {id}", "OCR {n}/{total}: item {id}"),
    ("ocr.run_done", "OCR finished: {done} read, {failed} failed",
     "OCR klaar: {done} gelezen, {failed} mislukt"),
    ("ocr.no_reading",
     "item {id} has no text read by OCR (yet): see 'cybercase ocr status'",
     "item {id} heeft (nog) geen door OCR gelezen tekst: zie 'cybercase ocr status'"),
    ("ocr.text_head",
     "Item {id}: text read by OCR ({engine} {version}, {languages}, {made_at}); a derived "
     "reading, not a fact",
     "Item {id}: tekst gelezen met OCR ({engine} {version}, {languages}, {made_at}); een "
     "afgeleide lezing, geen feit"),
    ("search.kind.ocr", "image text", "tekst in beeld"),
    ("search.kind.message", "message", "bericht"),
    ("search.kind.note", "note", "notitie"),
    ("search.where_message", "item {id}, message {n}", "item {id}, bericht {n}"),
]
