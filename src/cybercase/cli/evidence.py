"""ingest, evidence list / show / extract / withdraw / reports."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from cybercase.cli.chat import ambiguity_warning
from cybercase.cli.common import echo_control, emit_json, get_env, json_option, table, warn
from cybercase.cli.ocr import note_if_engine_missing
from cybercase.core.errors import PartialFailure
from cybercase.core.i18n import msg
from cybercase.core.timeutil import local_display
from cybercase.evidence import (
    OFFENCE_TAGS,
    MinorReport,
    Progress,
    Stated,
    extract,
    get_item,
    ingest,
    list_items,
    list_minor_reports,
    record_minor_report,
    withdraw,
)
from cybercase.evidence.chat import chat_summary
from cybercase.evidence.mediafacts import fact_lines
from cybercase.evidence.minor import MINOR_GUIDANCE
from cybercase.evidence.sniff import printable
from cybercase.evidence.stated import PHONE_AVAILABLE

MB = 1024 * 1024


class ProgressBar:
    """Progress on stderr: a redrawn bar on a terminal, a plain line now and then otherwise.

    The bar is redrawn with a carriage return and padded with spaces over the previous
    one: no escape codes, so it looks the same in the Windows console, Windows Terminal,
    macOS Terminal and any Unix terminal (click turns the output into what each needs)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.start = time.monotonic()
        self.last = self.start
        self.drawn = False
        self.width = 0  # of the line drawn last

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        final = p.files_done == p.files_total
        if not final and now - self.last < (0.1 if self.tty else 5.0):
            return
        self.last = now
        line = self.line(p, now)
        if self.tty:
            width = 24
            filled = int(width * p.bytes_done / p.bytes_total) if p.bytes_total else width
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {printable(line)}"
            echo_control("\r" + bar.ljust(self.width))
            self.width = len(bar)
            self.drawn = True
        elif not final:
            click.echo(f"ingest: {line}", err=True)

    def line(self, p: Progress, now: float) -> str:
        elapsed = max(now - self.start, 1e-6)
        return (
            f"{p.files_done}/{p.files_total} files, {p.bytes_done / MB:.1f}/"
            f"{p.bytes_total / MB:.1f} MB, {p.bytes_done / MB / elapsed:.1f} MB/s, "
            f"{p.files_done / elapsed:.1f} files/s"
        )

    def done(self, files: int, nbytes: int) -> None:
        if self.drawn:
            click.echo("", err=True)
        elapsed = max(time.monotonic() - self.start, 1e-6)
        click.echo(
            f"ingest: {msg('count.files', n=files)}, {nbytes / MB:.1f} MB in {elapsed:.1f} s "
            f"({nbytes / MB / elapsed:.1f} MB/s, {files / elapsed:.1f} files/s)",
            err=True,
        )


@click.command("ingest")
@click.argument("ref")
@click.argument("paths", nargs=-1)
@click.option("--captured-by", help="Who captured it (stated): pupil, parent, staff or other, "
              "optionally ': who', e.g. 'parent: mother'.")
@click.option("--device", help="On which device/app it was captured (stated).")
@click.option("--platform", help="The platform, e.g. WhatsApp, TikTok (stated).")
@click.option("--url", help="The URL where it was seen (stated).")
@click.option("--account", "accounts", multiple=True,
              help="An account handle seen in it (stated; repeatable).")
@click.option("--shown-time", help="The time shown on screen, as shown (stated).")
@click.option("--description", help="What it shows (stated).")
@click.option("--received-via", help="How it reached the school (stated), e.g. 'forwarded "
              "by WhatsApp', 'USB stick', 'e-mail', 'shown on a phone and photographed'.")
@click.option("--phone-available", type=click.Choice(PHONE_AVAILABLE, case_sensitive=False),
              help="Whether the phone it was captured on is still available (stated).")
@click.option("--tag", "tags", multiple=True,
              help=f"Offence tag (repeatable): {', '.join(OFFENCE_TAGS)}.")
@click.option("--sexual-minor", is_flag=True,
              help="Sexual images of a minor: record a description only, never the file.")
@click.option("--date-order", type=click.Choice(("dmy", "mdy")),
              help="Day/month order for chat exports whose dates do not tell it.")
