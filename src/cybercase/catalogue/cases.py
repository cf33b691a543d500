"""Core messages of cybercase.cases in English (EN) and Dutch (NL); see cybercase.i18n.msg.

Field names (``cases.field.*``) fill the ``{what}`` of the shared text checks: English the
bare noun as before ("title"), Dutch with its article ("de titel"), so the Dutch sentences
need no article of their own ("de titel is leeg: vul de titel in").
"""

from __future__ import annotations

EN: dict[str, str] = {
    "cases.phase_same": "case {ref} is already in phase {phase}: nothing to change",
    "cases.phase_reason": "a phase change needs a reason: give --reason TEXT (why {frm} -> {to})",
    # task: i18n of core messages (cases/, helper i18na)
    # shared checks (cases.py)
    "cases.phase_unknown": "phase {phase} does not exist: the protocol has phases 1 to 6",
    "cases.text_empty": "the {what} is empty: give a short {what}",
    "cases.text_too_long": "the {what} is too long ({n} characters, at most {limit})",
    "cases.text_not_utf8": "the {what} is not valid text (not UTF-8): type it again",
    "cases.text_control": "the {what} contains control characters: {advice}",
    "cases.advice_one_line": "type it on one line",
    "cases.advice_remove": "remove them",
    "cases.long_text_empty": "the {what} is empty: write a few words",
    "cases.closed": "case {ref} is closed ({outcome}): it cannot change",
    "cases.no_outcome": "no outcome",
    "cases.intake_nothing": (
        "nothing to change: give --summary, --reported-by, --channel, --reported-on or --group"
    ),
    "cases.triage_all_met": (
        "all three criteria of bullying are met, yet the triage is {triage!r}: check it"
    ),
    "cases.triage_not_all": "triage {triage!r} while not all three criteria are met: check it",
    "cases.no_case": "there is no case {ref!r}: see `cybercase case list`",
    # people
    "cases.person_kind_unknown": "unknown kind {kind!r}: choose one of {choices}",
    "cases.parent_role_unknown": "unknown parent role {role!r}: choose one of {choices}",
    "cases.sg_role_pupils_only": "only pupils have a support-group role",
    "cases.role_pupils_only": "only a pupil's case role can be changed here",
    "cases.roles_nothing": "nothing to change: give --role or --sg-role",
    "cases.born_future": "date of birth {born} lies in the future: check it",
    "cases.no_person": "there is no person {id}: see `cybercase person list REF`",
    "cases.no_person_in_case": (
        "there is no person {id} in case {ref}: see `cybercase person list REF`"
    ),
    "cases.not_a_parent": "person {id} is a {kind}, not a parent",
    "cases.not_a_pupil": "person {id} is a {kind}, not a pupil",
    "cases.link_other_case": "persons {parent} and {pupil} belong to different cases",
    "cases.kind.pupil": "pupil",
    "cases.kind.parent": "parent",
    "cases.kind.staff": "staff",
    "cases.note_pupils_only": "person {id} is a {kind}: school-system notes are for pupils",
    # checklist
    "cases.checklist_status_unknown": "unknown status {status!r}: choose one of {choices}",
    "cases.evidence_id_bad": "evidence id {id} is not valid: see `cybercase evidence list`",
    # agenda
    "cases.followup_kind_unknown": "unknown kind {kind!r}: choose one of {choices}",
    "cases.no_agenda_item": "there is no agenda item {id}: see `cybercase agenda`",
    "cases.agenda_item_done": "agenda item {id} is already done",
    # search
    "cases.search_short": "type at least {n} characters to search",
    "cases.search_long": "the search text is too long ({n} characters, at most {max})",
    "cases.search_control": "the search text contains control characters: type it on one line",
    # support group
    "cases.sg_future": (
        "the meeting date {day} lies in the future: record a meeting once it was held"
    ),
    "cases.sg_bullied": (
        "person {pid} is the bullied pupil, who does not take part in {step}: "
        "leave them out of --participant"
    ),
    "cases.sg_decision": "step {step} needs --decision ({choices})",
    "cases.sg_bad_decision": "step {step} cannot decide {value!r}: choose one of {choices}",
    "cases.sg_nothing": "nothing",
    "cases.sg_last": (
        "the second evaluation was the last one: record step 4 with --decision end, "
        "or go on with the extra step"
    ),
    "cases.sg_ended": "the support group of case {ref} has ended: step {step} cannot follow",
    "cases.sg_no_action": "{name} (person {pid}) has no action point in this meeting",
    "cases.sg_action_format": (
        "action {text!r} is not PERSON_ID:TEXT, e.g. 12:'plays with her at break'"
    ),
    "cases.sg_action_not_pupil": "person {pid} is not a pupil: action points are for children",
    "cases.sg_evaluation": "support group: evaluation after step {step} ({name})",
    "cases.sg_second_evaluation": "support group: second and last evaluation (step 4)",
    "cases.informed_who_unknown": "unknown --who {who!r}: choose one of {choices}",
    "cases.no_meeting": "there is no meeting {id} in case {ref}: see `cybercase sg show {ref}`",
    # timeline
    "cases.tl_opened": "case opened in phase {phase}",
    "cases.reason_opened": "case opened",
    "cases.tl_reported": "reported",
    "cases.tl_reported_by": "reported by {who}",
    "cases.tl_reported_via": "reported via {how}",
    "cases.tl_reported_by_via": "reported by {who} via {how}",
    "cases.tl_triage": "triage: {triage}",
    "cases.tl_closed": "closed: {outcome}",
    "cases.tl_phase": "phase {frm} -> {to}: {reason}",
    "cases.tl_meeting": "support group step {step}: {name}",
    "cases.tl_meeting_decision": "support group step {step}: {name} (decision: {decision})",
    "cases.tl_informed": "{who} informed ({how})",
    "cases.tl_informed_what": "{who} informed ({how}): {what}",
    "cases.tl_checklist": "checklist item {item}: {status}",
    "cases.tl_status_open": "open",
    "cases.tl_status_done": "done",
    "cases.tl_status_na": "na",
    "cases.tl_done": "done: {what}",
    "cases.tl_due": "due: {what}",
    "cases.tl_evidence": "evidence {id} {mime} ({basis})",
    "cases.tl_evidence_withdrawn": "evidence {id} {mime} (withdrawn) ({basis})",
    "cases.tl_basis_exif": "EXIF date",
    "cases.tl_basis_file": "file time",
    "cases.tl_basis_ingest": "ingest time",
    # field names
    "cases.field.title": "title",
    "cases.field.group": "group",
    "cases.field.reporter": "reporter",
    "cases.field.report_date": "the report date",
    "cases.field.summary": "summary",
    "cases.field.reason": "reason",
    "cases.field.channel": "reporting channel",
    "cases.field.triage_outcome": "triage outcome",
    "cases.field.triage_note": "triage note",
    "cases.field.outcome": "outcome",
    "cases.field.name": "name",
    "cases.field.pupil_role": "pupil role",
    "cases.field.staff_role": "staff role",
    "cases.field.sg_role": "support-group role",
    "cases.field.born": "date of birth",
    "cases.field.note": "note",
    "cases.field.due_date": "the due date",
    "cases.field.description": "description",
    "cases.field.meeting_date": "the meeting date",
    "cases.field.meeting_notes": "meeting notes",
    "cases.field.leader": "leader",
    "cases.field.action_point": "action point",
    "cases.field.date_informed": "the date informed",
    "cases.field.how": "how (e.g. phone, e-mail, in person)",
    "cases.field.what_told": "what was told",
}

