"""Core messages of cybercase.protocol in English (EN) and Dutch (NL); see cybercase.i18n.msg.

``{what}`` of ``protocol.unknown_choice`` is a field name: Dutch with its article; that of
``protocol.unknown_ref`` follows "onbekende", so without one (``protocol.field.staff_role``).
"""

from __future__ import annotations

EN: dict[str, str] = {
    # task: i18n of core messages (protocol/, helper i18na)
    "protocol.phase_unknown": "phase {phase} does not exist: the protocol has phases 1 to 6",
    "protocol.step_unknown": "support-group step {step!r} does not exist: choose one of {choices}",
    "protocol.item_unknown": (
        "checklist item {number} does not exist: the protocol has items {first} to {last}"
    ),
    "protocol.unknown_choice": "unknown {what} {value!r}: choose one of {choices}",
    "protocol.field.pupil_role": "pupil role",
    "protocol.field.staff_role": "staff role",
    # protocol files
    "protocol.syntax": "{name}: line {line}: not valid TOML ({detail}): fix the file and try again",
    "protocol.schema": "{name}: line {line}: {where}: {detail}",
    "protocol.missing_key": "missing; add `{name} = ...`",
    "protocol.must_be": "must be {kind}",
    "protocol.kind.str": "a text in quotes",
    "protocol.kind.int": "a whole number",
    "protocol.kind.bool": "true or false",
    "protocol.kind.list": "a list [...]",
    "protocol.kind.dict": "a table",
    "protocol.is_empty": "is empty",
    "protocol.texts": "must be a list of non-empty texts",
    "protocol.needs_entry": "needs at least one entry",
    "protocol.must_be_table": "must be a [[{name}]] table",
    "protocol.bad_key": "{name!r} is not a key: use a-z, 0-9, '_' or '-'",
    "protocol.key_twice": "{name!r} appears twice",
    "protocol.unknown_ref": "unknown {what} {value!r} (known: {known})",
    "protocol.one_of": "must be one of {choices}",
    "protocol.phase_order": "expected phase {phase} here (phases are 1 to 6, in order)",
    "protocol.phase_count": "there are {n} phases; the protocol needs exactly 6",
    "protocol.days_range": "must be between 0 and 365 days",
    "protocol.steps_missing": "step(s) {steps} missing",
    "protocol.item_id": "{number} must be a positive number used only once",
    "protocol.responsible": "name at least one staff role",
    "protocol.bullied_required": 'a role with key "bullied" is required',
    "protocol.too_large": "{path}: too large for a protocol file (at most 1 MB)",
    "protocol.no_file": "there is no file {path}: check the path",
    "protocol.is_dir": "{path} is a directory: name the protocol file",
    "protocol.unreadable": "cannot read {path} ({error}): check the path",
    "protocol.not_utf8": "{path}: line {line}: not UTF-8 text: save it as UTF-8",
    "protocol.not_stored": "protocol {row} is not in this vault: run `cybercase verify`",
}

NL: dict[str, str] = {
    # task: i18n of core messages (protocol/, helper i18na)
    "protocol.phase_unknown": (
        "fase {phase} bestaat niet: het protocol kent de fasen 1 tot en met 6"
    ),
    "protocol.step_unknown": "stap {step!r} van de supportgroep bestaat niet: kies uit {choices}",
    "protocol.item_unknown": (
        "checklistpunt {number} bestaat niet: het protocol kent de punten {first} tot en met "
        "{last}"
    ),
    "protocol.unknown_choice": "{what} {value!r} bestaat niet: kies uit {choices}",
    "protocol.field.pupil_role": "de leerlingrol",
    "protocol.field.staff_role": "personeelsrol",
    # protocol files
    "protocol.syntax": (
        "{name}: regel {line}: geen geldige TOML ({detail}): verbeter het bestand en probeer "
        "het opnieuw"
    ),
    "protocol.schema": "{name}: regel {line}: {where}: {detail}",
    "protocol.missing_key": "ontbreekt; voeg `{name} = ...` toe",
    "protocol.must_be": "moet {kind} zijn",
    "protocol.kind.str": "een tekst tussen aanhalingstekens",
    "protocol.kind.int": "een geheel getal",
    "protocol.kind.bool": "true of false",
    "protocol.kind.list": "een lijst [...]",
    "protocol.kind.dict": "een tabel",
    "protocol.is_empty": "is leeg",
    "protocol.texts": "moet een lijst van niet-lege teksten zijn",
    "protocol.needs_entry": "heeft minstens één onderdeel nodig",
    "protocol.must_be_table": "moet een [[{name}]]-tabel zijn",
    "protocol.bad_key": "{name!r} is geen sleutel: gebruik a-z, 0-9, '_' of '-'",
    "protocol.key_twice": "{name!r} komt twee keer voor",
    "protocol.unknown_ref": "onbekende {what} {value!r} (bekend: {known})",
    "protocol.one_of": "moet een van deze zijn: {choices}",
    "protocol.phase_order": "hier werd fase {phase} verwacht (fasen 1 tot en met 6, op volgorde)",
    "protocol.phase_count": "er zijn {n} fasen; het protocol moet er precies 6 hebben",
    "protocol.days_range": "moet tussen 0 en 365 dagen liggen",
    "protocol.steps_missing": "stap(pen) {steps} ontbreken",
    "protocol.item_id": "{number} moet een positief getal zijn dat maar één keer voorkomt",
    "protocol.responsible": "noem minstens één personeelsrol",
    "protocol.bullied_required": 'een rol met sleutel "bullied" is verplicht',
    "protocol.too_large": "{path}: te groot voor een protocolbestand (hoogstens 1 MB)",
    "protocol.no_file": "bestand {path} bestaat niet: controleer het pad",
    "protocol.is_dir": "{path} is een map: kies het protocolbestand",
    "protocol.unreadable": "kan {path} niet lezen ({error}): controleer het pad",
    "protocol.not_utf8": "{path}: regel {line}: geen UTF-8-tekst: sla het op als UTF-8",
    "protocol.not_stored": "protocol {row} staat niet in deze kluis: controleer de kluis",
}
