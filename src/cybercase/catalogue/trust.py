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
}
