"""Catalogue entries of the `print` branch (issue 18): masking labels, the confrontation
print, the access export's masked attachments."""

ENTRIES = [
    ("subject.doc.participant", "participant {n}", "deelnemer {n}"),
    ("subject.doc.url_id", "[id]", "[id]"),
]

ENTRIES += [
    ("print.bad_message", "not a chat message: {value!r} (give ITEM:N, e.g. 12:40)",
     "geen chatbericht: {value!r} (geef ITEM:N, bijvoorbeeld 12:40)"),
    ("print.bad_rect", "not a rectangle: {value!r} (give ITEM:X,Y,W,H in the image's pixels)",
     "geen rechthoek: {value!r} (geef ITEM:X,Y,W,H in pixels van de afbeelding)"),
    ("print.bad_date", "not a date: {value!r} (give YYYY-MM-DD)",
     "geen datum: {value!r} (geef JJJJ-MM-DD)"),
    ("print.not_here", "evidence item {id} is not in case {ref}",
     "bewijsstuk {id} hoort niet bij zaak {ref}"),
    ("print.withdrawn", "evidence item {id} is withdrawn: it cannot be printed",
     "bewijsstuk {id} is ingetrokken: het kan niet worden afgedrukt"),
    ("print.no_message", "chat {id} has no message {n}: see `cybercase messages {id}`",
     "chat {id} heeft geen bericht {n}: zie `cybercase messages {id}`"),
    ("print.for_pupil",
     "person {id} is not a pupil: a confrontation print is for a meeting about a pupil",
     "persoon {id} is geen leerling: een afdruk voor een gesprek gaat over een leerling"),
    ("print.with_default", "{name} and parents", "{name} en ouders"),
    ("print.field.with", "with whom", "met wie"),
    ("print.nothing_chosen", "choose what to print: --evidence ID or --message ITEM:N",
     "kies wat u wilt afdrukken: --evidence ID of --message ITEM:N"),
    ("print.not_chat", "evidence item {id} is not a chat: --message needs a chat export",
     "bewijsstuk {id} is geen chat: --message werkt alleen met een chatexport"),
    ("print.not_printable",
     "evidence item {id} ({mime}) cannot be printed: only images and chats can",
     "bewijsstuk {id} ({mime}) kan niet worden afgedrukt: alleen afbeeldingen en chats"),
    ("print.rect_not_chosen",
     "--mask names item {id}, which is not printed: add --evidence {id}",
     "--mask noemt bewijsstuk {id}, dat niet wordt afgedrukt: voeg --evidence {id} toe"),
    ("print.count.masks", ("{n} mask", "{n} masks"), ("{n} afdekking", "{n} afdekkingen")),
    ("print.done", ("Wrote {path}: {n} page, {masks}; stored as print {id}.",
                    "Wrote {path}: {n} pages, {masks}; stored as print {id}."),
     ("{path} geschreven: {n} pagina, {masks}; bewaard als afdruk {id}.",
      "{path} geschreven: {n} pagina's, {masks}; bewaard als afdruk {id}.")),
    ("print.no_reading",
     "image {id} has no OCR reading: nothing on it was masked automatically; check it and "
     "mask by hand (--mask {id}:X,Y,W,H)",
     "afbeelding {id} heeft geen OCR-lezing: er is niets automatisch afgedekt; controleer "
     "haar en dek met de hand af (--mask {id}:X,Y,W,H)"),
    ("print.doc.title", "Confidential print", "Vertrouwelijke afdruk"),
    ("print.doc.footer", "Confidential - case {ref}", "Vertrouwelijk - zaak {ref}"),
    ("print.doc.header", "Confidential: for the meeting on {day} with {who}",
     "Vertrouwelijk: voor het gesprek op {day} met {who}"),
    ("print.doc.sub", "{school} - case {ref} - printed on {made}",
     "{school} - zaak {ref} - afgedrukt op {made}"),
    ("print.doc.intro",
     "This print is for this meeting only. The names of other children are replaced by "
     "'leerling A', 'leerling B' and so on (the same child keeps the same letter), and "
     "covered with black boxes in images. Please do not copy or photograph it; the school "
     "keeps it after the meeting.",
     "Deze afdruk is alleen voor dit gesprek. De namen van andere kinderen zijn vervangen "
     "door 'leerling A', 'leerling B' enzovoort (hetzelfde kind houdt dezelfde letter) en "
     "in afbeeldingen afgedekt met zwarte vlakken. Maak er geen kopie of foto van; de "
     "school bewaart de afdruk na het gesprek."),
    ("print.doc.image", "{n}. Image: {what}", "{n}. Afbeelding: {what}"),
    ("print.doc.chat", "{n}. Chat: {what}", "{n}. Chat: {what}"),
    ("print.doc.messages", "{n}. Messages from the chat: {what}",
     "{n}. Berichten uit de chat: {what}"),
    ("report.action.evidence.print", "printed (masked) for a meeting",
     "afgedrukt (gemaskeerd) voor een gesprek"),
    ("report.action.print.confrontation", "confrontation print made",
     "afdruk voor een gesprek gemaakt"),
]
