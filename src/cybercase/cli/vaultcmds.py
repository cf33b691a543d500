"""init, user ..., rekey, recovery-key, verify, audit."""

from __future__ import annotations

from pathlib import Path

import click

from cybercase.cli.common import emit_json, get_env, json_option, new_passphrase, table, warn
from cybercase.core.errors import PartialFailure
from cybercase.core.termsafe import safe
from cybercase.core.timeutil import local_display
from cybercase.vault import Vault
from cybercase.views.verify import verify_vault


def print_recovery_key(key: str) -> None:
    click.echo("", err=True)
    click.echo("RECOVERY KEY (shown once; print it and keep it locked away):", err=True)
    click.echo(f"    {key}", err=True)
    click.echo(
        "With it, anyone can open this vault: `CYBERCASE_USER=recovery cybercase ...`.",
        err=True,
    )
    click.echo("", err=True)


@click.command()
@click.option("--user", "user", required=True, help="The first user (a coordinator).")
@click.option("--school", default="", help="The school's name, printed on exports.")
@json_option
@click.pass_context
def init(ctx: click.Context, user: str, school: str, as_json: bool) -> None:
    """Create a new vault with its first user and a recovery key."""
    env = get_env(ctx)
    from cybercase.vault.vault import check_user_name, exists

    check_user_name(user)
    if exists(env.vault_dir):
        from cybercase.core.errors import UsageError

        raise UsageError(f"there is already a vault at {env.vault_dir}: choose another --vault")
    passphrase = new_passphrase(f"New passphrase for {user}")
    vault, recovery = Vault.create(env.vault_dir, user, passphrase, school)
    vault.close()
    if as_json:
        emit_json({"vault": str(env.vault_dir), "user": user, "recovery_key": recovery})
    else:
        click.echo(f"Created a vault at {env.vault_dir} with coordinator {user}.")
        print_recovery_key(recovery)


@click.group()
def user() -> None:
    """Users of this vault and their passphrases."""


@user.command("add")
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["coordinator", "ict", "viewer"]), required=True,
    help="coordinator: everything; ict: accounts and evidence; viewer: read only.",
)
@click.pass_context
def user_add(ctx: click.Context, name: str, role: str) -> None:
    """Add a user with a role and their own passphrase."""
    vault = get_env(ctx).vault()
    vault.require("vault.admin")
    vault.add_user(name, role, new_passphrase(f"New passphrase for {name}"))
    click.echo(f"Added {name} ({role}).")


@user.command("list")
@json_option
@click.pass_context
def user_list(ctx: click.Context, as_json: bool) -> None:
    """The users of this vault and their roles."""
    users = get_env(ctx).vault().list_users()
    if as_json:
        emit_json(users)
        return
    table(
        [[u["name"], u["role"], local_display(u["created_at"]), u["created_by"]] for u in users],
        ["name", "role", "added", "by"],
    )
    for u in users:
        if u["weak_kdf"]:
            warn(f"{u['name']}'s passphrase uses test-only key derivation: change it")


@user.command("remove")
@click.argument("name")
@click.pass_context
def user_remove(ctx: click.Context, name: str) -> None:
    """Remove a user: their passphrase no longer opens the vault."""
    get_env(ctx).vault().remove_user(name)
    click.echo(f"Removed {name}. Run `cybercase rekey` if they may have kept a copy of the vault.")


@user.command("passwd")
@click.argument("name", required=False)
@click.pass_context
def user_passwd(ctx: click.Context, name: str | None) -> None:
    """Change your passphrase (or, as coordinator, another user's)."""
    vault = get_env(ctx).vault()
    target = name or vault.user
    vault.change_passphrase(target, new_passphrase(f"New passphrase for {target}"))
    click.echo(f"Changed the passphrase of {target}.")


@click.command()
@click.pass_context
def rekey(ctx: click.Context) -> None:
    """Rotate the master key and re-wrap it for every remaining user."""
    vault = get_env(ctx).vault()
    vault.rekey()
    click.echo("The vault now has a new master key; every user's passphrase still works.")


@click.command("recovery-key")
@click.pass_context
def recovery_key(ctx: click.Context) -> None:
    """Replace the recovery key (the old one stops working)."""
    key = get_env(ctx).vault().new_recovery_key()
    print_recovery_key(key)


@click.command()
@json_option
@click.pass_context
def verify(ctx: click.Context, as_json: bool) -> None:
    """Check the whole vault: key file, database, audit chain and every item's hash."""
    report = verify_vault(get_env(ctx).vault())
    if as_json:
        emit_json(report.to_json())
    else:
        for problem in report.problems:
            click.echo(f"PROBLEM: {problem}")
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in report.checked.items())
        click.echo(f"{'OK' if report.ok else 'FAILED'}: checked {counts}.")
    if not report.ok:
        raise PartialFailure(f"verification found {len(report.problems)} problem(s)")


@click.command()
@click.argument("ref", required=False)
@click.option("--user", "actor", help="Only what this user did.")
@click.option("--details", is_flag=True, help="Also print each entry's details (coordinators).")
@json_option
@click.pass_context
def audit(ctx: click.Context, ref: str | None, actor: str | None, details: bool,
          as_json: bool) -> None:
    """Who read or changed what, and when (optionally for one case or one user).

    Times in Europe/Amsterdam; details only for coordinators.
    """
    import json

    from cybercase.privacy.auditview import audit_log

    rows = audit_log(get_env(ctx).vault(), ref, actor)
    if as_json:
        emit_json(rows)
        return
    if not details:
        table(
            [[str(e["seq"]), e["local_time"], e["user"], e["action"], e["object"],
              e["case"] or ""] for e in rows],
            ["#", "when", "who", "what", "on", "case"],
        )
        return
    for e in rows:
        click.echo(f"#{e['seq']}  {e['local_time']}  {e['user']}  {e['action']}  "
                   f"{e['object']}{'  (case ' + e['case'] + ')' if e['case'] else ''}")
        if e["details_erased"]:
            click.echo("    details erased (retention purge)")
        elif e["details"] is not None:
            click.echo("    " + json.dumps(e["details"], ensure_ascii=False, sort_keys=True))
        else:
            click.echo("    details only for coordinators")


@click.command("backup")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The backup file to write (one file, still encrypted).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@json_option
@click.pass_context
def backup_cmd(ctx: click.Context, out: Path, force: bool, as_json: bool) -> None:
    """A consistent, still-encrypted copy of the vault, safe to take while it is in use."""
    from cybercase.vault.backup import backup

    info = backup(get_env(ctx).vault(), out, force)
    if as_json:
        emit_json({"file": str(out), **info})
    else:
        click.echo(f"Backup written to {out} (database SHA-256 {info['db_sha256']}).")
        click.echo("Keep it with the recovery key apart: together they open the vault.")


@click.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def restore_cmd(ctx: click.Context, source: Path) -> None:
    """Restore a backup into --vault / CYBERCASE_VAULT (refuses to overwrite), then verify it."""
    from cybercase.vault.backup import restore

    env = get_env(ctx)
    info = restore(source, env.vault_dir)
    click.echo(f"Restored the backup of {safe(info['created_at'])} into {env.vault_dir}.")
    report = verify_vault(env.vault())
    for problem in report.problems:
        click.echo(f"PROBLEM: {problem}")
    if not report.ok:
        raise PartialFailure("the restored vault has problems: try an older backup")
    click.echo("The restored vault verifies.")
