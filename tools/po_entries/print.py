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

# the access export on the same engine
ENTRIES += [
    ("subject.doc.out.withdrawn",
     ("{n} withdrawn evidence item in case {ref}", "{n} withdrawn evidence items in case {ref}"),
     ("{n} ingetrokken bewijsstuk in zaak {ref}", "{n} ingetrokken bewijsstukken in zaak {ref}")),
    ("subject.doc.why_withdrawn",
     "withdrawn from the case file; what they show or what they are called may be about "
     "other children",
     "ingetrokken uit het dossier; wat erop staat of hoe ze heten kan over andere kinderen "
     "gaan"),
    ("subject.doc.out.attribution_note", "notes on how an account was traced",
     "aantekeningen over hoe een account is herleid"),
    ("subject.doc.why_attribution_note", "they could point to the child who told the school",
     "die kunnen verraden welk kind het aan de school heeft verteld"),
    ("subject.doc.out.unmasked", "evidence item {id} is attached unmasked",
     "bewijsstuk {id} is ongemaskeerd bijgevoegd"),
    ("subject.doc.why_unmasked",
     "it could not be masked automatically; the school checked it by hand before attaching it",
     "het kon niet automatisch worden afgedekt; de school heeft het voor het bijvoegen met "
     "de hand gecontroleerd"),
    ("subject.doc.unmasked_note",
     "Not masked: evidence item {id} is attached as it was received. The school checked it "
     "by hand.",
     "Niet afgedekt: bewijsstuk {id} is bijgevoegd zoals het is ontvangen. De school heeft "
     "het met de hand gecontroleerd."),
    ("subject.doc.attached_masked",
     "Attached as {file}: the names of other children are masked.",
     "Bijgevoegd als {file}: de namen van andere kinderen zijn afgedekt."),
    ("subject.doc.attached_unmasked", "Attached as {file}, not masked.",
     "Bijgevoegd als {file}, niet afgedekt."),
    ("privacy.subject.cannot_mask",
     "evidence item {id} ({mime}) cannot be masked automatically (no OCR reading) and may "
     "show other children: leave it out, or check it and attach it unmasked with "
     "--unmasked {id}",
     "bewijsstuk {id} ({mime}) kan niet automatisch worden afgedekt (geen OCR-lezing) en kan "
     "andere kinderen tonen: laat het weg, of controleer het en voeg het ongemaskeerd toe "
     "met --unmasked {id}"),
    ("privacy.subject.withdrawn",
     "evidence item {id} is withdrawn: it is not part of an access export",
     "bewijsstuk {id} is ingetrokken: het hoort niet bij een inzage"),
    ("privacy.subject.unmasked_not_included",
     "--unmasked {id}: evidence item {id} is not included; add --include-evidence {id}",
     "--unmasked {id}: bewijsstuk {id} is niet bijgevoegd; voeg --include-evidence {id} toe"),
]

# the access export's dialog in the app
ENTRIES += [
    ("subject.include_hint",
     "None by default. A chat is attached as its transcript with the other children's names "
     "replaced, an image with an OCR reading with their names covered; anything else cannot "
     "be masked and is refused unless you tick it below.",
     "Standaard geen. Een chat wordt bijgevoegd als tekst met de namen van andere kinderen "
     "vervangen, een afbeelding met OCR-lezing met hun namen afgedekt; iets anders kan niet "
     "worden afgedekt en wordt geweigerd, tenzij u het hieronder aanvinkt."),
    ("subject.unmasked", "Attach unmasked (checked by you)",
     "Ongemaskeerd bijvoegen (door u gecontroleerd)"),
    ("subject.unmasked_hint",
     "Only items you have looked at yourself: they are attached as they are, and the export "
     "says so.",
     "Alleen stukken die u zelf hebt bekeken: ze worden bijgevoegd zoals ze zijn, en de "
     "inzage vermeldt dat."),
]

