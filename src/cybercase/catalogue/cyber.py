"""Core messages of cybercase.cyber in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
}

NL: dict[str, str] = {
}
