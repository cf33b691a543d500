"""export (the police evidence bundle) and verify-bundle (needs no vault)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import click

from cybercase.cli.common import emit_json, get_env, json_option
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.termsafe import safe
from cybercase.core.timeutil import local_display
from cybercase.export.bundle import check_passphrase, export_case
from cybercase.export.bundlecheck import bundle_encrypted, check_bundle, normal_fingerprint
from cybercase.export.register import list_exports

PASS_ENV = "CYBERCASE_EXPORT_PASSPHRASE"
MB = 1024 * 1024


def _bundle_passphrase(new: bool) -> str:
    env = os.environ.get(PASS_ENV)
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise UsageError(f"no bundle passphrase given: set {PASS_ENV} or run in a terminal")
    return str(click.prompt("Bundle passphrase", hide_input=True, confirmation_prompt=new,
                            err=True))


class _Progress:
    def __init__(self) -> None:
        self.start = self.last = time.monotonic()  # quiet for quick exports

    def __call__(self, files: int, nbytes: int) -> None:
        now = time.monotonic()
        if now - self.last < (0.2 if sys.stderr.isatty() else 5.0):
            return
        self.last = now
        click.echo(f"export: {msg('count.files', n=files)}, {nbytes / MB:.1f} MB written", err=True)


@click.command("export")
@click.argument("ref")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The bundle to write (a .zip file).")
@click.option("--encrypt", is_flag=True,
              help=f"AES-256 encrypt the ZIP (passphrase from ${PASS_ENV} or typed twice).")
@click.option("--evidence", "evidence_ids", multiple=True,
              help="Only this evidence item (repeat for more); default: all not withdrawn.")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def export_cmd(ctx: click.Context, ref: str, out: Path, encrypt: bool,
               evidence_ids: tuple[str, ...], force: bool, as_json: bool) -> None:
    """Write the police evidence bundle of case REF: a signed BagIt ZIP with a report."""
    passphrase = check_passphrase(_bundle_passphrase(new=True)) if encrypt else None
    vault = get_env(ctx).vault()
    result = export_case(vault, ref, out, list(evidence_ids) or None, passphrase, force,
                         _Progress())
    if as_json:
        emit_json(result.to_json())
        return
    click.echo(f"Wrote {result.path}: {msg('count.evidence_items', n=len(result.items))}, "
               f"{result.payload_bytes / MB:.1f} MB{' (AES-256 encrypted)' if encrypt else ''}.")
    click.echo(f"Bundle SHA-256: {result.sha256}")
    click.echo(f"Recorded as export {result.export_id} of case {result.ref} "
               "(a police record can refer to this number).")
    click.echo(f"Signing key fingerprint: {result.fingerprint}")
    click.echo(f"Handover sheet: {result.handover} (give it with the bundle; the police "
               "compare its SHA-256 and fingerprint with the school by phone)")
    if result.left_out:
        click.echo("Left out: evidence " + ", ".join(map(str, result.left_out))
                   + " (see data/left-out.txt)")


@click.command("exports")
@click.argument("ref", required=False)
@json_option
@click.pass_context
def exports_cmd(ctx: click.Context, ref: str | None, as_json: bool) -> None:
    """The register of police bundles (of case REF): what to read out when the police call.

    Each bundle's SHA-256 and its signing key's fingerprint, as recorded when it was made.
    """
    records = list_exports(get_env(ctx).vault(), ref)
    if as_json:
        emit_json([r.to_json() for r in records])
        return
    if not records:
        click.echo("No police bundles yet." if ref is None else f"No police bundles of {ref}.")
        return
    for r in records:
        click.echo(f"Export {r.id}: case {safe(r.case)}, {local_display(r.created_at)} by "
                   f"{safe(r.created_by)}, {safe(r.file)} ({msg('count.items', n=len(r.items))}"
                   f"{', encrypted' if r.encrypted else ''})")
        click.echo(f"    SHA-256:         {r.sha256}")
        click.echo(f"    Key fingerprint: {r.fingerprint}")


@click.command("verify-bundle")
@click.argument("bundle", type=click.Path(path_type=Path))
@click.option("--expect", "expect", metavar="FINGERPRINT",
              help="The key fingerprint the school read out: any other key is a problem.")
@json_option
def verify_bundle_cmd(bundle: Path, expect: str | None, as_json: bool) -> None:
    """Check a bundle: its ZIP, completeness, every hash, the item lists and the signature.

    Prints the ZIP's SHA-256 and the signing key's fingerprint as computed here: compare
    them with what the school reads out by phone (or give --expect). Needs no vault.
    Exit 0: all fine; 1: problems (each printed); 2: not a bundle file.
    """
    if expect is not None:
        normal_fingerprint(expect)  # a typo is bad input, before any passphrase prompt
    passphrase = _bundle_passphrase(new=False) if bundle_encrypted(bundle) else None
    check = check_bundle(bundle, passphrase, expect)
    if as_json:
        emit_json(check.to_json())
    elif check.problems:
        for problem in check.problems:
            click.echo(safe(str(problem)))
    else:
        info = {k: safe(v) for k, v in check.info.items()}
        click.echo(f"{safe(bundle)}: complete, every hash matches, the item lists agree, "
                   "signature valid.")
        click.echo(f"Bundle SHA-256 (computed): {check.sha256}")
        click.echo(f"Key fingerprint (computed): {check.fingerprint}")
        if check.key_matches:
            click.echo("The key is the expected one.")
        else:
            click.echo("Compare both with what the school reads out by phone "
                       "(or run again with --expect FINGERPRINT).")
        click.echo(f"The bundle says: case {info.get('External-Identifier', '?')} from "
                   f"{info.get('Source-Organization', '?')}, made "
                   f"{info.get('Bagging-Date', '?')} (unproven until the values above match).")
    if check.problems:
        click.echo(f"cybercase: {len(check.problems)} problem(s) found in {safe(bundle)}",
                   err=True)
        sys.exit(1)
