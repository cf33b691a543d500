"""Messages in Dutch and English for the faces (the app first; the CLI may follow).

``t(key, **kw)`` looks the key up in the current language, falls back to English, then to
the key itself (so a missing translation shows up plainly instead of crashing).
Placeholders use ``str.format`` names; the values are substituted as data and never
re-interpreted, so user text in ``kw`` is safe. The default language comes from the locale
(``LC_ALL``, ``LC_MESSAGES``, ``LANG``); :func:`set_language` switches it at runtime.

This module is core: it imports neither textual nor click.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
DEFAULT = "en"

_EN: dict[str, str] = {
    # app-wide
    "app.title": "cybercase",
    "app.demo_banner": "Demo vault · user {user} · passphrase: {passphrase}",
    "app.locked": "Locked: the vault is closed.",
    "app.locked_idle": "Locked after {minutes} minutes without activity.",
    "app.error": "Error",
    "app.internal_error": (
        "Something went wrong inside cybercase ({name}); nothing more was changed. "
        "Please report it."
    ),
    "app.not_unlocked": "The vault is locked: unlock it first.",
    # bindings and commands
    "key.quit": "Quit",
    "key.lock": "Lock",
    "key.help": "Help",
    "key.settings": "Settings",
    "key.new_case": "New case",
    "key.open_case": "Open",
    "key.refresh": "Refresh",
    "key.back": "Back",
    "key.cancel": "Cancel",
    "key.save": "Save",
    "key.unlock": "Unlock",
    "cmd.new_case": "New case",
    "cmd.new_case.help": "Open a new case file",
    "cmd.lock": "Lock the vault",
    "cmd.lock.help": "Close the vault and clear the screen",
    "cmd.settings": "Settings",
    "cmd.settings.help": "Language, theme and auto-lock",
    "cmd.help": "Help",
    "cmd.help.help": "Keys and what they do",
    "cmd.dashboard": "Dashboard",
    "cmd.dashboard.help": "Back to the list of open cases",
    "cmd.open_case": "Open case {ref}",
    "cmd.open_case.help": "Show the case file",
    "cmd.theme_light": "Light theme",
    "cmd.theme_dark": "Dark theme",
    "cmd.theme.help": "Switch the colours",
    "cmd.language": "Language: {name}",
    "cmd.language.help": "Switch the language of the app",
    "cmd.quit": "Quit",
    "cmd.quit.help": "Lock the vault and leave cybercase",
    # unlock
    "unlock.title": "Unlock the vault",
    "unlock.vault": "Vault: {path}",
    "unlock.user": "User",
    "unlock.passphrase": "Passphrase",
    "unlock.button": "Unlock",
    "unlock.busy": "Unlocking…",
    "unlock.empty": "Type your passphrase.",
    "unlock.choose_user": "Choose a user.",
    "unlock.recovery": "recovery (recovery key)",
    "unlock.missing": "There is no vault at {path} yet.",
    "unlock.create": "Create a vault",
    # create vault
    "create.title": "Create a new vault",
    "create.intro": "The first user becomes the coordinator. Choose a long passphrase.",
    "create.user": "Your user name",
    "create.school": "School",
    "create.passphrase": "Passphrase",
    "create.passphrase2": "Passphrase again",
    "create.button": "Create",
    "create.busy": "Creating the vault…",
    "create.mismatch": "The two passphrases differ: type the same one twice.",
    "recovery.title": "Your recovery key",
    "recovery.text": (
        "This key opens the vault when every passphrase is lost. It is shown only now: "
        "print it or write it down and keep it locked away."
    ),
    "recovery.done": "I have written it down",
    # dashboard
    "dash.title": "Open cases",
    "dash.col.ref": "Case",
    "dash.col.title": "Title",
    "dash.col.group": "Group",
    "dash.col.phase": "Phase",
    "dash.col.status": "Status",
    "dash.col.activity": "Last activity",
    "dash.empty": "No open cases. Press n to open a new case.",
    "dash.count": "{count} open cases",
    "dash.created": "Opened case {ref}.",
    "status.open": "open",
    "status.closed": "closed",
    # new case
    "newcase.title": "New case",
    "newcase.case_title": "Title",
    "newcase.case_title.placeholder": "e.g. WhatsApp group 7b",
    "newcase.group": "Group / class (optional)",
    "newcase.phase": "Starting phase",
    "newcase.phase_option": "Phase {phase}",
    "newcase.create": "Open case",
    "newcase.cancel": "Cancel",
    # case screen
    "case.title": "Case {ref}",
    "case.tab.overview": "Overview",
    "case.ref": "Case",
    "case.case_title": "Title",
    "case.group": "Group",
    "case.phase": "Phase",
    "case.status": "Status",
    "case.outcome": "Outcome",
    "case.summary": "Summary",
    "case.reported_by": "Reported by",
    "case.channel": "Reported through",
    "case.reported_on": "Reported on",
    "case.triage": "Triage",
    "case.created": "Opened",
    "case.updated": "Last activity",
    "case.closed": "Closed",
    "case.none": "—",
    "case.opened_by": "{when} by {who}",
    # help
    "help.title": "Help",
    "help.keys_here": "Keys on this screen",
    "help.keys_everywhere": "Keys everywhere",
    "help.palette": "Command palette: every action by name",
    "help.close": "Close",
    "help.intro": (
        "cybercase keeps cyberbullying case files and their evidence in an encrypted "
        "vault. The vault locks itself after {minutes} minutes without activity."
    ),
    # settings
    "settings.title": "Settings",
    "settings.language": "Language",
    "settings.theme": "Theme",
    "settings.theme.light": "Light",
    "settings.theme.dark": "Dark",
    "settings.autolock": "Lock after this many minutes without activity",
    "settings.autolock.bad": "Auto-lock must be a whole number of minutes from 1 to 240.",
    "settings.save": "Save",
    "settings.cancel": "Cancel",
    "settings.saved": "Settings saved.",
}

_NL: dict[str, str] = {
    "app.title": "cybercase",
    "app.demo_banner": "Demokluis · gebruiker {user} · wachtwoordzin: {passphrase}",
    "app.locked": "Vergrendeld: de kluis is gesloten.",
    "app.locked_idle": "Vergrendeld na {minutes} minuten zonder activiteit.",
    "app.error": "Fout",
    "app.internal_error": (
        "Er ging iets mis in cybercase ({name}); er is verder niets veranderd. "
        "Meld het alstublieft."
    ),
    "app.not_unlocked": "De kluis is vergrendeld: ontgrendel hem eerst.",
    "key.quit": "Afsluiten",
    "key.lock": "Vergrendelen",
    "key.help": "Help",
    "key.settings": "Instellingen",
    "key.new_case": "Nieuwe zaak",
    "key.open_case": "Openen",
    "key.refresh": "Vernieuwen",
    "key.back": "Terug",
    "key.cancel": "Annuleren",
    "key.save": "Opslaan",
    "key.unlock": "Ontgrendelen",
    "cmd.new_case": "Nieuwe zaak",
    "cmd.new_case.help": "Een nieuw zaakdossier openen",
    "cmd.lock": "Kluis vergrendelen",
    "cmd.lock.help": "De kluis sluiten en het scherm leegmaken",
    "cmd.settings": "Instellingen",
    "cmd.settings.help": "Taal, thema en automatisch vergrendelen",
    "cmd.help": "Help",
    "cmd.help.help": "Toetsen en wat ze doen",
    "cmd.dashboard": "Overzicht",
    "cmd.dashboard.help": "Terug naar de lijst met open zaken",
    "cmd.open_case": "Zaak {ref} openen",
    "cmd.open_case.help": "Het zaakdossier tonen",
    "cmd.theme_light": "Licht thema",
    "cmd.theme_dark": "Donker thema",
    "cmd.theme.help": "Andere kleuren",
    "cmd.language": "Taal: {name}",
    "cmd.language.help": "De taal van de app wisselen",
    "cmd.quit": "Afsluiten",
    "cmd.quit.help": "De kluis vergrendelen en cybercase verlaten",
    "unlock.title": "De kluis ontgrendelen",
    "unlock.vault": "Kluis: {path}",
    "unlock.user": "Gebruiker",
    "unlock.passphrase": "Wachtwoordzin",
    "unlock.button": "Ontgrendelen",
    "unlock.busy": "Bezig met ontgrendelen…",
    "unlock.empty": "Typ uw wachtwoordzin.",
    "unlock.choose_user": "Kies een gebruiker.",
    "unlock.recovery": "recovery (herstelsleutel)",
    "unlock.missing": "Er is nog geen kluis in {path}.",
    "unlock.create": "Een kluis aanmaken",
    "create.title": "Een nieuwe kluis aanmaken",
    "create.intro": "De eerste gebruiker wordt coördinator. Kies een lange wachtwoordzin.",
    "create.user": "Uw gebruikersnaam",
    "create.school": "School",
    "create.passphrase": "Wachtwoordzin",
    "create.passphrase2": "Wachtwoordzin nogmaals",
    "create.button": "Aanmaken",
    "create.busy": "De kluis wordt aangemaakt…",
    "create.mismatch": "De twee wachtwoordzinnen verschillen: typ twee keer dezelfde.",
    "recovery.title": "Uw herstelsleutel",
    "recovery.text": (
        "Met deze sleutel gaat de kluis open als alle wachtwoordzinnen kwijt zijn. Hij "
        "wordt alleen nu getoond: print hem of schrijf hem op en berg hem veilig op."
    ),
    "recovery.done": "Ik heb hem opgeschreven",
    "dash.title": "Open zaken",
    "dash.col.ref": "Zaak",
    "dash.col.title": "Titel",
    "dash.col.group": "Groep",
    "dash.col.phase": "Fase",
    "dash.col.status": "Status",
    "dash.col.activity": "Laatste activiteit",
    "dash.empty": "Geen open zaken. Druk op n om een nieuwe zaak te openen.",
    "dash.count": "{count} open zaken",
    "dash.created": "Zaak {ref} geopend.",
    "status.open": "open",
    "status.closed": "gesloten",
    "newcase.title": "Nieuwe zaak",
    "newcase.case_title": "Titel",
    "newcase.case_title.placeholder": "bijv. WhatsApp-groep 7b",
    "newcase.group": "Groep / klas (optioneel)",
    "newcase.phase": "Beginfase",
    "newcase.phase_option": "Fase {phase}",
    "newcase.create": "Zaak openen",
    "newcase.cancel": "Annuleren",
    "case.title": "Zaak {ref}",
    "case.tab.overview": "Overzicht",
    "case.ref": "Zaak",
    "case.case_title": "Titel",
    "case.group": "Groep",
    "case.phase": "Fase",
    "case.status": "Status",
    "case.outcome": "Uitkomst",
    "case.summary": "Samenvatting",
    "case.reported_by": "Gemeld door",
    "case.channel": "Gemeld via",
    "case.reported_on": "Gemeld op",
    "case.triage": "Triage",
    "case.created": "Geopend",
    "case.updated": "Laatste activiteit",
    "case.closed": "Gesloten",
    "case.none": "—",
    "case.opened_by": "{when} door {who}",
    "help.title": "Help",
    "help.keys_here": "Toetsen op dit scherm",
    "help.keys_everywhere": "Toetsen overal",
    "help.palette": "Opdrachtenpalet: elke actie op naam",
    "help.close": "Sluiten",
    "help.intro": (
        "cybercase bewaart dossiers over cyberpesten en het bewijs daarbij in een "
        "versleutelde kluis. De kluis vergrendelt zich na {minutes} minuten zonder "
        "activiteit."
    ),
    "settings.title": "Instellingen",
    "settings.language": "Taal",
    "settings.theme": "Thema",
    "settings.theme.light": "Licht",
    "settings.theme.dark": "Donker",
    "settings.autolock": "Vergrendelen na zoveel minuten zonder activiteit",
    "settings.autolock.bad": (
        "Automatisch vergrendelen moet een heel aantal minuten zijn, van 1 tot 240."
    ),
    "settings.save": "Opslaan",
    "settings.cancel": "Annuleren",
    "settings.saved": "Instellingen opgeslagen.",
}

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": _EN, "nl": _NL}

_current: list[str] = []  # process-wide choice; set_language replaces it


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale asks for (``nl_NL.UTF-8`` -> ``nl``), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if not value or value in ("C", "POSIX") or value.startswith("C."):
            continue
        code = value.split(":")[0].split(".")[0].split("_")[0].lower()
        if code in CATALOGUES:
            return code
        return DEFAULT
    return DEFAULT


def get_language() -> str:
    if not _current:
        _current.append(language_from_locale())
    return _current[0]


def set_language(code: str) -> None:
    if code not in CATALOGUES:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(CATALOGUES)}")
    _current[:] = [code]


def t(key: str, **kw: object) -> str:
    """The message ``key`` in the current language, with ``kw`` filled in."""
    template = CATALOGUES[get_language()].get(key) or _EN.get(key)
    if template is None:
        return key
    if not kw:
        return template
    try:
        return template.format(**kw)
    except (KeyError, IndexError, ValueError):
        return template


__all__ = ["CATALOGUES", "LANGUAGES", "get_language", "language_from_locale", "set_language", "t"]
