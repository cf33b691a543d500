"""Core messages of cybercase.protocol in English (EN) and Dutch (NL); see cybercase.i18n.msg.

``{what}`` of ``protocol.unknown_choice`` is a field name: Dutch with its article.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # task: i18n of core messages (protocol/, helper i18na)
    "protocol.phase_unknown": "phase {phase} does not exist: the protocol has phases 1 to 6",
    "protocol.step_unknown": "support-group step {step!r} does not exist: choose one of {choices}",
    "protocol.item_unknown": (
        "checklist item {number} does not exist: the protocol has items {first} to {last}"
    ),
    "protocol.unknown_choice": "unknown {what} {value!r}: choose one of {choices}",
    "protocol.field.pupil_role": "pupil role",
}

NL: dict[str, str] = {
    # task: i18n of core messages (protocol/, helper i18na)
    "protocol.phase_unknown": (
        "fase {phase} bestaat niet: het protocol kent de fasen 1 tot en met 6"
    ),
    "protocol.step_unknown": "stap {step!r} van de supportgroep bestaat niet: kies uit {choices}",
    "protocol.item_unknown": (
        "checklistpunt {number} bestaat niet: het protocol kent de punten {first} tot en met "
        "{last}"
    ),
    "protocol.unknown_choice": "{what} {value!r} bestaat niet: kies uit {choices}",
    "protocol.field.pupil_role": "de leerlingrol",
}
