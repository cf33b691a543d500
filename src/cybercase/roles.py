"""Who may do what. Enforced in the core (``Vault.require``), shown by the faces.

coordinator: everything. ict: accounts, evidence and its metadata, tracing; not care or
support-group notes. viewer (directie): reads, changes nothing.
"""

from __future__ import annotations

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


# What each permission lets a user do, for the one-line refusal (translatable in one place).
PERMISSION_TEXT: dict[str, str] = {
    "vault.admin": "manage users, keys and backups",
    "vault.verify": "verify the vault",
    "audit.read": "read the audit log",
    "case.read": "read case files",
    "case.write": "change case files",
    "care.read": "read care notes and support-group notes",
    "care.write": "change care notes and support-group notes",
    "evidence.read": "read evidence",
    "evidence.write": "add or change evidence",
    "accounts.read": "read accounts",
    "accounts.write": "add or trace accounts",
    "export": "export case files",
    "case.restrict": "restrict who may see a case",
    "subject.export": "answer access requests of parents",
    "retention": "set retention or purge cases",
    "stats.read": "see the yearly figures",
}


def refusal(user: str, role: str, permission: str) -> str:
    """The one line shown when ``role`` lacks ``permission``."""
    what = PERMISSION_TEXT.get(permission, f"do this ({permission})")
    return f"{user} ({role}) may not {what} ({permission}): ask the coordinator"


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]
