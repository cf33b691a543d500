"""Core messages of the trust work (issue #14: keys, custody, need-to-know, robustness) in
English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    "trust.slot_replaced": (
        "this key file's slot for {user!r} was replaced (a changed passphrase or recovery key) "
        "and no longer opens the vault: use the current key file and passphrase"
    ),
    "trust.slot_gone": (
        "the passphrase of {user!r} was changed in another program: lock and unlock again"
    ),
    "trust.passwd_recovery": (
        "the recovery key has no passphrase to change: make a new one with "
        "`cybercase recovery-key`"
    ),
    "trust.also_elsewhere": (
        "the same content is also evidence in a case you cannot open (ask the coordinator)"
    ),
    "trust.near_elsewhere": (
        "it looks like an item in a case you cannot open (ask the coordinator)"
    ),
    "trust.and": "{first}; {second}",
    "trust.subject_hidden_record": (
        "this pupil also has records in a case you may not open: ask the coordinator named "
        "on that case to answer the access request"
    ),
    "trust.protocol_not_file": (
        "{path} is not a regular file (a device, a pipe or a socket): name a protocol file"
    ),
    "trust.disk_full": (
        "the disk is full: nothing of the last step was kept; free some space (or choose "
        "another disk), then try again"
    ),
    "trust.cannot_write": "cannot write {path} ({error}): choose another place",
    "trust.restore_symlink": (
        "{path} is a symbolic link (to {real}): name the folder itself, e.g. --vault {real}"
    ),
}

NL: dict[str, str] = {
    "trust.slot_replaced": (
        "de sleutel van {user!r} in dit sleutelbestand is vervangen (een nieuwe wachtwoordzin "
        "of herstelsleutel) en opent de kluis niet meer: gebruik het huidige sleutelbestand "
        "en de huidige wachtwoordzin"
    ),
    "trust.slot_gone": (
        "de wachtwoordzin van {user!r} is in een ander programma gewijzigd: vergrendel en "
        "ontgrendel opnieuw"
    ),
    "trust.passwd_recovery": (
        "de herstelsleutel heeft geen wachtwoordzin om te wijzigen: maak een nieuwe met "
        "`cybercase recovery-key`"
    ),
    "trust.also_elsewhere": (
        "dezelfde inhoud is ook bewijs in een zaak die je niet kunt openen (vraag het de "
        "coördinator)"
    ),
    "trust.near_elsewhere": (
        "het lijkt op een stuk in een zaak die je niet kunt openen (vraag het de coördinator)"
    ),
    "trust.and": "{first}; {second}",
    "trust.subject_hidden_record": (
        "deze leerling staat ook in een zaak die je niet mag openen: vraag de coördinator "
        "die bij die zaak staat om het inzageverzoek te beantwoorden"
    ),
    "trust.protocol_not_file": (
        "{path} is geen gewoon bestand (een apparaat, een pipe of een socket): kies een "
        "protocolbestand"
    ),
    "trust.disk_full": (
        "de schijf is vol: van de laatste stap is niets bewaard; maak ruimte vrij (of kies "
        "een andere schijf) en probeer het opnieuw"
    ),
    "trust.cannot_write": "kan {path} niet schrijven ({error}): kies een andere plek",
    "trust.restore_symlink": (
        "{path} is een snelkoppeling (naar {real}): kies de map zelf, bijv. --vault {real}"
    ),
}
