"""Catalogue entries of the chatocr branch (issue 17: a screenshot's OCR text as a
conversation)."""

ENTRIES = [
    ("ocr.chat.derived", "derived from the OCR of item {id}; may contain mistakes",
     "afgeleid uit OCR van item {id}; kan fouten bevatten"),
    ("ocr.chat.owner", "phone's owner", "eigenaar telefoon"),
    ("viewer.key.as_chat", "As conversation", "Als gesprek"),
    ("viewer.shot_title", "Evidence {id}: screenshot as conversation (OCR)",
     "Bewijsstuk {id}: schermafbeelding als gesprek (OCR)"),
    ("viewer.shot_head", "{messages} messages read from the screenshot",
     "{messages} berichten gelezen uit de schermafbeelding"),
    ("viewer.shot_no_keys",
     "Key messages cannot be marked here: these messages are an OCR reading, not stored "
     "messages. Mark the screenshot itself instead.",
     "Kernberichten kunnen hier niet worden gemarkeerd: deze berichten zijn een OCR-lezing, "
     "geen opgeslagen berichten. Markeer de schermafbeelding zelf."),
    ("viewer.shot_no_reading",
     "This image has no OCR text yet: wait for the OCR run (see 'cybercase ocr status').",
     "Deze afbeelding heeft nog geen OCR-tekst: wacht tot OCR klaar is (zie 'cybercase ocr "
     "status')."),
    ("viewer.shot_sent", "sent (phone's owner)", "verzonden (eigenaar telefoon)"),
    ("viewer.shot_received", "received", "ontvangen"),
    ("viewer.shot_conf", "OCR {conf}%", "OCR {conf}%"),
    ("viewer.shot_no_dates", "A screenshot has no dates to jump to.",
     "Een schermafbeelding heeft geen datums om naar te springen."),
]