@click.option("--where", "seen_where", help="With --sexual-minor: where it was seen.")
@click.option("--when", "seen_when", help="With --sexual-minor: when it was seen.")
@json_option
@click.pass_context
def ingest_cmd(
    ctx: click.Context, ref: str, paths: tuple[str, ...], captured_by: str | None,
    device: str | None, platform: str | None, url: str | None, accounts: tuple[str, ...],
    shown_time: str | None, description: str | None, tags: tuple[str, ...],
    sexual_minor: bool, date_order: str | None, seen_where: str | None,
    seen_when: str | None, as_json: bool, received_via: str | None = None,
    phone_available: str | None = None,
) -> None:
    """Store files and folders as evidence in case REF (each file read once, hashed).

    With --sexual-minor no file is accepted: only a description is recorded.
    """
    if sexual_minor:
        report = MinorReport(
            seen_where=seen_where, seen_when=seen_when or shown_time, platform=platform,
            url=url, accounts=list(accounts), description=description,
        )
        click.echo(MINOR_GUIDANCE, err=True)
        report_id = record_minor_report(get_env(ctx).vault(), ref, report, paths)
        if as_json:
            emit_json({"id": report_id, "status": "described", "stored_bytes": 0})
        else:
            click.echo(f"Recorded description {report_id} in case {ref}; no file was stored.")
        return
    stated = Stated(
        captured_by=captured_by, device=device, platform=platform, url=url,
        accounts=list(accounts), shown_time=shown_time, description=description,
        tags=list(tags), received_via=received_via, phone_available=phone_available,
    )
    bar = ProgressBar()
    results = ingest(get_env(ctx).vault(), ref, paths, stated, progress=bar,
                     date_order=date_order)
    bar.done(len(results), sum(r.size or 0 for r in results if r.status != "error"))
    if as_json:
        emit_json([r.to_json() for r in results])
    else:
        for r in results:
            ident = f"#{r.id}" if r.id is not None else "-"
            click.echo(f"{r.status:<9} {ident:<6} {printable(r.path)}")
            if r.reason:
                click.echo(f"          {printable(r.reason)}")
            for flag in r.flags:
                click.echo(f"          flag: {printable(flag)}")
            if r.chat and "messages" in r.chat:
                click.echo(f"          chat: {r.chat['messages']} messages, "
                           f"{r.chat['participants']} participants, "
                           f"{msg('count.media_files', n=len(r.chat['media']))}")
            for near in r.near_duplicates:
                click.echo(f"          looks like item {near['id']} in case {near['case']}"
                           f" ({near['distance']} bits apart)")
    for r in results:
        if r.chat and r.chat.get("ambiguous") and r.id is not None:
            warn(ambiguity_warning(r.id))
    note_if_engine_missing(results)
    failed = [r for r in results if r.status == "error"]
    if failed:
        files = msg("count.files", n=len(results))
        raise PartialFailure(f"{len(failed)} of {files} could not be stored")


@click.group("evidence")
def evidence_group() -> None:
    """Evidence items: list, show, extract, withdraw."""


@evidence_group.command("list")
@click.argument("ref")
@json_option
@click.pass_context
def evidence_list(ctx: click.Context, ref: str, as_json: bool) -> None:
    """The evidence of case REF (withdrawn items included, marked)."""
    items = list_items(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([i.to_json() for i in items])
        return
    table(
        [[str(i.id), i.sha256[:12], f"{i.size}", i.mime,
          ("withdrawn" if i.withdrawn else "flagged" if i.flags else ""),
          printable(i.original_name)] for i in items],
        ["id", "sha256", "bytes", "mime", "note", "name"],
    )


@evidence_group.command("show")
@click.argument("item_id")
@json_option
@click.pass_context
def evidence_show(ctx: click.Context, item_id: str, as_json: bool) -> None:
    """One item: measured facts and, apart, what was stated."""
    vault = get_env(ctx).vault()
    item = get_item(vault, item_id)
    if as_json:
        emit_json(item.to_json())
        return
    chat = chat_summary(vault, item.id)
    click.echo(f"Evidence {item.id} in case {item.case}")
    click.echo("Measured:")
    click.echo(f"  name:      {printable(item.original_name)}")
    click.echo(f"  sha256:    {item.sha256}")
    click.echo(f"  size:      {item.size} bytes, {item.mime}")
    click.echo(f"  ingested:  {local_display(item.ingested_at)} by {item.ingested_by}")
    if item.file_mtime:
        click.echo(f"  file time: {local_display(item.file_mtime)}")
    if item.image:
        click.echo(f"  image:     {item.image['width']} x {item.image['height']} "
                   f"{item.image['format']}, EXIF time {item.image['exif_time'] or '-'}")
    for label, value in fact_lines(item.media, local_display):
        click.echo(f"  {label.lower()}: {printable(value)}")
    if chat is not None:
        click.echo(f"  chat:      {chat.messages} messages, {chat.participants} participants,"
                   f" date order {chat.date_order or 'unknown'} (cybercase messages {item.id})")
    for flag in item.flags:
        click.echo(f"  flag:      {printable(flag)}")
    click.echo("Stated by a person:")
    for key, value in item.stated.items():
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        click.echo(f"  {key.replace('_', ' ')}: {printable(shown)}")
    if item.withdrawn:
        click.echo(f"Withdrawn {local_display(item.withdrawn['at'])} by "
                   f"{item.withdrawn['by']}: {printable(item.withdrawn['reason'])}")


@evidence_group.command("extract")
@click.argument("item_id")
@click.option("--out", "out", required=True, help="The new file to write the original to.")
@click.pass_context
def evidence_extract(ctx: click.Context, item_id: str, out: str) -> None:
    """Write the original byte for byte to --out (re-hashed; logged in the audit)."""
    item = extract(get_env(ctx).vault(), item_id, Path(out))
    click.echo(f"Wrote evidence {item.id} ({item.size} bytes, sha256 {item.sha256}) to "
               f"{printable(out)}.")


@evidence_group.command("withdraw")
@click.argument("item_id")
@click.option("--reason", required=True, help="Why it is withdrawn (kept in the record).")
@click.pass_context
def evidence_withdraw(ctx: click.Context, item_id: str, reason: str) -> None:
    """Hide an item from exports; it and its record stay in the vault."""
    item = withdraw(get_env(ctx).vault(), item_id, reason)
    click.echo(f"Withdrew evidence {item.id} from case {item.case}; it stays in the vault.")


@evidence_group.command("reports")
@click.argument("ref")
@json_option
@click.pass_context
def evidence_reports(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Descriptions recorded with --sexual-minor (no files exist for these)."""
    reports = list_minor_reports(get_env(ctx).vault(), ref)
    if as_json:
        emit_json(reports)
        return
    table(
        [[str(r["id"]), printable(r["when"] or ""), printable(r["platform"] or ""),
          printable(r["url"] or ""), printable(r["description"] or "")] for r in reports],
        ["id", "when", "platform", "url", "description"],
    )
