"""Core messages of cybercase.vault and the top-level core modules (timeutil, safefile,
verify, ...) in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    # task: i18n of core messages (vault/ and top-level modules, helper i18na)
    "vault.not_a_date": "{what} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-21",
    "vault.field.date": "date",
}

NL: dict[str, str] = {
    # task: i18n of core messages (vault/ and top-level modules, helper i18na)
    "vault.not_a_date": (
        "{what} {text!r} is geen datum: schrijf hem als JJJJ-MM-DD, bijv. 2026-11-21"
    ),
    "vault.field.date": "de datum",
}
