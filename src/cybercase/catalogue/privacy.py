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
    "privacy.stats.closed_not_bullying": "gesloten: geen pesten (steungroep stap 1)",
    "privacy.stats.closed_sg_ended": "gesloten: steungroep afgerond",
    "privacy.stats.week": "binnen 1 week",
    "privacy.stats.weeks": "1-4 weken",
    "privacy.stats.months_1_3": "1-3 maanden",
    "privacy.stats.months_3_6": "3-6 maanden",
    "privacy.stats.months_over_6": "meer dan 6 maanden",
    "privacy.stats.year": "{value!r} is geen jaartal: typ vier cijfers, bijv. 2026",
}
