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
}

ROLE_DESCRIPTIONS = {
    "coordinator": "anti-bullying coordinator: everything",
    "ict": "ICT coordinator: accounts, evidence and tracing; no care notes",
    "viewer": "directie: reads along, changes nothing",
}


def allowed(role: str, permission: str) -> bool:
    return role in PERMISSIONS[permission]