# the app: printing for a meeting
ENTRIES += [
    ("key.print_meeting", "Print for meeting", "Afdrukken voor gesprek"),
    ("cmd.print_meeting", "Print chats and screenshots for a meeting, other children masked",
     "Chats en schermafdrukken afdrukken voor een gesprek, andere kinderen afgedekt"),
    ("key.next_page", "Next page", "Volgende pagina"),
    ("key.prev_page", "Previous page", "Vorige pagina"),
    ("key.lift_mask", "Lift mask", "Afdekking weghalen"),
    ("confront.setup_title", "Print for a meeting", "Afdrukken voor een gesprek"),
    ("confront.setup_hint",
     "For the meeting with a pupil and the parents. Every other child's name is masked; you "
     "review each page before printing.",
     "Voor het gesprek met een leerling en de ouders. De naam van elk ander kind wordt "
     "afgedekt; u bekijkt elke pagina voordat u afdrukt."),
    ("confront.for", "The meeting is about", "Het gesprek gaat over"),
    ("confront.no_pupils", "this case has no pupils yet", "deze zaak heeft nog geen leerlingen"),
    ("confront.keep", "Names that stay readable", "Namen die leesbaar blijven"),
    ("confront.keep_hint",
     "Besides the pupil above: tick the child who was bullied only if that child's name may "
     "be shown.",
     "Naast de leerling hierboven: vink het gepeste kind alleen aan als de naam getoond mag "
     "worden."),
    ("confront.items", "Images and chats to print", "Afbeeldingen en chats om af te drukken"),
    ("confront.messages", "Single chat messages (ITEM:N, separated by commas)",
     "Losse chatberichten (ITEM:N, gescheiden door komma's)"),
    ("confront.date", "Date of the meeting", "Datum van het gesprek"),
    ("confront.with", "With whom", "Met wie"),
    ("confront.with_hint", "default: the pupil and the parents",
     "standaard: de leerling en de ouders"),
    ("confront.review", "Review", "Bekijken"),
    ("confront.review_title", ("Review the print ({n} page)", "Review the print ({n} pages)"),
     ("De afdruk bekijken ({n} pagina)", "De afdruk bekijken ({n} pagina's)")),
    ("confront.page", "Page {n} of {total}: {what}", "Pagina {n} van {total}: {what}"),
    ("confront.no_reading",
     "This image has no OCR reading: nothing on it was masked automatically. Cover every "
     "name by hand (a rectangle below).",
     "Deze afbeelding heeft geen OCR-lezing: er is niets automatisch afgedekt. Dek elke naam "
     "met de hand af (een rechthoek hieronder)."),
    ("confront.masks", "Masks on this page (l: lift the selected one)",
     "Afdekkingen op deze pagina (l: de gekozen weghalen)"),
    ("confront.no_masks", "no masks on this page", "geen afdekkingen op deze pagina"),
    ("confront.mask_line", "{label}: {found} ({why})", "{label}: {found} ({why})"),
    ("confront.words", "Words read on the image (enter: cover the word)",
     "Woorden gelezen op de afbeelding (enter: het woord afdekken)"),
    ("confront.rect", "Cover a rectangle: x,y,width,height in pixels (enter: add)",
     "Een rechthoek afdekken: x,y,breedte,hoogte in pixels (enter: toevoegen)"),
    ("confront.rect_on_image", "a rectangle covers part of an image: go to an image page",
     "een rechthoek dekt een deel van een afbeelding af: ga naar een pagina met een afbeelding"),
    ("confront.out", "Save the PDF as", "PDF opslaan als"),
    ("confront.print", "Print", "Afdrukken"),
    ("confront.done", ("Printed {path} ({n} page); stored as print {id}.",
                       "Printed {path} ({n} pages); stored as print {id}."),
     ("{path} afgedrukt ({n} pagina); bewaard als afdruk {id}.",
      "{path} afgedrukt ({n} pagina's); bewaard als afdruk {id}.")),
    ("confront.why.name", "name", "naam"),
    ("confront.why.name_part", "part of a name", "deel van een naam"),
    ("confront.why.handle", "account name", "accountnaam"),
    ("confront.why.email", "e-mail address", "e-mailadres"),
    ("confront.why.phone", "phone number", "telefoonnummer"),
    ("confront.why.url_id", "id in a link", "id in een link"),
    ("confront.why.manual", "rectangle by hand", "rechthoek met de hand"),
    ("confront.why.manual_word", "word chosen by hand", "woord met de hand gekozen"),
]

# nicknames (person_aliases)
ENTRIES += [
    ("privacy.alias.field", "nickname", "de bijnaam"),
    ("privacy.alias.short", "nickname {alias!r} is too short: give at least 2 characters",
     "bijnaam {alias!r} is te kort: geef minstens 2 tekens"),
    ("privacy.alias.unknown", "person {id} has no nickname {alias!r}",
     "persoon {id} heeft geen bijnaam {alias!r}"),
    ("privacy.alias.which", "name the nickname to remove", "noem de bijnaam die weg moet"),
    ("report.action.person.alias", "nickname recorded", "bijnaam vastgelegd"),
    ("report.action.person.alias_removed", "nickname removed", "bijnaam verwijderd"),
]

ENTRIES += [
    ("confront.why.name_near", "read as a name (one letter off)",
     "gelezen als naam (één letter anders)"),
]

ENTRIES += [
    ("print.list_line", "print {id}: meeting on {on} with {who}; items {items}; by {by}",
     "afdruk {id}: gesprek op {on} met {who}; bewijsstukken {items}; door {by}"),
]
