"""ocr: the text read from images (status of the queue, run it, show an item's text, a
chat screenshot's text as messages)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from cybercase.cli.common import emit_json, get_env, json_option, warn
from cybercase.core.errors import NotFound
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe
from cybercase.evidence import ocr
from cybercase.evidence.ocr import ShotMessage
from cybercase.evidence.ocr.model import RunProgress


def engine_missing_line() -> str:
    return str(msg("ocr.engine_missing"))


def note_if_engine_missing(results: Sequence[Any]) -> None:
    """After an ingest: say once that images wait for OCR when Tesseract is missing."""
    if any(r.id is not None and (r.mime or "").startswith("image/") for r in results) and (
            not ocr.engine_info().available):
        warn(engine_missing_line())


@click.group("ocr")
def ocr_group() -> None:
    """Text read from images (OCR): the queue, running it, an item's text."""


@ocr_group.command("status")
@click.argument("ref", required=False)
@json_option
@click.pass_context
def status_cmd(ctx: click.Context, ref: str | None, as_json: bool) -> None:
    """How many images wait for OCR, run, are done or failed (of case REF, or all)."""
    state = ocr.status(get_env(ctx).vault(), ref)
    if as_json:
        emit_json({**state.to_json(), "engine": ocr.engine_info().to_json()})
        return
    click.echo(str(msg("ocr.status_line", queued=state.queued, running=state.running,
                       done=state.done, failed=state.failed)))
    info = ocr.engine_info()
    if info.available:
        click.echo(str(msg("ocr.engine_line", version=info.version,
                           languages=", ".join(info.languages))))
    else:
        warn(engine_missing_line())
    for failure in state.failures:
        click.echo(str(msg("ocr.failed_line", id=failure["item"], ref=failure["case"],
                           reason=safe(str(failure["reason"])))))


@ocr_group.command("run")
@click.argument("ref", required=False)
@click.option("--retry-failed", is_flag=True, help="Queue failed images again first.")
@json_option
@click.pass_context
def run_cmd(ctx: click.Context, ref: str | None, retry_failed: bool, as_json: bool) -> None:
    """Finish the OCR queue (of case REF, or all) in the foreground; progress on stderr."""
    vault = get_env(ctx).vault()
    if ref is not None:
        ocr.status(vault, ref)  # the case exists and this user may see it
    if retry_failed:
        ocr.retry_failed(vault, ref)

    def progress(p: RunProgress) -> None:
        click.echo(str(msg("ocr.progress", n=p.done + p.failed, total=p.total,
                           id=p.current or 0)), err=True)

    summary = ocr.run_pending(vault, ref, progress=progress)
    if not summary.engine_available:
        warn(engine_missing_line())
    if as_json:
        emit_json(summary.to_json())
        return
    click.echo(str(msg("ocr.run_done", done=summary.done, failed=summary.failed)))


@ocr_group.command("text")
@click.argument("item_id")
@json_option
@click.pass_context
def text_cmd(ctx: click.Context, item_id: str, as_json: bool) -> None:
    """The text read from image ITEM_ID (a derived reading: OCR, not a fact)."""
    reading = ocr.load_reading(get_env(ctx).vault(), item_id)
    if reading is None:
        raise NotFound(msg("ocr.no_reading", id=item_id))
    if as_json:
        emit_json(reading.to_json())
        return
    click.echo(str(msg("ocr.text_head", id=reading.item_id, engine=reading.engine,
                       version=reading.version, languages=reading.languages,
                       made_at=reading.made_at)), err=True)
    click.echo(safe(reading.text, multiline=True))


def _message_line(m: ShotMessage, owner: str) -> str:
    if m.system:
        return f"{m.n:>5}  ---- {safe(m.text)} ----"
    who = safe(m.sender) if m.sender else (owner if m.side == "sent" else "?")
    conf = "-" if m.confidence is None else f"{m.confidence:.0f}%"
    return (f"{m.n:>5}  {m.side:<8}  [{safe(m.shown_time or '-')}]  "
            f"{who}: {safe(m.text, multiline=True)}  (OCR {conf})")


@ocr_group.command("messages")
@click.argument("item_id")
@json_option
@click.pass_context
def messages_cmd(ctx: click.Context, item_id: str, as_json: bool) -> None:
    """The messages of chat screenshot ITEM_ID, read from its OCR text (derived: the
    bubbles, sides, senders and times as OCR read them; they may be wrong)."""
    conversation = ocr.read_messages(get_env(ctx).vault(), item_id)
    if conversation is None:
        if not ocr.engine_info().available:
            warn(engine_missing_line())
        raise NotFound(msg("ocr.no_reading", id=item_id))
    click.echo(safe(str(conversation.label)), err=True)
    if as_json:
        emit_json(conversation.to_json())
        return
    owner = str(msg("ocr.chat.owner"))
    for m in conversation.messages:
        click.echo(_message_line(m, owner))
