"""Messages of several coordinators on one vault (sessions, edit collisions, SSH set-up)
in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    "remote.conflict": (
        "{what} was changed by someone else after this form was opened; nothing was "
        "saved: copy what you typed, close the form, press r to read the new version and "
        "make your change again"
    ),
    "remote.conflict_gone": (
        "{what} was removed by someone else after this form was opened; nothing was saved"
    ),
    "remote.what.case": "This case",
    "remote.what.person": "This person",
    "remote.what.referral": "This referral",
    "remote.what.police": "This police record",
    "remote.what.agreement": "This agreement",
    "remote.what.account": "This account",
    "remote.what.checklist": "This checklist item",
    "remote.what.due": "This agenda item",
    "remote.what.evidence": "This evidence item",
    "remote.others": "Also open: {list}",
    "remote.other": "{user} (since {since}{via})",
    "remote.via_ssh": ", over SSH",
    "remote.bad_account": (
        "{name} is not a usable account name: use lower-case letters, digits, - and _ "
        "(e.g. cybercase)"
    ),
    "remote.bad_key": (
        "{source} is not an OpenSSH public key (one line like 'ssh-ed25519 AAAA... name'): "
        "give the colleague's .pub file"
    ),
    "remote.would_overwrite": "{path} already exists: nothing was written; choose another --out",
    "remote.no_windows": (
        "ssh-setup is not available on Windows: keep the vault on a Linux or macOS machine "
        "that runs an OpenSSH server"
    ),
    "remote.no_sshd": (
        "no OpenSSH server (sshd) is installed on this machine: install it first "
        "(Debian/Ubuntu: apt install openssh-server; macOS: turn on Remote Login)"
    ),
}

NL: dict[str, str] = {
    "remote.conflict": (
        "{what} is door iemand anders gewijzigd nadat dit formulier werd geopend; er is "
        "niets opgeslagen: kopieer wat u typte, sluit het formulier, druk op r om de nieuwe "
        "versie te lezen en breng uw wijziging opnieuw aan"
    ),
    "remote.conflict_gone": (
        "{what} is door iemand anders verwijderd nadat dit formulier werd geopend; er is "
        "niets opgeslagen"
    ),
    "remote.what.case": "Deze zaak",
    "remote.what.person": "Deze persoon",
    "remote.what.referral": "Dit verwijderverzoek",
    "remote.what.police": "Dit politiedossier",
    "remote.what.agreement": "Deze afspraak",
    "remote.what.account": "Dit account",
    "remote.what.checklist": "Dit checklistpunt",
    "remote.what.due": "Dit agendapunt",
    "remote.what.evidence": "Dit bewijsstuk",
    "remote.others": "Ook open: {list}",
    "remote.other": "{user} (sinds {since}{via})",
    "remote.via_ssh": ", via SSH",
    "remote.bad_account": (
        "{name} is geen bruikbare accountnaam: gebruik kleine letters, cijfers, - en _ "
        "(bijvoorbeeld cybercase)"
    ),
    "remote.bad_key": (
        "{source} is geen publieke OpenSSH-sleutel (één regel zoals 'ssh-ed25519 AAAA... "
        "naam'): geef het .pub-bestand van de collega"
    ),
    "remote.would_overwrite": (
        "{path} bestaat al: er is niets geschreven; kies een andere --out"
    ),
    "remote.no_windows": (
        "ssh-setup is niet beschikbaar op Windows: bewaar de kluis op een Linux- of "
        "macOS-computer met een OpenSSH-server"
    ),
    "remote.no_sshd": (
        "op deze computer is geen OpenSSH-server (sshd) geïnstalleerd: installeer die eerst "
        "(Debian/Ubuntu: apt install openssh-server; macOS: zet Externe login aan)"
    ),
}
