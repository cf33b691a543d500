"""What the evidence details say about a chat export item: how many messages, from how
many participants, over which days, and whether the day/month order is known."""

from __future__ import annotations

from rich.text import Text

from cybercase.core.i18n import t
from cybercase.core.termsafe import safe
from cybercase.evidence.chat import ChatSummary, chat_summary
from cybercase.vault import Vault


def _span(summary: ChatSummary) -> str:
    if not summary.first or not summary.last:
        return t("chat.summary.no_span")
    first, last = summary.first[:10], summary.last[:10]
    return first if first == last else f"{first} – {last}"


def _basis(summary: ChatSummary) -> str:
    if summary.order_basis == "chosen":
        return t("chat.basis.chosen", who=safe(summary.order_chosen_by or "?"))
    return t(f"chat.basis.{summary.order_basis}")


def chat_text(vault: Vault, item_id: int) -> Text:
    """Lines for the details beside the evidence table; empty for other items."""
    summary = chat_summary(vault, item_id)
    text = Text()
    if summary is None:
        return text
    text.append(t("chat.summary", messages=summary.messages,
                  participants=summary.participants, span=_span(summary)) + "\n",
                style="bold")
    if summary.ambiguous:
        text.append("⚠ " + t("chat.summary.ambiguous", id=item_id) + "\n", style="yellow")
    else:
        text.append(t("chat.summary.order", order=summary.date_order,
                      basis=_basis(summary)) + "\n")
    return text
