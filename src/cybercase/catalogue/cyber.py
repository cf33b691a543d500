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
    "cyber.police.field.offence_note": "toelichting op het strafbare feit",
    "cyber.police.field.reference": "kenmerk van de politie",
    "cyber.police.field.filed_by": "wie het deed",
    "cyber.police.field.notes": "notities",
    # agenda items of the cyber work
    "cyber.agenda.referral": "melding {id} ({where}, {status}): kijk of er antwoord is",
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
    "cyber.timeline.referral": "melding {id} bij {channel} vastgelegd ({status})",
    "cyber.timeline.referral_sent": "melding {id} verstuurd naar {channel}",
    "cyber.timeline.referral_status": "melding {id} ({channel}): {status}",
    "cyber.timeline.referral_update": "melding {id} bijgewerkt: {changed}",
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
}
