"""cybercase ssh-setup: what an administrator needs to open the vault to colleagues over
OpenSSH (printed, or written to new files with --out; nothing is run or installed)."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import click

from cybercase.cli.common import fail, get_env, warn
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.oslayer import WINDOWS
from cybercase.remote import sshsetup


def _reachable(program: str) -> bool:
    """Whether another account may run ``program`` (every folder above it searchable)."""
    path = Path(program.split()[0].strip("'\""))
    for folder in path.parents:
        try:
            if not folder.stat().st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
    return True


@click.command("ssh-setup")
@click.option("--account", default="cybercase", show_default=True,
              help="The system account that owns the vault and colleagues log in to.")
@click.option("--key", "keys", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A colleague's OpenSSH public key (.pub) to allow; repeat for more.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write the pieces as new files into this folder (never overwriting).")
@click.option("--command", "program", metavar="PATH",
              help="The cybercase program the account runs (default: this installation's).")
@click.pass_context
def ssh_setup(ctx: click.Context, account: str, keys: tuple[Path, ...], out_dir: Path | None,
              program: str | None) -> None:
    """Colleagues on their own laptops, one vault: the account, sshd block and keys.

    Each colleague still unlocks with their own cybercase user and passphrase: SSH
    gives reach, the vault gives the role. Coordinator only; Linux and macOS.
    """
    if WINDOWS:
        fail(UsageError(msg("remote.no_windows")))
    env = get_env(ctx)
    vault = env.vault()
    vault.require("vault.admin")
    sshd = sshsetup.find_sshd()
    if sshd is None:
        fail(UsageError(msg("remote.no_sshd")))
    sshsetup.check_account(account)
    vault_dir = env.vault_dir.absolute()
    command = program or sshsetup.cybercase_command()
    if not command.startswith("/"):
        fail(UsageError(f"--command must be an absolute path, not {command}"))
    lines = [sshsetup.parse_public_key(k.read_text(encoding="utf-8", errors="replace"),
                                       str(k)).authorized_line() for k in keys]
    files = {
        sshsetup.FILE_ACCOUNT: sshsetup.account_script(account, vault_dir,
                                                       macos=sys.platform == "darwin"),
        sshsetup.FILE_MATCH: sshsetup.match_block(account, vault_dir, command),
    }
    if lines:
        files[sshsetup.FILE_KEYS] = "\n".join(lines) + "\n"
    if not _reachable(command):
        warn(f"the account {account} cannot reach {command} (a folder above it is closed "
             "to other accounts): install cybercase where it can, e.g. /opt/cybercase, "
             "and give it with --command")
    how_keys = (
        f"Add each colleague's public key as one line of ~{account}/.ssh/authorized_keys, "
        f"starting with '{sshsetup.KEY_OPTIONS} ' (no forwarding, no agent, a terminal): "
        f"cybercase ssh-setup --key their_id_ed25519.pub prints the line. Each colleague "
        f"then runs: ssh -t {account}@THIS-MACHINE and unlocks with their own user."
    )
    if out_dir is not None:
        files["README.txt"] = (
            f"OpenSSH server: {sshd}\n1. Read and run {sshsetup.FILE_ACCOUNT} as root.\n"
            f"2. Append {sshsetup.FILE_MATCH} to the END of /etc/ssh/sshd_config; sshd -t; "
            f"reload sshd.\n3. {how_keys}\n"
        )
        for path in sshsetup.write_new_files(out_dir, files):
            click.echo(f"wrote {path}")
        return
    click.echo(f"# OpenSSH server: {sshd}")
    click.echo(f"# --- 1. the account (run as root): {sshsetup.FILE_ACCOUNT}")
    click.echo(files[sshsetup.FILE_ACCOUNT])
    click.echo("# --- 2. the end of /etc/ssh/sshd_config")
    click.echo(files[sshsetup.FILE_MATCH])
    click.echo(f"# --- 3. colleagues' keys: {how_keys}")
    for line in lines:
        click.echo(line)
