"""Messages of several coordinators on one vault (sessions, edit collisions, SSH set-up)
in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    "remote.conflict": (
        "{what} was changed by someone else after you opened it ({when}); nothing was "
        "saved: copy what you typed, close this form and open it again to see the new "
        "version"
    ),
    "remote.conflict_gone": (
        "{what} was removed by someone else after you opened it; nothing was saved"
    ),
    "remote.when_by": "by {user}, {when}",
    "remote.when_unknown": "just now",
    "remote.others": "Also open: {list}",
    "remote.other": "{user} (since {since}{via})",
    "remote.via_ssh": ", over SSH",
}

NL: dict[str, str] = {
    "remote.conflict": (
        "{what} is gewijzigd door iemand anders nadat u het opende ({when}); er is niets "
        "opgeslagen: kopieer wat u typte, sluit dit formulier en open het opnieuw om de "
        "nieuwe versie te zien"
    ),
    "remote.conflict_gone": (
        "{what} is verwijderd door iemand anders nadat u het opende; er is niets opgeslagen"
    ),
    "remote.when_by": "door {user}, {when}",
    "remote.when_unknown": "zojuist",
    "remote.others": "Ook open: {list}",
    "remote.other": "{user} (sinds {since}{via})",
    "remote.via_ssh": ", via SSH",
}
