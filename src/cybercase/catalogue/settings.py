"""Core messages of cybercase.settings in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    "settings.too_long": "the {field} is too long: use at most {max} characters",
    "settings.bad_phone": "'{value}' is not a telephone number: give the number the police can "
                          "call, e.g. 020 123 4567",
    "settings.bad_email": "'{value}' is not an e-mail address: give one like naam@school.nl",
    "settings.unknown": "unknown setting {name}: choose from {choices}",
    "settings.nothing": "nothing to change: give at least one of --school, --address, "
                        "--contact-name, --phone, --email",
}

NL: dict[str, str] = {
    "settings.too_long": "het veld {field} is te lang: gebruik ten hoogste {max} tekens",
    "settings.bad_phone": "'{value}' is geen telefoonnummer: vul het nummer in waarop de "
                          "politie kan bellen, bijvoorbeeld 020 123 4567",
    "settings.bad_email": "'{value}' is geen e-mailadres: vul er een in zoals naam@school.nl",
    "settings.unknown": "de instelling {name} bestaat niet: kies uit {choices}",
    "settings.nothing": "er is niets te wijzigen: vul ten minste één gegeven in",
}
