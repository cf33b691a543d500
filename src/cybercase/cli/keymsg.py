"""keymsg: key messages (kernberichten) of chat exports, and who a sender name is."""

from __future__ import annotations

import click

from cybercase.cli.common import emit_json, get_env, json_option, table
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe
from cybercase.evidence.chat import keymsg as core
from cybercase.evidence.chat import senders


@click.group()
def keymsg() -> None:
    """Key messages (kernberichten) of chat exports, and who is behind a sender name."""


@keymsg.command("add")
@click.argument("item_id")
@click.argument("n")
@click.option("--note", required=True, help="Why this message matters.")
@json_option
@click.pass_context
def keymsg_add(ctx: click.Context, item_id: str, n: str, note: str, as_json: bool) -> None:
    """Mark message N of chat export ITEM_ID as key, with a note."""
    key = core.mark_key(get_env(ctx).vault(), item_id, n, note)
    if as_json:
        emit_json(key.to_json())
    else:
        click.echo(msg("keymsg.added", kid=key.id, n=key.n, id=key.item_id))


@keymsg.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def keymsg_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The key messages of case REF, in the order they were sent."""
    keys = core.key_messages(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([k.to_json() for k in keys])
        return
    if not keys:
        click.echo(msg("keymsg.none", ref=ref))
        return
    rows = []
    for k in keys:
        sender = k.sender or "-"
        if k.sender_link:
            sender += f" ({k.sender_link})"
        when = k.time[:16].replace("T", " ") if k.time else f"[{k.shown_time}]"
        rows.append([str(k.id), f"{k.item_id}/{k.n}", when, sender,
                     " ".join(k.text.split())[:60], " ".join(k.note.split())[:60]])
    table(rows, ["key", "item/n", "sent", "sender", "text", "note"])


@keymsg.command("note")
@click.argument("key_id")
@click.option("--note", required=True, help="The new note.")
@click.option("--reason", required=True, help="Why the note changes (kept in the history).")
@click.pass_context
def keymsg_note(ctx: click.Context, key_id: str, note: str, reason: str) -> None:
    """Change the note of key message KEY_ID (the old note stays in the history)."""
    key = core.change_note(get_env(ctx).vault(), key_id, note, reason)
    click.echo(msg("keymsg.note_changed", kid=key.id))


@keymsg.command("remove")
@click.argument("key_id")
@click.option("--reason", required=True, help="Why the mark goes (kept, with who and when).")
@click.pass_context
def keymsg_remove(ctx: click.Context, key_id: str, reason: str) -> None:
    """Take the mark off key message KEY_ID (kept in the vault with the reason)."""
    key = core.remove_key(get_env(ctx).vault(), key_id, reason)
    click.echo(msg("keymsg.removed", kid=key.id))


@keymsg.command("sender")
@click.argument("item_id")
@click.argument("name")
@click.option("--person", "person_id", type=int, help="A person of the case.")
@click.option("--account", "account_id", type=int, help="An account of the case.")
@click.option("--remove", is_flag=True, help="Remove the link of this name.")
@click.pass_context
def keymsg_sender(ctx: click.Context, item_id: str, name: str, person_id: int | None,
                  account_id: int | None, remove: bool) -> None:
    """Link sender NAME (as shown in chat export ITEM_ID) to a person or an account."""
    vault = get_env(ctx).vault()
    if remove:
        if person_id is not None or account_id is not None:
            raise UsageError(msg("sender.error.remove_alone"))
        senders.unlink_sender(vault, item_id, name)
        click.echo(msg("sender.unlinked", sender=safe(name)))
        return
    link = senders.link_sender(vault, item_id, name, person_id=person_id,
                               account_id=account_id)
    click.echo(msg("sender.linked", sender=safe(name), target=safe(link.label)))
