"""Who may do what. Enforced in the core (``Vault.require``), shown by the faces.

coordinator: everything. ict: accounts, evidence and its metadata, tracing; not care or
support-group notes. viewer (directie): reads, changes nothing.
"""

from __future__ import annotations

from cybercase.core.i18n import msg

ROLES = ("coordinator", "ict", "viewer")

_ALL = frozenset(ROLES)
_COORD = frozenset({"coordinator"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "vault.admin": _COORD,  # users, rekey, retention, backup
    "vault.verify": _ALL,
    "audit.read": frozenset({"coordinator", "viewer"}),
    "case.read": _ALL,
    "case.write": _COORD,
    "care.read": frozenset({"coordinator", "viewer"}),  # support-group and care notes
    "care.write": _COORD,
    "evidence.read": _ALL,
    "evidence.write": frozenset({"coordinator", "ict"}),
    "accounts.read": _ALL,
    "accounts.write": frozenset({"coordinator", "ict"}),
    "export": _COORD,
    # privacy (#9)
    "case.restrict": _COORD,  # restrict a case to named users, or lift it
    "subject.export": _COORD,  # access requests of parents
    "retention": _COORD,  # retention period, list, purge
    "stats.read": _ALL,  # yearly figures without names
}

ROLE_DESCRIPTIONS = {
    "coordinator": "anti-bullying coordinator: everything",
    "ict": "ICT coordinator: accounts, evidence and tracing; no care notes",
    "viewer": "directie: reads along, changes nothing",
}


# What each permission lets a user do, for the one-line refusal: the texts are in the
# catalogue (cybercase/locale, ``vault.perm.<permission>``, English and Dutch).
def permission_text(permission: str) -> str:
    """What ``permission`` lets a user do, as a Msg ("change case files")."""
    if permission in PERMISSIONS:
        return msg(f"vault.perm.{permission}")
    return msg("vault.perm_unknown", permission=permission)


PERMISSION_TEXT: dict[str, str] = {p: str(permission_text(p)) for p in PERMISSIONS}


def refusal(user: str, role: str, permission: str) -> str:
    """The one line shown when ``role`` lacks ``permission``."""
    return msg("vault.refusal", user=user, role=role, what=permission_text(permission),
               permission=permission)


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]
