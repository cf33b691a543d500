"""The vault's settings: who the school is and whom the police can call.

Every document the school hands over (the police bundle's handover sheet, later every
letter and form) names the school and a contact person with a telephone number. They are
kept in the vault's ``meta`` table (encrypted with the rest), read by anyone who may open
the vault, changed only by a coordinator, and every change is in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

from cybercase.core.contacts import email_address, phone_number
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg

if TYPE_CHECKING:
    from cybercase.vault import Vault

# field -> key in ``meta`` ("school" was there from the start: ``init --school``)
_META_KEYS = {
    "school": "school",
    "address": "school_address",
    "contact_name": "contact_name",
    "phone": "contact_phone",
    "email": "contact_email",
}
MAX_LENGTH = 200


@dataclass(frozen=True)
class Settings:
    school: str = ""
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    def missing(self) -> list[str]:
        """The fields a handover needs that are not filled in (for a reminder)."""
        return [name for name in ("school", "contact_name", "phone") if not getattr(self, name)]


FIELDS = tuple(f.name for f in fields(Settings))


def get_settings(vault: Vault) -> Settings:
    """The vault's settings; anyone who can open the vault may read them."""
    rows = dict(vault.conn.execute(
        "SELECT key, value FROM meta WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(list(_META_KEYS.values())),),
    ).fetchall())
    return Settings(**{name: str(rows.get(key, "")) for name, key in _META_KEYS.items()})


def _clean(name: str, value: str) -> str:
    text = " ".join(str(value).split())  # one line: it is printed on forms
    if len(text) > MAX_LENGTH:
        raise UsageError(msg("settings.too_long", field=name, max=MAX_LENGTH))
    if name == "phone" and text and not valid_phone(text):
        raise UsageError(msg("settings.bad_phone", value=text))
    if name == "email" and text and not valid_email(text):
        raise UsageError(msg("settings.bad_email", value=text))
    return text


def valid_phone(text: str) -> bool:
    """A number someone can dial (``phonenumbers``; without a country code a Dutch one)."""
    try:
        phone_number(text, UsageError(""))
    except UsageError:
        return False
    return True


def valid_email(text: str) -> bool:
    """An e-mail address ``email-validator`` accepts (syntax; no DNS look-up)."""
    try:
        email_address(text, UsageError(""))
    except UsageError:
        return False
    return True


def set_settings(vault: Vault, **changes: str | None) -> Settings:
    """Change some settings (``None``: leave as is; ``""``: clear). Coordinator only;
    the change (old and new values) is in the audit log. Returns the new settings."""
    vault.require("vault.admin")
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise UsageError(msg("settings.unknown", name=", ".join(unknown),
                             choices=", ".join(FIELDS)))
    wanted = {name: _clean(name, value) for name, value in changes.items() if value is not None}
    if not wanted:
        raise UsageError(msg("settings.nothing"))
    with vault.transaction() as tx:
        old = get_settings(vault)
        changed = {name: value for name, value in wanted.items() if getattr(old, name) != value}
        for name, value in changed.items():
            tx.execute("INSERT INTO meta(key, value) VALUES (?, ?)"
                       " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (_META_KEYS[name], value))
        if changed:
            tx.audit("settings.set", "vault settings",
                     {name: {"old": getattr(old, name), "new": value}
                      for name, value in changed.items()})
    return get_settings(vault)
