"""Catalogue entries of the `protocol` branch (issue #20, items 3, 5 and 6)."""

ENTRIES = [
    ("dates.no_such_day", "{what}: {day} does not exist",
     "{what}: {day} bestaat niet"),
    ("dates.no_such_month", "{what} {text!r}: there is no month {month}",
     "{what} {text!r}: er is geen maand {month}"),
    ("vault.not_a_date",
     "{what} {text!r} is not a date: write it as 3-12-2026, 3 dec 2026 or 2026-12-03",
     "{what} {text!r} is geen datum: schrijf hem als 3-12-2026, 3 dec 2026 of 2026-12-03"),
]

ENTRIES += [
    ("cases.reopen_void", "case {ref} was voided as made by mistake: it cannot be reopened",
     "zaak {ref} is vervallen verklaard (per vergissing aangemaakt): die kan niet heropend "
     "worden"),
    ("cases.reopen_open", "case {ref} is open: only a closed case can be reopened",
     "zaak {ref} is open: alleen een gesloten zaak kan heropend worden"),
    ("cases.already_void", "case {ref} is already void", "zaak {ref} is al vervallen"),
    ("cases.field.reopen_reason", "the reason for reopening", "de reden van heropenen"),
    ("cases.field.void_reason", "the reason for voiding", "de reden van vervallen"),
    ("cases.tl_reopened", "case reopened: {reason}", "zaak heropend: {reason}"),
    ("cases.tl_voided", "case voided (made by mistake): {reason}",
     "zaak vervallen (per vergissing aangemaakt): {reason}"),
    ("case.reopened", "Reopened", "Heropend"),
    ("case.reopened_why", "{when}: {reason}", "{when}: {reason}"),
    ("case.voided", "Void", "Vervallen"),
    ("case.voided_why", "{when} by {who}: {reason}", "{when} door {who}: {reason}"),
]

ENTRIES += [
    ("cases.contact_pupil",
     "a pupil has no phone number or e-mail address in the case file: record them with "
     "the parents",
     "een leerling heeft geen telefoonnummer of e-mailadres in het dossier: noteer ze bij "
     "de ouders"),
    ("cases.informed_person_role",
     "person {id} ({name}) does not fit the role {who}: choose the person who was "
     "informed, or leave out the role",
     "persoon {id} ({name}) past niet bij de rol {who}: kies de persoon die is "
     "geïnformeerd, of laat de rol weg"),
    ("cases.informed_who_missing",
     "say who was informed: a person of the case or a role ({choices})",
     "zeg wie is geïnformeerd: een persoon uit de zaak of een rol ({choices})"),
]

ENTRIES += [
    ("newcase.phase_option", "Phase {phase}: {name}", "Fase {phase}: {name}"),
]

ENTRIES += [
    ("sg.hidden_for_role",
     ("{n} meeting (not visible for your role)", "{n} meetings (not visible for your role)"),
     ("{n} bijeenkomst (niet zichtbaar voor uw rol)",
      "{n} bijeenkomsten (niet zichtbaar voor uw rol)")),
    ("sg.none_for_role", "No meetings yet.", "Nog geen bijeenkomsten."),
]

ENTRIES += [
    ("privacy.corrections.fieldname.phone", "phone number", "het telefoonnummer"),
    ("privacy.corrections.fieldname.email", "e-mail address", "het e-mailadres"),
    ("privacy.corrections.fieldname.tags", "offence tags", "de soorten feiten"),
    ("privacy.corrections.fieldname.handle", "account name", "de accountnaam"),
    ("privacy.corrections.fieldname.display_name", "display name", "de weergavenaam"),
    ("privacy.corrections.fieldname.profile_url", "profile address", "het profieladres"),
    ("privacy.corrections.fieldname.impersonates", "who it pretends to be",
     "wie het account nadoet"),
    ("privacy.corrections.fieldname.notes", "notes", "de notities"),
    ("privacy.corrections.obj.account", "account {id}", "account {id}"),
    ("privacy.corrections.nothing", "nothing to correct: give at least one field and value",
     "niets te corrigeren: geef minstens één veld met een waarde"),
]

ENTRIES += [
    ("ingest.per_file", "Facts per file", "Feiten per bestand"),
    ("ingest.clear_facts", "Clear the facts", "Feiten leegmaken"),
    ("ingest.facts_for", "The facts below are for {name}",
     "De feiten hieronder gelden voor {name}"),
    ("ingest.col.path", "File", "Bestand"),
]

