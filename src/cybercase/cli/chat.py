"""messages: a chat export's messages, in file order (and choosing its date order)."""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, get_env, json_option, warn
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe
from cybercase.evidence.chat import ChatSummary, Message, list_messages, set_date_order

DATE_ORDERS = ("dmy", "mdy")


def ambiguity_warning(item_id: int) -> str:
    return str(msg("chat.warn.ambiguous", id=item_id))


def _basis(summary: ChatSummary) -> str:
    if summary.order_basis == "chosen":
        return str(msg("chat.basis.chosen", who=summary.order_chosen_by or "?"))
    if summary.order_basis in ("values", "layout"):
        return str(msg(f"chat.basis.{summary.order_basis}"))
    return summary.order_basis


def _line(m: Message) -> str:
    when = m.time[:16].replace("T", " ") if m.time else "-"
    head = f"{m.n:>5}  {when:<16}  [{safe(m.shown_time)}]  "
    body = safe(m.text, multiline=True).replace("\n", "\n" + " " * 8)
    if m.system:
        who = f"({safe(m.sender)}) " if m.sender else ""
        text = f"{head}* {who}{body}"
    else:
        text = f"{head}{safe(m.sender)}: {body}"
    if m.media:
        item = f" -> evidence {m.media_item}" if m.media_item else ""
        text += f"\n{'':8}[media: {safe(m.media)}{item}]"
    return text


@click.command("messages")
@click.argument("item_id")
@click.option("--date-order", type=click.Choice(DATE_ORDERS),
              help="Choose the day/month order of an export whose dates do not tell "
              "(recorded and audited; needs evidence write rights).")
@json_option
@click.pass_context
def messages_cmd(ctx: click.Context, item_id: str, date_order: str | None,
                 as_json: bool) -> None:
    """The messages of chat export ITEM_ID in file order (times in Europe/Amsterdam)."""
    vault = get_env(ctx).vault()
    if date_order:
        set_date_order(vault, item_id, date_order)
    summary, messages = list_messages(vault, item_id)
    if summary.ambiguous:
        warn(ambiguity_warning(summary.item_id))
    if as_json:
        emit_json([m.to_json() for m in messages])
        return
    order = summary.date_order or "unknown"
    click.echo(
        f"Evidence {summary.item_id}: chat export, {summary.messages} messages, "
        f"{summary.notices} notices, {summary.participants} participants; date order "
        f"{order} ({_basis(summary)}); times in {summary.zone}")
    for m in messages:
        click.echo(_line(m))
