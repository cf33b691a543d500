"""The school and its contact person as every document prints them (Dutch labels).

One place for the lines the handover sheet, the agreement form, the access-export PDF and
the police report's cover show: the school's name and address, the contact person's full
name (from the vault's settings, not the login name), phone and e-mail.
"""

from __future__ import annotations

from cybercase.vault import Vault
from cybercase.vault.settings import Settings, get_settings

LABELS_NL = (("school", "School"), ("address", "Adres"), ("contact_name", "Contactpersoon"),
             ("phone", "Telefoon"), ("email", "E-mail"))


def school_contact(vault: Vault) -> Settings:
    """The settings, with the vault's school name when the settings have none."""
    settings = get_settings(vault)
    if not settings.school and vault.school:
        settings = Settings(**{**settings.to_json(), "school": vault.school})
    return settings


def contact_rows(settings: Settings) -> list[tuple[str, str]]:
    """(Dutch label, value) for every filled-in field, in print order."""
    return [(label, getattr(settings, name)) for name, label in LABELS_NL
            if getattr(settings, name)]


def contact_person(settings: Settings, fallback: str = "") -> str:
    """The contact person's full name, else ``fallback`` (e.g. the login name)."""
    return settings.contact_name or fallback
