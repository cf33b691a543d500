"""Core messages of cybercase.cyber in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    # police (cyber/police.py): errors
    "cyber.police.kind": "unknown kind {value!r}: choose one of {choices}",
    "cyber.police.offence": "unknown offence {value!r}: choose one of {choices}",
    "cyber.police.other": "offence 'other' needs --offence-note saying which offence",
    "cyber.police.victim_suspect": "person {id} is the victim and cannot also be a suspect",
    "cyber.police.export": "there is no export {id} of case {ref}: see `cybercase audit {ref}` "
                           "for the bundles made",
    "cyber.police.future": "{what} {day} lies in the future: check it",
    "cyber.police.after": "the offence date {offence} lies after the report date {report}: "
                          "check them",
    "cyber.police.nothing": "nothing to change: give --reference, --appointment, --export or "
                            "--notes",
    "cyber.police.appointment": "the appointment {value!r} is not a date: write YYYY-MM-DD or "
                                "'YYYY-MM-DD HH:MM'",
    # police: what the law says, shown with every record
    "cyber.police.under_12": "{age} on {day}: under 12, cannot be prosecuted",
    "cyber.police.juvenile": "{age} on {day}: can be prosecuted (juvenile criminal law, "
                             "12 to 17)",
    "cyber.police.adult": "{age} on {day}: can be prosecuted",
    "cyber.police.age_unknown": "date of birth unknown: age unknown, so whether they can be "
                                "prosecuted (12 or older) is unknown; add it with the "
                                "person's --born",
    "cyber.police.complaint_parents": "{offence} is a complaint offence: only the victim can "
                                      "file the complaint, and the victim is {age} (under 16), "
                                      "so the parents file it",
    "cyber.police.complaint_victim": "{offence} is a complaint offence: only the victim ({age}) "
                                     "can file the complaint",
    "cyber.police.complaint_unknown": "{offence} is a complaint offence: only the victim can "
                                      "file the complaint, or the parents for a victim under 16",
    "cyber.police.complaint_melding": "a melding is not a complaint: for prosecution the victim "
                                      "(or the parents, under 16) must file an aangifte",
    "cyber.police.anyone": "anyone can report this offence",
    "cyber.police.sexual": "sexual images of a minor: never store, copy or forward them (not "
                           "even as evidence); report to the police, or Meldpunt Kinderporno / "
                           "Offlimits; the case takes the police route",
    "cyber.police.no_suspect_12": "no suspect is 12 or older: the police cannot prosecute "
                                  "anyone here; a melding can still matter (and help for the "
                                  "victim)",
    "cyber.police.route_record": "police record {id}: sexual images of a minor",
    "cyber.police.route_described": "{n} description(s) of sexual images of a minor recorded "
                                    "(never the images themselves)",
    # police: offence names inside sentences (also "offence_en" in JSON)
    "cyber.police.offence.discriminatie": "discrimination",
    "cyber.police.offence.smaad": "defamation (smaad)",
    "cyber.police.offence.laster": "slander (laster)",
    "cyber.police.offence.belediging": "insult (belediging)",
    "cyber.police.offence.bedreiging": "threat (bedreiging)",
    "cyber.police.offence.stalking": "stalking",
    "cyber.police.offence.sexual_images": "sexual images of a minor",
    "cyber.police.offence.other": "other",
    # police: field names inside shared checks
    "cyber.police.field.report_date": "the report date",
    "cyber.police.field.offence_date": "the offence date",
    "cyber.police.field.appointment_date": "the appointment date",
    "cyber.police.field.offence_note": "offence note",
    "cyber.police.field.reference": "police reference",
    "cyber.police.field.filed_by": "who filed it",
    "cyber.police.field.notes": "notes",
    # agenda items of the cyber work (cyber/providers.py)
    "cyber.agenda.referral": "referral {id} ({where}, {status}): check the answer",
    "cyber.agenda.where": "{channel}, {platform}",
    "cyber.agenda.police": "police appointment ({kind}, police record {id})",
    "cyber.agenda.police_at": "police appointment at {time} ({kind}, police record {id})",
    "cyber.agenda.agreement": "review the smartphone agreement {id} (person {person})",
    # referral channels and statuses inside sentences: as their codes in English
    "cyber.channel.meldknop": "meldknop",
    "cyber.channel.helpwanted": "helpwanted",
    "cyber.channel.platform": "platform",
    "cyber.channel.police": "police",
    "cyber.status_code.draft": "draft",
    "cyber.status_code.sent": "sent",
    "cyber.status_code.removed": "removed",
    "cyber.status_code.refused": "refused",
    "cyber.status_code.no_answer": "no_answer",
    "cyber.status_word.draft": "draft",
    "cyber.status_word.sent": "sent",
    "cyber.status_word.removed": "removed",
    "cyber.status_word.refused": "refused",
    "cyber.status_word.no_answer": "no answer",
    # police offences as codes in the timeline ("sexual images") and stats
    "cyber.offence_word.discriminatie": "discriminatie",
    "cyber.offence_word.smaad": "smaad",
    "cyber.offence_word.laster": "laster",
    "cyber.offence_word.belediging": "belediging",
    "cyber.offence_word.bedreiging": "bedreiging",
    "cyber.offence_word.stalking": "stalking",
    "cyber.offence_word.sexual_images": "sexual images",
    "cyber.offence_word.other": "other",
    # timeline events of the cyber work (cyber/providers.py)
    "cyber.timeline.account": "account {id} recorded: {handle} on {platform}",
    "cyber.timeline.fake_account": "fake account {id} recorded: {handle} on {platform}",
    "cyber.timeline.attribution": "account {id} ({handle} on {platform}): {status} to be "
                                  "person {person} ({basis})",
    "cyber.timeline.referral": "referral {id} to {channel} recorded ({status})",
    "cyber.timeline.referral_sent": "referral {id} sent to {channel}",
    "cyber.timeline.referral_status": "referral {id} ({channel}): {status}",
    "cyber.timeline.referral_update": "referral {id} updated: {changed}",
    "cyber.timeline.police": "police record {id}: {kind} ({offence})",
    "cyber.timeline.police_ref": "police record {id}: {kind} ({offence}), police reference "
                                 "{reference}",
    "cyber.timeline.agreement": "smartphone agreement {id} drawn up (person {person})",
    "cyber.timeline.agreement_agreed": "smartphone agreement {id} agreed and signed",
    "cyber.timeline.agreement_ended": "smartphone agreement {id} ended",
    "cyber.timeline.agreement_review": "smartphone agreement {id} reviewed",
    "cyber.timeline.agreement_review_next": "smartphone agreement {id} reviewed, next review "
                                            "{next}",
    # attribution statuses and bases inside sentences
    "cyber.attribution.suspected": "suspected",
    "cyber.attribution.confirmed": "confirmed",
    "cyber.attribution.refuted": "refuted",
    "cyber.basis.pupil_statement": "pupil's statement",
    "cyber.basis.ict_trace": "ICT trace",
    "cyber.basis.admission": "admission",
    "cyber.basis.parent": "parent",
    "cyber.basis.other": "other",
    # common (cyber/common.py)
    "cyber.common.evidence": "evidence {id} is not in case {ref}: see `cybercase evidence list "
                             "{ref}`",
    "cyber.common.account": "there is no account {id} in case {ref}: see `cybercase account list "
                            "{ref}`",
    "cyber.common.no_row": "there is no {what} {id}: see `cybercase {what} list REF`",
    "cyber.common.what.police": "police",
    "cyber.common.what.referral": "referral",
    "cyber.common.what.account": "account",
    "cyber.common.what.agreement": "agreement",
    # validate (cyber/validate.py)
    "cyber.validate.url": "{what} {value!r} is not a web address: give the exact address, "
                          "starting with https:// (copy it from the browser's address bar)",
    "cyber.validate.url_long": "{what} is too long ({n} characters, at most {limit})",
    "cyber.validate.email": "{value!r} is not an e-mail address: write it as name@example.nl",
    "cyber.validate.phone": "{value!r} is not a phone number: write it as 0612345678 or +31 6 "
                            "12345678 (with the country code for a number from abroad, e.g. +44 "
                            "20 7946 0958)",
    "cyber.validate.handle": "the handle is empty: give the user name as shown on the platform, "
                             "e.g. @name",
    "cyber.validate.handle_chars": "the handle {value!r} contains spaces or control characters: "
                                   "give the user name (as in the profile address) and put the "
                                   "shown name in --display-name",
    "cyber.validate.handle_long": "the handle is too long (at most 200 characters)",
    "cyber.validate.the_url": "the URL",
    # accounts (cyber/accounts.py)
    "cyber.accounts.no_account": "there is no account {id}: see `cybercase account list`",
    "cyber.accounts.status": "unknown status {value!r}: choose one of {choices}",
    "cyber.accounts.basis": "unknown basis {value!r}: choose one of {choices}",
    "cyber.accounts.other_note": "basis 'other' needs a --note that says how it is known",
    "cyber.accounts.duplicate": "case {ref} already has account {id} ({handle} on {platform}): "
                                "use that one, e.g. `cybercase account link {id} --evidence ID`",
    "cyber.accounts.also_in": "{label} {value} also appears in case {ref} (account {id}, "
                              "{platform})",
    "cyber.accounts.replaces": "account {id} was confirmed as person {old} before; person {new} "
                               "is now the current attribution (the history keeps both)",
    "cyber.accounts.no_evidence": "give at least one --evidence ID to link",
    "cyber.accounts.label.handle": "handle",
    "cyber.accounts.label.email": "e-mail address",
    "cyber.accounts.label.phone": "phone number",
    "cyber.accounts.field.platform": "platform",
    "cyber.accounts.field.display_name": "display name",
    "cyber.accounts.field.profile_url": "the profile URL",
    "cyber.accounts.field.impersonates": "description of who it pretends to be",
    "cyber.accounts.field.notes": "notes",
    "cyber.accounts.field.note": "note",
    # referrals (cyber/referrals.py)
    "cyber.referrals.channel": "unknown channel {value!r}: choose one of {choices}",
    "cyber.referrals.status": "unknown status {value!r}: choose one of {choices}",
    "cyber.referrals.no_url": "a referral needs the exact address of the content: give at least "
                              "one --url",
    "cyber.referrals.too_many": "at most {n} URLs in one referral: split it",
    "cyber.referrals.platform": "a referral to the platform needs --platform (or an --account of "
                                "the case)",
    "cyber.referrals.future": "the date sent {day} lies in the future: record it once it was sent",
    "cyber.referrals.no_evidence": "referral {id} has no captured evidence: capture the content "
                                   "now (ingest a screenshot and link it with `cybercase referral "
                                   "update {id} --evidence ID`), it may vanish once reported",
    "cyber.referrals.not_sent": "referral {id} was not sent yet: give --sent YYYY-MM-DD",
    "cyber.referrals.nothing": "nothing to change: give --status, --sent, --reference, "
                               "--follow-up, --evidence, --what or --why",
    "cyber.referrals.no_explanation": "referral {id} has no explanation of what is harmful and "
                                      "why: add it with `cybercase referral update {id} --what "
                                      "TEXT --why TEXT`",
    "cyber.referrals.follow_before": "the follow-up date {day} lies before the date sent {sent}: "
                                     "check it",
    "cyber.referrals.no_answer": "referral {id} had no answer: set a new --follow-up date, or try "
                                 "another channel (Helpwanted, the police)",
    "cyber.referrals.language": "unknown language {value!r}: choose nl or en",
    "cyber.referrals.field.sent": "the date sent",
    "cyber.referrals.field.platform": "platform",
    "cyber.referrals.field.what": "description of what is harmful",
    "cyber.referrals.field.why": "explanation of why it is harmful",
    "cyber.referrals.field.reference": "reference",
    "cyber.referrals.field.follow_up": "the follow-up date",
    "cyber.referrals.field.answered": "the date of the answer",
    "cyber.referrals.field.note": "note",
    "cyber.referrals.field.name": "name",
    # agreements (cyber/agreements.py)
    "cyber.agreements.template_read": "cannot read the agreement template {name}: {error}",
    "cyber.agreements.template_toml": "the agreement template {name} is not valid TOML: {error}",
    "cyber.agreements.template_field": "the agreement template {name}: {detail}",
    "cyber.agreements.not_pupil": "person {id} is a {kind}, not a pupil: an agreement is made for "
                                  "a pupil",
    "cyber.agreements.active": "pupil {pupil} already has smartphone agreement {id} ({status}): "
                               "review it, or end it first with `cybercase agreement status {id} "
                               "ended`",
    "cyber.agreements.review_before": "the review date {review} must come after {base}: choose a "
                                      "later date",
    "cyber.agreements.agreed_future": "the date agreed {day} lies in the future: record it once "
                                      "signed",
    "cyber.agreements.status": "unknown status {value!r}: choose one of {choices}",
    "cyber.agreements.set_status": "the status of agreement {id} can be set to agreed or ended; a "
                                   "review makes it reviewed (`cybercase agreement review {id}`)",
    "cyber.agreements.transition": "agreement {id} is {now}: it cannot become {new}",
    "cyber.agreements.fixed": "agreement {id} is {status}: its points are fixed once agreed; make "
                              "a new agreement to change them",
    "cyber.agreements.no_points": "agreement {id} has no points: add at least one before it is "
                                  "agreed",
    "cyber.agreements.no_point": "agreement {id} has no point {n}: see `cybercase agreement show "
                                 "{id}`",
    "cyber.agreements.not_running": "agreement {id} is {status}: only an agreed agreement can be "
                                    "reviewed",
    "cyber.agreements.review_future": "the review date {day} lies in the future: record a review "
                                      "once held",
    "cyber.agreements.next_before": "the next review {next} must come after this review ({day})",
    "cyber.agreements.exists": "{path} already exists: choose another --out, or add --force to "
                               "replace it",
    "cyber.agreements.no_dir": "the folder {path} does not exist: create it or choose another "
                               "--out",
    "cyber.agreements.out_fail": "cannot write {path} ({error}): choose another --out",
    "cyber.agreements.point_edit": "give --add TEXT or --remove N",
    "cyber.agreements.tpl_empty": "{where}{field} must be a non-empty text",
    "cyber.agreements.tpl_long": "{where}{field} is too long (at most {limit} characters)",
    "cyber.agreements.tpl_no_points": "it needs at least one {table} entry",
    "cyber.agreements.tpl_not_table": "{where}not a table",
    "cyber.agreements.tpl_twice": "{where}key {value!r} is used twice",
    "cyber.agreements.tpl_point": "point {n}: ",
    "cyber.agreements.status_word.draft": "draft",
    "cyber.agreements.status_word.agreed": "agreed",
    "cyber.agreements.status_word.reviewed": "reviewed",
    "cyber.agreements.status_word.ended": "ended",
    "cyber.agreements.kind_word.pupil": "pupil",
    "cyber.agreements.kind_word.parent": "parent",
    "cyber.agreements.kind_word.staff": "staff",
    "cyber.agreements.field.parents": "parents",
    "cyber.agreements.field.agreed": "the date agreed",
    "cyber.agreements.field.review_date": "the review date",
    "cyber.agreements.field.point": "point",
    "cyber.agreements.field.point_en": "English point",
    "cyber.agreements.field.date": "the date",
    "cyber.agreements.field.outcome": "review outcome",
    "cyber.agreements.field.next_review": "the next review date",
}

NL: dict[str, str] = {
    # police (cyber/police.py): errors
    "cyber.police.kind": "onbekende soort {value!r}: kies een van: {choices}",
    "cyber.police.offence": "onbekend strafbaar feit {value!r}: kies een van: {choices}",
    "cyber.police.other": "bij strafbaar feit 'anders' hoort een toelichting: schrijf welk "
                          "strafbaar feit het is",
    "cyber.police.victim_suspect": "persoon {id} is het slachtoffer en kan niet ook verdachte "
                                   "zijn",
    "cyber.police.export": "zaak {ref} heeft geen export {id}: kies een bewijspakket dat bij "
                           "deze zaak is gemaakt",
    "cyber.police.future": "{what} {day} ligt in de toekomst: controleer de datum",
    "cyber.police.after": "de datum van het feit ({offence}) ligt na de datum van de aangifte "
                          "({report}): controleer beide",
    "cyber.police.nothing": "er verandert niets: vul het kenmerk, de afspraak, het "
                            "bewijspakket of de notities in",
    "cyber.police.appointment": "de afspraak {value!r} is geen datum: schrijf JJJJ-MM-DD of "
                                "'JJJJ-MM-DD UU:MM'",
    # police: what the law says
    "cyber.police.under_12": "{age} op {day}: jonger dan 12, kan niet worden vervolgd",
    "cyber.police.juvenile": "{age} op {day}: kan worden vervolgd (jeugdstrafrecht, 12 tot "
                             "en met 17)",
    "cyber.police.adult": "{age} op {day}: kan worden vervolgd",
    "cyber.police.age_unknown": "geboortedatum onbekend: de leeftijd is onbekend, dus ook of "
                                "vervolging mogelijk is (vanaf 12 jaar); vul de geboortedatum "
                                "van de persoon in",
    "cyber.police.complaint_parents": "{offence} is een klachtdelict: alleen het slachtoffer "
                                      "kan aangifte doen, en het slachtoffer is {age} (jonger "
                                      "dan 16), dus doen de ouders aangifte",
    "cyber.police.complaint_victim": "{offence} is een klachtdelict: alleen het slachtoffer "
                                     "({age}) kan aangifte doen",
    "cyber.police.complaint_unknown": "{offence} is een klachtdelict: alleen het slachtoffer "
                                      "kan aangifte doen, of de ouders bij een slachtoffer "
                                      "jonger dan 16",
    "cyber.police.complaint_melding": "een melding is geen aangifte: voor vervolging moet het "
                                      "slachtoffer (of de ouders, onder 16) aangifte doen",
    "cyber.police.anyone": "iedereen kan van dit strafbare feit aangifte doen",
    "cyber.police.sexual": "seksuele afbeeldingen van een minderjarige: nooit bewaren, "
                           "kopiëren of doorsturen (ook niet als bewijs); meld het bij de "
                           "politie, of bij Meldpunt Kinderporno / Offlimits; de zaak volgt "
                           "de politieroute",
    "cyber.police.no_suspect_12": "geen enkele verdachte is 12 of ouder: de politie kan hier "
                                  "niemand vervolgen; een melding kan toch zinvol zijn (en "
                                  "hulp voor het slachtoffer opleveren)",
    "cyber.police.route_record": "politiedossier {id}: seksuele afbeeldingen van een "
                                 "minderjarige",
    "cyber.police.route_described": "{n} beschrijving(en) van seksuele afbeeldingen van een "
                                    "minderjarige vastgelegd (nooit de afbeeldingen zelf)",
    # police: offence names inside sentences
    "cyber.police.offence.discriminatie": "discriminatie",
    "cyber.police.offence.smaad": "smaad",
    "cyber.police.offence.laster": "laster",
    "cyber.police.offence.belediging": "belediging",
    "cyber.police.offence.bedreiging": "bedreiging",
    "cyber.police.offence.stalking": "stalking (belaging)",
    "cyber.police.offence.sexual_images": "seksuele afbeeldingen van een minderjarige",
    "cyber.police.offence.other": "anders",
    # police: field names inside shared checks
    "cyber.police.field.report_date": "de datum van de aangifte",
    "cyber.police.field.offence_date": "de datum van het feit",
    "cyber.police.field.appointment_date": "de datum van de afspraak",
    "cyber.police.field.offence_note": "de toelichting op het strafbare feit",
    "cyber.police.field.reference": "het kenmerk van de politie",
    "cyber.police.field.filed_by": "de naam van wie het deed",
    "cyber.police.field.notes": "de notities",
    # agenda items of the cyber work
    "cyber.agenda.referral": "verwijderverzoek {id} ({where}, {status}): kijk of er antwoord is",
    "cyber.agenda.where": "{channel}, {platform}",
    "cyber.agenda.police": "afspraak met de politie ({kind}, politiedossier {id})",
    "cyber.agenda.police_at": "afspraak met de politie om {time} ({kind}, politiedossier {id})",
    "cyber.agenda.agreement": "smartphoneafspraak {id} evalueren (persoon {person})",
    # referral channels and statuses inside sentences
    "cyber.channel.meldknop": "Meldknop",
    "cyber.channel.helpwanted": "Helpwanted",
    "cyber.channel.platform": "platform",
    "cyber.channel.police": "politie",
    "cyber.status_code.draft": "concept",
    "cyber.status_code.sent": "verstuurd",
    "cyber.status_code.removed": "verwijderd",
    "cyber.status_code.refused": "geweigerd",
    "cyber.status_code.no_answer": "geen antwoord",
    "cyber.status_word.draft": "concept",
    "cyber.status_word.sent": "verstuurd",
    "cyber.status_word.removed": "verwijderd",
    "cyber.status_word.refused": "geweigerd",
    "cyber.status_word.no_answer": "geen antwoord",
    # police offences as codes in the timeline and stats
    "cyber.offence_word.discriminatie": "discriminatie",
    "cyber.offence_word.smaad": "smaad",
    "cyber.offence_word.laster": "laster",
    "cyber.offence_word.belediging": "belediging",
    "cyber.offence_word.bedreiging": "bedreiging",
    "cyber.offence_word.stalking": "stalking",
    "cyber.offence_word.sexual_images": "seksuele afbeeldingen",
    "cyber.offence_word.other": "anders",
    # timeline events of the cyber work
    "cyber.timeline.account": "account {id} vastgelegd: {handle} op {platform}",
    "cyber.timeline.fake_account": "nepaccount {id} vastgelegd: {handle} op {platform}",
    "cyber.timeline.attribution": "account {id} ({handle} op {platform}), persoon {person}: "
                                  "{status} ({basis})",
    "cyber.timeline.referral": "verwijderverzoek {id} aan {channel} vastgelegd ({status})",
    "cyber.timeline.referral_sent": "verwijderverzoek {id} verstuurd aan {channel}",
    "cyber.timeline.referral_status": "verwijderverzoek {id} ({channel}): {status}",
    "cyber.timeline.referral_update": "verwijderverzoek {id} bijgewerkt: {changed}",
    "cyber.timeline.police": "politiedossier {id}: {kind} ({offence})",
    "cyber.timeline.police_ref": "politiedossier {id}: {kind} ({offence}), kenmerk van de "
                                 "politie {reference}",
    "cyber.timeline.agreement": "smartphoneafspraak {id} opgesteld (persoon {person})",
    "cyber.timeline.agreement_agreed": "smartphoneafspraak {id} afgesproken en ondertekend",
    "cyber.timeline.agreement_ended": "smartphoneafspraak {id} beëindigd",
    "cyber.timeline.agreement_review": "smartphoneafspraak {id} geëvalueerd",
    "cyber.timeline.agreement_review_next": "smartphoneafspraak {id} geëvalueerd, volgende "
                                            "evaluatie {next}",
    # attribution statuses and bases inside sentences
    "cyber.attribution.suspected": "vermoed",
    "cyber.attribution.confirmed": "bevestigd",
    "cyber.attribution.refuted": "weerlegd",
    "cyber.basis.pupil_statement": "verklaring van een leerling",
    "cyber.basis.ict_trace": "ICT-onderzoek",
    "cyber.basis.admission": "bekentenis",
    "cyber.basis.parent": "ouder",
    "cyber.basis.other": "anders",
    # common (cyber/common.py)
    "cyber.common.evidence": "bewijsstuk {id} hoort niet bij zaak {ref}: kies bewijs uit deze zaak",
    "cyber.common.account": "zaak {ref} heeft geen account {id}: kies een account uit deze zaak",
    "cyber.common.no_row": "er is geen {what} {id}: ververs de lijst en kies opnieuw",
    "cyber.common.what.police": "politiedossier",
    "cyber.common.what.referral": "verwijderverzoek",
    "cyber.common.what.account": "account",
    "cyber.common.what.agreement": "afspraak",
    # validate (cyber/validate.py)
    "cyber.validate.url": "{what} {value!r} is geen webadres: geef het precieze adres, beginnend "
                          "met https:// (kopieer het uit de adresbalk van de browser)",
    "cyber.validate.url_long": "{what} is te lang ({n} tekens, hoogstens {limit})",
    "cyber.validate.email": "{value!r} is geen e-mailadres: schrijf het als naam@voorbeeld.nl",
    "cyber.validate.phone": "{value!r} is geen telefoonnummer: schrijf het als 0612345678 of +31 "
                            "6 12345678 (met de landcode bij een buitenlands nummer, bijv. +44 20 "
                            "7946 0958)",
    "cyber.validate.handle": "de gebruikersnaam is leeg: geef de naam zoals die op het platform "
                             "staat, bijv. @naam",
    "cyber.validate.handle_chars": "de gebruikersnaam {value!r} bevat spaties of stuurtekens: "
                                   "geef de gebruikersnaam (zoals in het profieladres) en zet de "
                                   "getoonde naam bij de weergavenaam",
    "cyber.validate.handle_long": "de gebruikersnaam is te lang (hoogstens 200 tekens)",
    "cyber.validate.the_url": "de URL",
    # accounts (cyber/accounts.py)
    "cyber.accounts.no_account": "er is geen account {id}: ververs de lijst en kies opnieuw",
    "cyber.accounts.status": "onbekende status {value!r}: kies een van: {choices}",
    "cyber.accounts.basis": "onbekende grond {value!r}: kies een van: {choices}",
    "cyber.accounts.other_note": "bij grond 'anders' hoort een notitie die zegt hoe het bekend is",
    "cyber.accounts.duplicate": "zaak {ref} heeft al account {id} ({handle} op {platform}): "
                                "gebruik dat account en koppel het bewijs daaraan",
    "cyber.accounts.also_in": "{label} {value} komt ook voor in zaak {ref} (account {id}, "
                              "{platform})",
    "cyber.accounts.replaces": "account {id} was eerder bevestigd als persoon {old}; nu geldt "
                               "persoon {new} (de geschiedenis bewaart beide)",
    "cyber.accounts.no_evidence": "kies ten minste één bewijsstuk om te koppelen",
    "cyber.accounts.label.handle": "gebruikersnaam",
    "cyber.accounts.label.email": "e-mailadres",
    "cyber.accounts.label.phone": "telefoonnummer",
    "cyber.accounts.field.platform": "het platform",
    "cyber.accounts.field.display_name": "de weergavenaam",
    "cyber.accounts.field.profile_url": "de profiel-URL",
    "cyber.accounts.field.impersonates": "de beschrijving van wie het account nadoet",
    "cyber.accounts.field.notes": "de notities",
    "cyber.accounts.field.note": "de notitie",
    # referrals (cyber/referrals.py)
    "cyber.referrals.channel": "onbekend kanaal {value!r}: kies een van: {choices}",
    "cyber.referrals.status": "onbekende status {value!r}: kies een van: {choices}",
    "cyber.referrals.no_url": "een verwijderverzoek heeft het precieze adres van de inhoud nodig: "
                              "geef ten minste één URL",
    "cyber.referrals.too_many": "hoogstens {n} URL's in één verwijderverzoek: verdeel ze over "
                                "meer verzoeken",
    "cyber.referrals.platform": "een verwijderverzoek aan het platform heeft de naam van het "
                                "platform nodig (of een account uit de zaak)",
    "cyber.referrals.future": "de verzenddatum {day} ligt in de toekomst: leg die vast als het "
                              "verzoek verstuurd is",
    "cyber.referrals.no_evidence": "bij verwijderverzoek {id} is geen bewijs vastgelegd: leg de "
                                   "inhoud nu vast (voeg een schermafbeelding toe en koppel die "
                                   "aan verwijderverzoek {id}); na het melden kan de inhoud "
                                   "verdwijnen",
    "cyber.referrals.not_sent": "verwijderverzoek {id} is nog niet verstuurd: vul de verzenddatum "
                                "in",
    "cyber.referrals.nothing": "er verandert niets: vul een status, verzenddatum, kenmerk, "
                               "vervolgdatum, bewijs, wat of waarom in",
    "cyber.referrals.no_explanation": "bij verwijderverzoek {id} staat niet wat er schadelijk is "
                                      "en waarom: vul dat eerst in bij verwijderverzoek {id}",
    "cyber.referrals.follow_before": "de vervolgdatum {day} ligt vóór de verzenddatum {sent}: "
                                     "controleer de datum",
    "cyber.referrals.no_answer": "verwijderverzoek {id} kreeg geen antwoord: kies een nieuwe "
                                 "vervolgdatum, of probeer een ander kanaal (Helpwanted, de "
                                 "politie)",
    "cyber.referrals.language": "onbekende taal {value!r}: kies nl of en",
    "cyber.referrals.field.sent": "de verzenddatum",
    "cyber.referrals.field.platform": "het platform",
    "cyber.referrals.field.what": "de beschrijving van wat er schadelijk is",
    "cyber.referrals.field.why": "de uitleg waarom het schadelijk is",
    "cyber.referrals.field.reference": "het kenmerk",
    "cyber.referrals.field.follow_up": "de vervolgdatum",
    "cyber.referrals.field.answered": "de datum van het antwoord",
    "cyber.referrals.field.note": "de notitie",
    "cyber.referrals.field.name": "de naam",
    # agreements (cyber/agreements.py)
    "cyber.agreements.template_read": "het sjabloon voor afspraken {name} is niet te lezen: "
                                      "{error}",
    "cyber.agreements.template_toml": "het sjabloon voor afspraken {name} is geen geldige TOML: "
                                      "{error}",
    "cyber.agreements.template_field": "het sjabloon voor afspraken {name}: {detail}",
    "cyber.agreements.not_pupil": "persoon {id} is {kind}, geen leerling: een afspraak wordt voor "
                                  "een leerling gemaakt",
    "cyber.agreements.active": "leerling {pupil} heeft al smartphoneafspraak {id} ({status}): "
                               "evalueer die, of beëindig afspraak {id} eerst",
    "cyber.agreements.review_before": "de evaluatiedatum {review} moet na {base} liggen: kies een "
                                      "latere datum",
    "cyber.agreements.agreed_future": "de datum van de afspraak {day} ligt in de toekomst: leg "
                                      "die vast als er getekend is",
    "cyber.agreements.status": "onbekende status {value!r}: kies een van: {choices}",
    "cyber.agreements.set_status": "de status van afspraak {id} kan op afgesproken of beëindigd "
                                   "worden gezet; een evaluatie maakt haar geëvalueerd",
    "cyber.agreements.transition": "afspraak {id} is {now}: die kan niet {new} worden",
    "cyber.agreements.fixed": "afspraak {id} is {status}: na het afspreken liggen de punten vast; "
                              "maak een nieuwe afspraak om ze te veranderen",
    "cyber.agreements.no_points": "afspraak {id} heeft geen punten: voeg er ten minste één toe "
                                  "voordat die wordt afgesproken",
    "cyber.agreements.no_point": "afspraak {id} heeft geen punt {n}: kies een punt uit de lijst",
    "cyber.agreements.not_running": "afspraak {id} is {status}: alleen een afgesproken afspraak "
                                    "kan worden geëvalueerd",
    "cyber.agreements.review_future": "de evaluatiedatum {day} ligt in de toekomst: leg een "
                                      "evaluatie vast als die gehouden is",
    "cyber.agreements.next_before": "de volgende evaluatie {next} moet na deze evaluatie ({day}) "
                                    "liggen",
    "cyber.agreements.exists": "{path} bestaat al: kies een andere bestandsnaam",
    "cyber.agreements.no_dir": "de map {path} bestaat niet: maak die aan of kies een andere map",
    "cyber.agreements.out_fail": "{path} kan niet worden geschreven ({error}): kies een andere "
                                 "plek",
    "cyber.agreements.point_edit": "geef een punt om toe te voegen, of het nummer van een punt om "
                                   "te verwijderen",
    "cyber.agreements.tpl_empty": "{where}{field} moet een tekst zijn die niet leeg is",
    "cyber.agreements.tpl_long": "{where}{field} is te lang (hoogstens {limit} tekens)",
    "cyber.agreements.tpl_no_points": "er moet ten minste één {table}-blok in staan",
    "cyber.agreements.tpl_not_table": "{where}geen tabel",
    "cyber.agreements.tpl_twice": "{where}key {value!r} komt twee keer voor",
    "cyber.agreements.tpl_point": "punt {n}: ",
    "cyber.agreements.status_word.draft": "concept",
    "cyber.agreements.status_word.agreed": "afgesproken",
    "cyber.agreements.status_word.reviewed": "geëvalueerd",
    "cyber.agreements.status_word.ended": "beëindigd",
    "cyber.agreements.kind_word.pupil": "leerling",
    "cyber.agreements.kind_word.parent": "ouder",
    "cyber.agreements.kind_word.staff": "medewerker",
    "cyber.agreements.field.parents": "de ouders",
    "cyber.agreements.field.agreed": "de datum van de afspraak",
    "cyber.agreements.field.review_date": "de evaluatiedatum",
    "cyber.agreements.field.point": "het punt",
    "cyber.agreements.field.point_en": "de Engelse tekst van het punt",
    "cyber.agreements.field.date": "de datum",
    "cyber.agreements.field.outcome": "de uitkomst van de evaluatie",
    "cyber.agreements.field.next_review": "de datum van de volgende evaluatie",
}
