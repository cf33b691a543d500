"""Core messages of cybercase.evidence in English (EN) and Dutch (NL); see cybercase.i18n.msg.

The ``evidence.flag.*`` texts are warnings stored with an item; the image decoder's own
(``cybercase/evidence/imaging.py``, which runs without cybercase) must stay identical to
their English here: cybercase.evidence.flags recognises them by it.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # task: i18n of core messages (evidence/, helper i18na)
    # per-file results of an ingest
    "evidence.file.missing": "no such file or folder",
    "evidence.file.symlink": "symlink, not followed: ingest the file it points to instead",
    "evidence.file.special": "not a regular file (device, pipe or socket): nothing to store",
    "evidence.file.unreadable": "cannot be read ({error}): check the permissions and try again",
    "evidence.file.empty": "empty file (0 bytes): nothing to store",
    "evidence.file.loop": "folder already visited (a loop in the file system): skipped",
    "evidence.file.also_in": "the same content is also evidence in case {refs}",
    "evidence.file.duplicate": "already in this case as item {id}",
    # flags (stored with the item)
    "evidence.flag.changed": (
        "the file changed while it was read ({stated} bytes listed, {read} read)"
    ),
    "evidence.flag.big_image": "image larger than {mb} MB: stored but not decoded or checked",
    "evidence.flag.mismatch": (
        "the content is {mime} but the name ends in {ext!r} (usually {expected})"
    ),
    "evidence.flag.too_large": (
        "image claims {mp:.0f} megapixels, more than the {limit} megapixel safety limit: "
        "stored but not decoded"
    ),
    "evidence.flag.bomb": "image is a decompression bomb ({error}): stored but not decoded",
    "evidence.flag.damaged": "damaged or truncated image ({error}): stored as received",
    "evidence.flag.unreadable": "the content looks like an image but cannot be read ({error})",
    "evidence.flag.crashed": (
        "the image decoder stopped on this file ({error}): stored but not checked"
    ),
    # errors
    "evidence.error.bad_tag": "unknown offence tag {tag!r}: use one of {tags}",
    "evidence.error.bad_captured": (
        "--captured-by {value!r}: use one of {choices} (optionally followed by ': who', "
        "e.g. 'parent: mother of the pupil')"
    ),
    "evidence.error.paths_missing": (
        "no such file or folder: {path}; check the path (nothing was stored)"
    ),
    "evidence.error.paths_missing_more": (
        "no such file or folder: {path} (and {more} more); check the path (nothing was stored)"
    ),
    "evidence.error.no_paths": "no files given: name the files or folders to ingest",
    "evidence.error.minor_file": (
        "--sexual-minor never takes a file: sexual images of minors must not be stored, "
        "copied or forwarded; record only a description (--where, --when, --platform, --url, "
        "--account, --description) and go to the police"
    ),
    "evidence.error.minor_empty": (
        "--sexual-minor needs a description of what was seen: give at least one of --where, "
        "--when, --platform, --url, --account, --description"
    ),
    "evidence.error.no_item": "there is no evidence item {id}: see `cybercase evidence list REF`",
    "evidence.error.out_exists": "{path} already exists: choose a new file name for --out",
    "evidence.error.out_no_dir": (
        "the folder {path} does not exist: create it or choose another --out"
    ),
    "evidence.error.out_fail": "cannot write {path} ({error}): choose another --out",
    "evidence.error.extract_corrupt": (
        "evidence {id}: the stored content no longer matches its SHA-256 ({sha}): nothing "
        "was kept at {path}; run `cybercase verify` and restore the vault from a backup"
    ),
    "evidence.error.withdrawn": "evidence {id} was already withdrawn on {when} by {who}",
    "evidence.error.bad_id": (
        "{value!r} is not an evidence id: give the number shown by `evidence list`"
    ),
    "evidence.error.preview_too_big": (
        "evidence {id} is {mb} MB: too big to show here; extract it to look at it"
    ),
    "evidence.error.preview_corrupt": (
        "evidence {id}: the stored content no longer matches its SHA-256 ({sha}): run "
        "`cybercase verify` and restore the vault from a backup"
    ),
    # field names (Dutch with article)
    "evidence.field.captured_by": "captured-by",
    "evidence.field.account": "account",
    "evidence.field.device": "device",
    "evidence.field.platform": "platform",
    "evidence.field.url": "URL",
    "evidence.field.shown_time": "shown time",
    "evidence.field.description": "description",
    "evidence.field.where": "where",
    "evidence.field.when": "when",
    "evidence.field.reason": "reason",
}

NL: dict[str, str] = {
    # task: i18n of core messages (evidence/, helper i18na)
    # per-file results of an ingest
    "evidence.file.missing": "bestand of map bestaat niet",
    "evidence.file.symlink": (
        "snelkoppeling (symlink), niet gevolgd: voeg het bestand toe waar hij naar wijst"
    ),
    "evidence.file.special": "geen gewoon bestand (apparaat, pipe of socket): niets te bewaren",
    "evidence.file.unreadable": (
        "kan niet gelezen worden ({error}): controleer de rechten en probeer het opnieuw"
    ),
    "evidence.file.empty": "leeg bestand (0 bytes): niets te bewaren",
    "evidence.file.loop": "map al bezocht (een lus in het bestandssysteem): overgeslagen",
    "evidence.file.also_in": "dezelfde inhoud is ook bewijs in zaak {refs}",
    "evidence.file.duplicate": "staat al in deze zaak als bewijsstuk {id}",
    # flags (stored with the item)
    "evidence.flag.changed": (
        "het bestand veranderde tijdens het lezen ({stated} bytes verwacht, {read} gelezen)"
    ),
    "evidence.flag.big_image": (
        "afbeelding groter dan {mb} MB: bewaard, maar niet gedecodeerd of gecontroleerd"
    ),
    "evidence.flag.mismatch": (
        "de inhoud is {mime}, maar de naam eindigt op {ext!r} (meestal {expected})"
    ),
    "evidence.flag.too_large": (
        "afbeelding zegt {mp:.0f} megapixel te hebben, meer dan de veiligheidsgrens van "
        "{limit} megapixel: bewaard, maar niet gedecodeerd"
    ),
    "evidence.flag.bomb": (
        "afbeelding is een decompressiebom ({error}): bewaard, maar niet gedecodeerd"
    ),
    "evidence.flag.damaged": (
        "beschadigde of afgebroken afbeelding ({error}): bewaard zoals ontvangen"
    ),
    "evidence.flag.unreadable": (
        "de inhoud lijkt een afbeelding, maar kan niet gelezen worden ({error})"
    ),
    "evidence.flag.crashed": (
        "het decoderen van de afbeelding stopte bij dit bestand ({error}): bewaard, maar niet "
        "gecontroleerd"
    ),
    # errors
    "evidence.error.bad_tag": "onbekend strafbaar feit {tag!r}: kies uit {tags}",
    "evidence.error.bad_captured": (
        "vastgelegd door {value!r}: kies uit {choices} (eventueel gevolgd door ': wie', "
        "bijv. 'parent: moeder van de leerling')"
    ),
    "evidence.error.paths_missing": (
        "bestand of map bestaat niet: {path}; controleer het pad (er is niets bewaard)"
    ),
    "evidence.error.paths_missing_more": (
        "bestand of map bestaat niet: {path} (en nog {more}); controleer het pad "
        "(er is niets bewaard)"
    ),
    "evidence.error.no_paths": (
        "geen bestanden gekozen: kies de bestanden of mappen om toe te voegen"
    ),
    "evidence.error.minor_file": (
        "seksuele beelden van minderjarigen worden nooit als bestand bewaard, gekopieerd of "
        "doorgestuurd: leg alleen een beschrijving vast en ga naar de politie"
    ),
    "evidence.error.minor_empty": (
        "beschrijf wat er is gezien: vul minstens één van waar, wanneer, platform, URL, "
        "account of beschrijving in"
    ),
    "evidence.error.no_item": "bewijsstuk {id} bestaat niet: kies een stuk uit de bewijslijst",
    "evidence.error.out_exists": "{path} bestaat al: kies een nieuwe bestandsnaam",
    "evidence.error.out_no_dir": "de map {path} bestaat niet: maak hem aan of kies een andere plek",
    "evidence.error.out_fail": "kan {path} niet schrijven ({error}): kies een andere plek",
    "evidence.error.extract_corrupt": (
        "bewijsstuk {id}: de bewaarde inhoud klopt niet meer met de SHA-256 ({sha}): er is "
        "niets bewaard in {path}; controleer de kluis en zet een reservekopie terug"
    ),
    "evidence.error.withdrawn": "bewijsstuk {id} is al ingetrokken op {when} door {who}",
    "evidence.error.bad_id": (
        "{value!r} is geen bewijsnummer: gebruik het nummer uit de bewijslijst"
    ),
    "evidence.error.preview_too_big": (
        "bewijsstuk {id} is {mb} MB: te groot om hier te tonen; sla het op om het te bekijken"
    ),
    "evidence.error.preview_corrupt": (
        "bewijsstuk {id}: de bewaarde inhoud klopt niet meer met de SHA-256 ({sha}): "
        "controleer de kluis en zet een reservekopie terug"
    ),
    # field names (Dutch with article)
    "evidence.field.captured_by": "het veld 'vastgelegd door'",
    "evidence.field.account": "het account",
    "evidence.field.device": "het apparaat",
    "evidence.field.platform": "het platform",
    "evidence.field.url": "de URL",
    "evidence.field.shown_time": "de getoonde tijd",
    "evidence.field.description": "de beschrijving",
    "evidence.field.where": "het veld 'waar'",
    "evidence.field.when": "het veld 'wanneer'",
    "evidence.field.reason": "de reden",
}