NL: dict[str, str] = {
    "cases.phase_same": "zaak {ref} staat al in fase {phase}: er verandert niets",
    "cases.phase_reason": "een faseovergang vraagt een reden: vul in waarom ({frm} -> {to})",
    # task: i18n of core messages (cases/, helper i18na)
    # shared checks (cases.py)
    "cases.phase_unknown": "fase {phase} bestaat niet: het protocol kent de fasen 1 tot en met 6",
    "cases.text_empty": "{what} is leeg: vul {what} in",
    "cases.text_too_long": "{what} is te lang ({n} tekens, hoogstens {limit})",
    "cases.text_not_utf8": "{what} is geen geldige tekst (geen UTF-8): typ het opnieuw",
    "cases.text_control": "{what} bevat stuurtekens: {advice}",
    "cases.advice_one_line": "typ het op één regel",
    "cases.advice_remove": "haal ze weg",
    "cases.long_text_empty": "{what} is leeg: schrijf een paar woorden",
    "cases.closed": "zaak {ref} is gesloten ({outcome}): er kan niets meer veranderen",
    "cases.no_outcome": "geen uitkomst",
    "cases.intake_nothing": (
        "er verandert niets: vul de samenvatting, de melder, het meldkanaal, de meldingsdatum "
        "of de groep in"
    ),
    "cases.triage_all_met": (
        "aan alle drie de criteria voor pesten is voldaan, maar de triage is {triage!r}: "
        "controleer het"
    ),
    "cases.triage_not_all": (
        "triage {triage!r} terwijl niet aan alle drie de criteria is voldaan: controleer het"
    ),
    "cases.no_case": "zaak {ref!r} bestaat niet: kies een zaak uit de lijst",
    # people
    "cases.person_kind_unknown": "onbekende soort {kind!r}: kies uit {choices}",
    "cases.parent_role_unknown": "onbekende ouderrol {role!r}: kies uit {choices}",
    "cases.sg_role_pupils_only": "alleen leerlingen hebben een rol in de supportgroep",
    "cases.role_pupils_only": "hier kan alleen de rol van een leerling in de zaak veranderen",
    "cases.roles_nothing": "er verandert niets: kies een rol of een rol in de supportgroep",
    "cases.born_future": "geboortedatum {born} ligt in de toekomst: controleer hem",
    "cases.no_person": "persoon {id} bestaat niet: kies iemand uit de betrokkenen",
    "cases.no_person_in_case": (
        "persoon {id} hoort niet bij zaak {ref}: kies iemand uit de betrokkenen van de zaak"
    ),
    "cases.not_a_parent": "persoon {id} is {kind}, geen ouder",
    "cases.not_a_pupil": "persoon {id} is {kind}, geen leerling",
    "cases.link_other_case": "personen {parent} en {pupil} horen bij verschillende zaken",
    "cases.kind.pupil": "leerling",
    "cases.kind.parent": "ouder",
    "cases.kind.staff": "personeel",
    "cases.note_pupils_only": (
        "persoon {id} is {kind}: notities voor het leerlingvolgsysteem zijn er alleen voor "
        "leerlingen"
    ),
    # checklist
    "cases.checklist_status_unknown": "onbekende status {status!r}: kies uit {choices}",
    "cases.evidence_id_bad": "bewijsnummer {id} is ongeldig: kies een nummer uit de bewijslijst",
    # agenda
    "cases.followup_kind_unknown": "onbekende soort {kind!r}: kies uit {choices}",
    "cases.no_agenda_item": "agendapunt {id} bestaat niet: kijk in de agenda",
    "cases.agenda_item_done": "agendapunt {id} is al afgehandeld",
    # search
    "cases.search_short": "typ minstens {n} tekens om te zoeken",
    "cases.search_long": "de zoektekst is te lang ({n} tekens, hoogstens {max})",
    "cases.search_control": "de zoektekst bevat stuurtekens: typ hem op één regel",
    # support group
    "cases.sg_future": (
        "de gespreksdatum {day} ligt in de toekomst: leg een gesprek vast nadat het is gevoerd"
    ),
    "cases.sg_bullied": (
        "persoon {pid} is de gepeste leerling en doet niet mee aan {step}: "
        "laat deze leerling weg bij de deelnemers"
    ),
    "cases.sg_decision": "stap {step} vraagt een besluit ({choices})",
    "cases.sg_bad_decision": "stap {step} kan niet {value!r} besluiten: kies uit {choices}",
    "cases.sg_nothing": "niets",
    "cases.sg_last": (
        "de tweede evaluatie was de laatste: leg stap 4 vast met het besluit 'end', "
        "of ga verder met de extra stap"
    ),
    "cases.sg_ended": (
        "de supportgroep van zaak {ref} is afgerond: stap {step} kan niet meer volgen"
    ),
    "cases.sg_no_action": "{name} (persoon {pid}) heeft geen actiepunt in dit gesprek",
    "cases.sg_action_format": (
        "actiepunt {text!r} heeft niet de vorm PERSOONSNUMMER:TEKST, "
        "bijv. 12:'speelt met haar in de pauze'"
    ),
    "cases.sg_action_not_pupil": (
        "persoon {pid} is geen leerling: actiepunten zijn er voor kinderen"
    ),
    "cases.sg_evaluation": "supportgroep: evaluatie na stap {step} ({name})",
    "cases.sg_second_evaluation": "supportgroep: tweede en laatste evaluatie (stap 4)",
    "cases.informed_who_unknown": "onbekend wie {who!r}: kies uit {choices}",
    "cases.no_meeting": (
        "gesprek {id} hoort niet bij zaak {ref}: kies een gesprek van de zaak {ref}"
    ),
    # timeline
    "cases.tl_opened": "zaak geopend in fase {phase}",
    "cases.reason_opened": "zaak geopend",
    "cases.tl_reported": "gemeld",
    "cases.tl_reported_by": "gemeld door {who}",
    "cases.tl_reported_via": "gemeld via: {how}",
    "cases.tl_reported_by_via": "gemeld door {who}, via: {how}",
    "cases.tl_triage": "triage: {triage}",
    "cases.tl_closed": "gesloten: {outcome}",
    "cases.tl_phase": "fase {frm} -> {to}: {reason}",
    "cases.tl_meeting": "supportgroep stap {step}: {name}",
    "cases.tl_meeting_decision": "supportgroep stap {step}: {name} (besluit: {decision})",
    "cases.tl_informed": "{who} geïnformeerd ({how})",
    "cases.tl_informed_what": "{who} geïnformeerd ({how}): {what}",
    "cases.tl_checklist": "checklistpunt {item}: {status}",
    "cases.tl_status_open": "open",
    "cases.tl_status_done": "gedaan",
    "cases.tl_status_na": "niet van toepassing",
    "cases.tl_done": "afgehandeld: {what}",
    "cases.tl_due": "gepland: {what}",
    "cases.tl_evidence": "bewijs {id} {mime} ({basis})",
    "cases.tl_evidence_withdrawn": "bewijs {id} {mime} (ingetrokken) ({basis})",
    "cases.tl_basis_exif": "EXIF-datum",
    "cases.tl_basis_file": "bestandstijd",
    "cases.tl_basis_ingest": "tijd van invoer",
    # field names (Dutch with article)
    "cases.field.title": "de titel",
    "cases.field.group": "de groep",
    "cases.field.reporter": "de melder",
    "cases.field.report_date": "de meldingsdatum",
    "cases.field.summary": "de samenvatting",
    "cases.field.reason": "de reden",
    "cases.field.channel": "het meldkanaal",
    "cases.field.triage_outcome": "de triage-uitkomst",
    "cases.field.triage_note": "de triagenotitie",
    "cases.field.outcome": "de uitkomst",
    "cases.field.name": "de naam",
    "cases.field.pupil_role": "de leerlingrol",
    "cases.field.staff_role": "de personeelsrol",
    "cases.field.sg_role": "de rol in de supportgroep",
    "cases.field.born": "de geboortedatum",
    "cases.field.note": "de notitie",
    "cases.field.due_date": "de datum",
    "cases.field.description": "de omschrijving",
    "cases.field.meeting_date": "de gespreksdatum",
    "cases.field.meeting_notes": "het gespreksverslag",
    "cases.field.leader": "de gespreksleider",
    "cases.field.action_point": "het actiepunt",
    "cases.field.date_informed": "de datum van informeren",
    "cases.field.how": "de manier (bijv. telefoon, e-mail, persoonlijk)",
    "cases.field.what_told": "wat er is verteld",
}
