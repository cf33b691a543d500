"""Core messages of cybercase.cases in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    "cases.phase_same": "case {ref} is already in phase {phase}: nothing to change",
    "cases.phase_reason": "a phase change needs a reason: give --reason TEXT (why {frm} -> {to})",
}

NL: dict[str, str] = {
    "cases.phase_same": "zaak {ref} staat al in fase {phase}: er verandert niets",
    "cases.phase_reason": "een faseovergang vraagt een reden: vul in waarom ({frm} -> {to})",
}
