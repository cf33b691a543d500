"""Core messages of cybercase.privacy in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    # yearly figures (privacy/stats.py): values and the rule
    "privacy.stats.none": "(none recorded)",
    "privacy.stats.all_hidden": "(all values suppressed)",
    "privacy.stats.rule": "counts of 1-4 are shown as '<5'; where a hidden count could be "
                          "worked out from the total, the next smallest count is hidden too "
                          "('x'); cases opened in the year, as seen by this user",
    "privacy.stats.still_open": "still open",
    "privacy.stats.phase": "phase {phase}",
    "privacy.stats.open": "open",
    "privacy.stats.closed": "closed",
    "privacy.stats.closed_not_bullying": "closed: not bullying (support group step 1)",
    "privacy.stats.closed_sg_ended": "closed: support group ended",
    "privacy.stats.week": "within 1 week",
    "privacy.stats.weeks": "1-4 weeks",
    "privacy.stats.months_1_3": "1-3 months",
    "privacy.stats.months_3_6": "3-6 months",
    "privacy.stats.months_over_6": "over 6 months",
    "privacy.stats.year": "--year {value!r} is not a year: give four digits, e.g. 2026",
    # access (privacy/access.py)
    "privacy.access.hidden": "case {ref} is restricted to {users}: ask one of them, or a "
                             "coordinator can lift it with `cybercase case unrestrict {ref}`",
    "privacy.access.no_case": "there is no case {ref!r}: see `cybercase case list`",
    "privacy.access.no_users": "name at least one user: --users NAME[,NAME...]",
    "privacy.access.unknown_user": "there is no user {name!r}: see `cybercase user list`",
    "privacy.access.no_coordinator": "name at least one coordinator in --users ({names} has no "
                                     "coordinator), so someone can still run the case",
    "privacy.access.not_restricted": "case {ref} is not restricted: nothing to lift",
    # auditview (privacy/auditview.py)
    "privacy.auditview.no_case": "there is no case {ref!r} and none was purged: see `cybercase "
                                 "case list`",
    # requests (privacy/requests.py)
    "privacy.requests.pupil": "person {pid} is a {kind}: access requests here are for pupils (the "
                              "parents ask for their child's data)",
    "privacy.requests.future": "the day the request was received ({day}) lies in the future: "
                               "check it",
    "privacy.requests.what": "access request for person {pid} (received {received}): answer with "
                             "`cybercase subject-export {pid} --out FILE.zip`",
    "privacy.requests.kind.parent": "parent",
    "privacy.requests.kind.staff": "staff",
    "privacy.requests.field.received": "the day received",
    "privacy.requests.field.note": "note",
    # corrections (privacy/corrections.py)
    "privacy.corrections.reason": "a correction needs a reason: give --reason TEXT (why the "
                                  "recorded {field} was wrong)",
    "privacy.corrections.needs_reason": "the recorded {field} of {obj} is {old!r}: changing it is "
                                        "a correction, give --reason TEXT",
    "privacy.corrections.same": "the {field} of {obj} is already {value!r}: nothing to correct",
    "privacy.corrections.field": "{kind} has no field {field!r} that can be corrected: choose one "
                                 "of {fields}",
    "privacy.corrections.kind": "cannot correct {kind!r}: choose person, case or evidence",
    "privacy.corrections.future": "date of birth {value} lies in the future: check it",
    "privacy.corrections.pupil_only": "only pupils have a support-group role",
    "privacy.corrections.the_reason": "reason",
    "privacy.corrections.parent_role": "unknown parent role {value!r}: choose one of {choices}",
    "privacy.corrections.born": "date of birth",
    "privacy.corrections.pupil_role": "pupil role",
    "privacy.corrections.staff_role": "staff role",
    "privacy.corrections.sg_role": "support-group role",
    "privacy.corrections.channel": "reporting channel",
    "privacy.corrections.reporter": "reporter",
    "privacy.corrections.report_date": "the report date",
    "privacy.corrections.obj.person": "person {id}",
    "privacy.corrections.obj.case": "case {id}",
    "privacy.corrections.obj.evidence": "evidence {id}",
    "privacy.corrections.fieldname.name": "name",
    "privacy.corrections.fieldname.born": "born",
    "privacy.corrections.fieldname.group": "group",
    "privacy.corrections.fieldname.role": "role",
    "privacy.corrections.fieldname.sg_role": "sg_role",
    "privacy.corrections.fieldname.title": "title",
    "privacy.corrections.fieldname.summary": "summary",
    "privacy.corrections.fieldname.reported_by": "reported_by",
    "privacy.corrections.fieldname.reported_on": "reported_on",
    "privacy.corrections.fieldname.channel": "channel",
    "privacy.corrections.fieldname.outcome": "outcome",
    "privacy.corrections.fieldname.description": "description",
    "privacy.corrections.fieldname.platform": "platform",
    "privacy.corrections.fieldname.url": "url",
    "privacy.corrections.fieldname.captured_by": "captured_by",
    "privacy.corrections.fieldname.shown_time": "shown_time",
    "privacy.corrections.fieldname.device": "device",
    # retention (privacy/retention.py)
    "privacy.retention.days": "retention must be a whole number of days from 0 to {max}, not "
                              "{value!r}",
    "privacy.retention.confirm": "would purge {n} case(s): {refs}; this cannot be undone: run "
                                 "again with --yes to delete them",
    "privacy.retention.fk": "the purge of case {ref} would leave rows pointing at removed rows "
                            "({where}); nothing was deleted: report this",
    "privacy.retention.stopped": "the purge of case {ref} stopped ({error}); nothing of it was "
                                 "deleted",
    "privacy.retention.partial": "purged {done} of {n} case(s); {failed}",
    "privacy.retention.outside": "copies outside the vault are not touched: backups made before "
                                 "this purge, exported bundles and extracted files; delete those "
                                 "by hand",
    # subject (privacy/subject.py)
    "privacy.subject.exists": "{path} already exists: choose another --out, or add --force to "
                              "replace it",
    "privacy.subject.no_dir": "the folder {path} does not exist: create it or choose another --out",
    "privacy.subject.is_dir": "{path} is a folder: give a file name for --out, e.g. inzage.zip",
    "privacy.subject.not_here": "evidence {id} is not in a case of this pupil ({refs}): see "
                                "`cybercase evidence list REF`",
    "privacy.subject.write": "cannot write {path} ({error}): choose another --out",
    # checks (privacy/checks.py)
    "privacy.checks.still_here": "case {ref} was purged (receipt {receipt}) but is in the vault "
                                 "again or still: run `cybercase retention purge --yes` and "
                                 "report this",
    "privacy.checks.details": "{n} audit detail record(s) of purged case {ref} were not erased: "
                              "run `cybercase retention purge --yes` and report this",
}

NL: dict[str, str] = {
    # yearly figures (privacy/stats.py): values and the rule
    "privacy.stats.none": "(niets vastgelegd)",
    "privacy.stats.all_hidden": "(alle waarden verborgen)",
    "privacy.stats.rule": "aantallen van 1-4 staan er als '<5'; waar een verborgen aantal uit "
                          "het totaal af te leiden is, is ook het eerstvolgende kleinste "
                          "aantal verborgen ('x'); zaken geopend in het jaar, zoals deze "
                          "gebruiker ze ziet",
    "privacy.stats.still_open": "nog open",
    "privacy.stats.phase": "fase {phase}",
    "privacy.stats.open": "open",
    "privacy.stats.closed": "gesloten",
    "privacy.stats.closed_not_bullying": "gesloten: geen pesten (supportgroep stap 1)",
    "privacy.stats.closed_sg_ended": "gesloten: supportgroep afgerond",
    "privacy.stats.week": "binnen 1 week",
    "privacy.stats.weeks": "1-4 weken",
    "privacy.stats.months_1_3": "1-3 maanden",
    "privacy.stats.months_3_6": "3-6 maanden",
    "privacy.stats.months_over_6": "meer dan 6 maanden",
    "privacy.stats.year": "{value!r} is geen jaartal: typ vier cijfers, bijv. 2026",
    # access (privacy/access.py)
    "privacy.access.hidden": "zaak {ref} is afgeschermd voor iedereen behalve {users}: vraag het "
                             "een van hen, of laat een coördinator de afscherming opheffen",
    "privacy.access.no_case": "er is geen zaak {ref!r}: kies een zaak uit de lijst",
    "privacy.access.no_users": "noem ten minste één gebruiker",
    "privacy.access.unknown_user": "er is geen gebruiker {name!r}: kies een gebruiker uit de lijst",
    "privacy.access.no_coordinator": "noem ten minste één coördinator ({names} bevat geen "
                                     "coördinator), zodat iemand de zaak kan blijven behandelen",
    "privacy.access.not_restricted": "zaak {ref} is niet afgeschermd: er is niets op te heffen",
    # auditview (privacy/auditview.py)
    "privacy.auditview.no_case": "er is geen zaak {ref!r} en er is er ook geen verwijderd: kies "
                                 "een zaak uit de lijst",
    # requests (privacy/requests.py)
    "privacy.requests.pupil": "persoon {pid} is {kind}: een inzageverzoek geldt hier een leerling "
                              "(de ouders vragen de gegevens van hun kind op)",
    "privacy.requests.future": "de dag waarop het verzoek binnenkwam ({day}) ligt in de toekomst: "
                               "controleer de datum",
    "privacy.requests.what": "inzageverzoek voor persoon {pid} (ontvangen {received}): beantwoord "
                             "het met een inzage-export",
    "privacy.requests.kind.parent": "ouder",
    "privacy.requests.kind.staff": "medewerker",
    "privacy.requests.field.received": "de dag van ontvangst",
    "privacy.requests.field.note": "de notitie",
    # corrections (privacy/corrections.py)
    "privacy.corrections.reason": "een correctie vraagt een reden: schrijf waarom {field} zoals "
                                  "vastgelegd niet klopte",
    "privacy.corrections.needs_reason": "{field} van {obj} is vastgelegd als {old!r}: dat "
                                        "wijzigen is een correctie, geef een reden",
    "privacy.corrections.same": "{field} van {obj} is al {value!r}: er is niets te corrigeren",
    "privacy.corrections.field": "{kind} heeft geen veld {field!r} dat gecorrigeerd kan worden: "
                                 "kies een van: {fields}",
    "privacy.corrections.kind": "{kind!r} kan niet worden gecorrigeerd: kies persoon, zaak of "
                                "bewijs",
    "privacy.corrections.future": "geboortedatum {value} ligt in de toekomst: controleer de datum",
    "privacy.corrections.pupil_only": "alleen leerlingen hebben een rol in de supportgroep",
    "privacy.corrections.the_reason": "de reden",
    "privacy.corrections.parent_role": "onbekende rol van een ouder {value!r}: kies een van: "
                                       "{choices}",
    "privacy.corrections.born": "de geboortedatum",
    "privacy.corrections.pupil_role": "de leerlingrol",
    "privacy.corrections.staff_role": "de personeelsrol",
    "privacy.corrections.sg_role": "de rol in de supportgroep",
    "privacy.corrections.channel": "het meldkanaal",
    "privacy.corrections.reporter": "de melder",
    "privacy.corrections.report_date": "de meldingsdatum",
    "privacy.corrections.obj.person": "persoon {id}",
    "privacy.corrections.obj.case": "zaak {id}",
    "privacy.corrections.obj.evidence": "bewijsstuk {id}",
    "privacy.corrections.fieldname.name": "de naam",
    "privacy.corrections.fieldname.born": "de geboortedatum",
    "privacy.corrections.fieldname.group": "de groep",
    "privacy.corrections.fieldname.role": "de rol",
    "privacy.corrections.fieldname.sg_role": "de rol in de supportgroep",
    "privacy.corrections.fieldname.title": "de titel",
    "privacy.corrections.fieldname.summary": "de samenvatting",
    "privacy.corrections.fieldname.reported_by": "de melder",
    "privacy.corrections.fieldname.reported_on": "de meldingsdatum",
    "privacy.corrections.fieldname.channel": "het meldkanaal",
    "privacy.corrections.fieldname.outcome": "de afloop",
    "privacy.corrections.fieldname.description": "de beschrijving",
    "privacy.corrections.fieldname.platform": "het platform",
    "privacy.corrections.fieldname.url": "de URL",
    "privacy.corrections.fieldname.captured_by": "wie het vastlegde",
    "privacy.corrections.fieldname.shown_time": "de getoonde tijd",
    "privacy.corrections.fieldname.device": "het apparaat",
    # retention (privacy/retention.py)
    "privacy.retention.days": "de bewaartermijn moet een heel aantal dagen zijn van 0 tot {max}, "
                              "niet {value!r}",
    "privacy.retention.confirm": "dit zou {n} zaak/zaken verwijderen: {refs}; dat kan niet "
                                 "ongedaan worden gemaakt: bevestig om ze te verwijderen",
    "privacy.retention.fk": "het verwijderen van zaak {ref} zou rijen achterlaten die naar "
                            "verwijderde rijen wijzen ({where}); er is niets verwijderd: meld dit",
    "privacy.retention.stopped": "het verwijderen van zaak {ref} is gestopt ({error}); er is "
                                 "niets van verwijderd",
    "privacy.retention.partial": "{done} van {n} zaak/zaken verwijderd; {failed}",
    "privacy.retention.outside": "kopieën buiten de kluis blijven staan: reservekopieën van vóór "
                                 "deze verwijdering, geëxporteerde bewijspakketten en opgeslagen "
                                 "bestanden; verwijder die met de hand",
    # subject (privacy/subject.py)
    "privacy.subject.exists": "{path} bestaat al: kies een andere bestandsnaam",
    "privacy.subject.no_dir": "de map {path} bestaat niet: maak die aan of kies een andere map",
    "privacy.subject.is_dir": "{path} is een map: geef een bestandsnaam, bijv. inzage.zip",
    "privacy.subject.not_here": "bewijsstuk {id} hoort niet bij een zaak van deze leerling "
                                "({refs}): kies bewijs uit die zaken",
    "privacy.subject.write": "{path} kan niet worden geschreven ({error}): kies een andere plek",
    # checks (privacy/checks.py)
    "privacy.checks.still_here": "zaak {ref} is verwijderd (bewijs van verwijdering {receipt}) "
                                 "maar staat (weer) in de kluis: verwijder verlopen zaken opnieuw "
                                 "en meld dit",
    "privacy.checks.details": "{n} auditdetail(s) van verwijderde zaak {ref} zijn niet gewist: "
                              "verwijder verlopen zaken opnieuw en meld dit",
}