ENTRIES += [
    ("close.hint",
     "A closed case can no longer be changed; it can be reopened with a reason (R). Its "
     "retention period starts today.",
     "Aan een gesloten zaak kan niets meer veranderen; hij kan met een reden heropend "
     "worden (R). De bewaartermijn begint vandaag."),
    ("key.reopen_case", "Reopen case", "Zaak heropenen"),
    ("key.void_case", "Void case", "Zaak laten vervallen"),
    ("cmd.reopen_case", "Reopen the case", "Zaak heropenen"),
    ("cmd.void_case", "Void the case (made by mistake)",
     "Zaak laten vervallen (per vergissing aangemaakt)"),
    ("reopen.title", "Reopen case {ref}", "Zaak {ref} heropenen"),
    ("reopen.submit", "Reopen", "Heropenen"),
    ("reopen.hint",
     "The case opens again where it was; the reason is kept with the case and in the "
     "audit log.",
     "De zaak gaat weer open waar hij was; de reden blijft bij de zaak en in het "
     "auditlog."),
    ("reopen.field.reason", "Why is the case reopened?", "Waarom wordt de zaak heropend?"),
    ("reopen.done", "Case {ref} is open again.", "Zaak {ref} is weer open."),
    ("void.title", "Void case {ref}", "Zaak {ref} laten vervallen"),
    ("void.submit", "Void", "Laten vervallen"),
    ("void.hint",
     "For a case made by mistake (a test, a second case for one report). It is kept, "
     "with its audit trail, but left out of the case lists and the yearly figures.",
     "Voor een zaak die per vergissing is aangemaakt (een test, een tweede zaak voor "
     "één melding). Hij blijft bewaard, met zijn auditspoor, maar telt niet mee in de "
     "zaaklijsten en de jaarcijfers."),
    ("void.field.reason", "Why was the case made by mistake?",
     "Waarom is de zaak per vergissing aangemaakt?"),
    ("void.done", "Case {ref} is void.", "Zaak {ref} is vervallen."),
]

# dates are typed the Dutch way too (core/dateparse.py): the hints say so
ENTRIES += [
    ("form.date_placeholder", "e.g. 3-12-2026 or 3 dec 2026", "bijv. 3-12-2026 of 3 dec 2026"),
    ("people.field.born", "Date of birth (optional, e.g. 3-5-2015)",
     "Geboortedatum (optioneel, bijv. 3-5-2015)"),
    ("informed.field.on", "Date (e.g. 3-12-2026)", "Datum (bijv. 3-12-2026)"),
    ("sg.field.held_on", "Held on (e.g. 3-12-2026)", "Gehouden op (bijv. 3-12-2026)"),
    ("referrals.sent_placeholder", "e.g. 3-12-2026, once sent", "bijv. 3-12-2026, na versturen"),
    ("referrals.follow_up_placeholder", "e.g. 10-12-2026 (default: a week after sending)",
     "bijv. 10-12-2026 (standaard: een week na versturen)"),
    ("referrals.answer_placeholder", "e.g. 3-12-2026", "bijv. 3-12-2026"),
    ("police.appointment_placeholder", "e.g. 3-12-2026 or 3-12-2026 14:30",
     "bijv. 3-12-2026 of 3-12-2026 14:30"),
    ("agreements.agreed_placeholder", "e.g. 3-12-2026, once signed",
     "bijv. 3-12-2026, na ondertekenen"),
    ("caseedit.field.reported_on", "Reported on (e.g. 3-12-2026)",
     "Gemeld op (bijv. 3-12-2026)"),
    ("followup.field.due", "Due on (e.g. 3-12-2026)", "Uiterlijk op (bijv. 3-12-2026)"),
    ("cyber.police.appointment",
     "the appointment {value!r} is not a date: write 3-12-2026 or '3-12-2026 14:30'",
     "de afspraak {value!r} is geen datum: schrijf 3-12-2026 of '3-12-2026 14:30'"),
    ("cyber.referrals.not_sent", "referral {id} was not sent yet: give --sent DATE",
     "verwijderverzoek {id} is nog niet verstuurd: vul de verzenddatum in"),
]

ENTRIES += [
    ("informed.field.person", "Who was informed (a parent or staff member of the case)",
     "Wie is geïnformeerd (een ouder of medewerker uit de zaak)"),
    ("informed.person_none", "(not a person of the case)", "(geen persoon uit de zaak)"),
    ("informed.who_from_person", "(follows from the person)", "(volgt uit de persoon)"),
    ("people.field.phone", "Phone (parents and staff)", "Telefoon (ouders en medewerkers)"),
    ("people.field.email", "E-mail (parents and staff)", "E-mail (ouders en medewerkers)"),
]

ENTRIES += [
    ("correct.pending", "To be corrected together: {fields}", "Wordt samen gecorrigeerd: {fields}"),
]

ENTRIES += [
    ("correct.f.phone", "Phone", "Telefoon"),
    ("correct.f.email", "E-mail", "E-mail"),
    ("correct.f.tags", "Offence tags (comma-separated)", "Soorten feiten (met komma's)"),
    ("correct.f.handle", "Account name", "Accountnaam"),
    ("correct.f.display_name", "Display name", "Weergavenaam"),
    ("correct.f.profile_url", "Profile address", "Profieladres"),
    ("correct.f.impersonates", "Pretends to be", "Doet zich voor als"),
    ("correct.f.notes", "Notes", "Notities"),
    ("correct.object.accounts", "account {id}", "account {id}"),
    ("correct.what_account", "account {id} · {handle}", "account {id} · {handle}"),
]

ENTRIES += [
    ("phase.current", "Now: {phase}", "Nu: {phase}"),
    ("triage.suggested_phase", "The protocol suggests {phase} for this triage (p changes it).",
     "Het protocol stelt {phase} voor bij deze triage (p wijzigt de fase)."),
]
