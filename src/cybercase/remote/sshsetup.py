"""What an administrator needs to let colleagues reach the vault over OpenSSH.

The terminal app runs on the machine that holds the vault; colleagues reach it with the
``ssh`` client every Windows 10/11, macOS and Linux machine has. SSH gives reach, the
vault gives the role: each colleague still unlocks with their own cybercase user and
passphrase. This module writes the pieces (never runs them): the commands that make a
dedicated system account owning the vault, an ``sshd_config`` ``Match User`` block whose
``ForceCommand`` runs cybercase on that vault (no shell, no forwarding of any kind, no
SFTP, public keys only), and ``authorized_keys`` lines for colleagues' keys.
"""

from __future__ import annotations

import base64
import os
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg

SSHD_PLACES: tuple[str, ...] = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")
KEY_OPTIONS = "restrict,pty"  # no forwarding, no agent, no X11, no ~/.ssh/rc; a terminal
_ACCOUNT = re.compile(r"^[a-z_][a-z0-9_-]{0,30}$")
_KEY_TYPES = ("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
              "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com",
              "sk-ecdsa-sha2-nistp256@openssh.com")

FILE_MATCH = "sshd_config-cybercase"
FILE_ACCOUNT = "setup-account.sh"
FILE_KEYS = "authorized_keys"


def find_sshd() -> Path | None:
    """The OpenSSH server program, when installed."""
    found = shutil.which("sshd")
    if found:
        return Path(found)
    for place in SSHD_PLACES:
        if Path(place).is_file():
            return Path(place)
    return None


def cybercase_command() -> str:
    """The absolute path of the cybercase program of this installation (its venv's)."""
    script = Path(sys.executable).parent / ("cybercase.exe" if os.name == "nt" else "cybercase")
    if script.is_file():
        return str(script.absolute())
    return f"{shlex.quote(str(Path(sys.executable).absolute()))} -m cybercase"


def check_account(name: str) -> str:
    if not _ACCOUNT.match(name):
        raise UsageError(msg("remote.bad_account", name=name))
    return name


def force_command(vault_dir: Path, command: str) -> str:
    """The one command the account runs, whatever the client asks: the app on this vault."""
    return f"/usr/bin/env CYBERCASE_VAULT={shlex.quote(str(vault_dir))} {command}"


def match_block(account: str, vault_dir: Path, command: str) -> str:
    """The ``Match User`` block for the end of ``sshd_config``."""
    check_account(account)
    return "\n".join([
        f"# cybercase: colleagues reach the vault {vault_dir} through the account {account}",
        "# (a Match block runs to the end of the file: keep this block last)",
        f"Match User {account}",
        "    AuthenticationMethods publickey",
        "    PubkeyAuthentication yes",
        "    PasswordAuthentication no",
        "    KbdInteractiveAuthentication no",
        "    PermitEmptyPasswords no",
        "    PermitTTY yes",
        "    DisableForwarding yes",
        "    AllowTcpForwarding no",
        "    AllowStreamLocalForwarding no",
        "    AllowAgentForwarding no",
        "    X11Forwarding no",
        "    PermitTunnel no",
        "    PermitOpen none",
        "    PermitListen none",
        "    GatewayPorts no",
        "    PermitUserRC no",
        "    ClientAliveInterval 30",
        "    ClientAliveCountMax 3",
        f"    ForceCommand {force_command(vault_dir, command)}",
        "",
    ])


def account_script(account: str, vault_dir: Path, macos: bool) -> str:
    """Shell commands (for an administrator to read and run) that make the account."""
    check_account(account)
    vault = shlex.quote(str(vault_dir))
    if macos:
        home = f"/Users/{account}"
        make = [
            f"sysadminctl -addUser {account} -home {home} -shell /bin/sh",
            f"dscl . -create /Users/{account} IsHidden 1",
            f"createhomedir -c -u {account}",
        ]
    else:
        home = f"/var/lib/{account}"
        make = [f"useradd --system --create-home --home-dir {home} --shell /bin/sh {account}",
                f"passwd --lock {account}"]
    return "\n".join([
        "#!/bin/sh",
        "# Run as root, after reading it. Makes the account that owns the vault; the",
        "# account logs in with SSH keys only and runs nothing but cybercase (ForceCommand).",
        "# It needs a shell (/bin/sh): sshd runs the ForceCommand through it.",
        "set -eu",
        *make,
        f"install -d -m 700 -o {account} {home}/.ssh",
        f"install -m 600 -o {account} /dev/null {home}/.ssh/authorized_keys",
        "# the vault belongs to the account (move it there first if it lives elsewhere):",
        f"chown -R {account} {vault}",
        f"chmod 700 {vault}",
        "# cybercase must be installed where the account can run it (e.g. /opt/cybercase).",
        "# Append the Match block to the END of /etc/ssh/sshd_config, then check and reload:",
        f"#   cat {FILE_MATCH} >> /etc/ssh/sshd_config",
        "#   sshd -t && (systemctl reload ssh || systemctl reload sshd)"
        if not macos else
        "#   sshd -t && launchctl kickstart -k system/com.openssh.sshd",
        "",
    ])


@dataclass(frozen=True)
class PublicKey:
    kind: str
    blob: str
    comment: str

    def authorized_line(self) -> str:
        """The line for ``authorized_keys``: the key with every forwarding switched off."""
        line = f"{KEY_OPTIONS} {self.kind} {self.blob}"
        return f"{line} {self.comment}" if self.comment else line


def parse_public_key(text: str, source: str) -> PublicKey:
    """A colleague's OpenSSH public key (``id_ed25519.pub``): one line, type and base64."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if len(lines) != 1:
        raise UsageError(msg("remote.bad_key", source=source))
    parts = lines[0].split(None, 2)
    if len(parts) < 2 or parts[0] not in _KEY_TYPES:
        raise UsageError(msg("remote.bad_key", source=source))
    try:
        decoded = base64.b64decode(parts[1], validate=True)
    except ValueError:
        raise UsageError(msg("remote.bad_key", source=source)) from None
    if not decoded.startswith(len(parts[0]).to_bytes(4, "big") + parts[0].encode()):
        raise UsageError(msg("remote.bad_key", source=source))
    comment = parts[2] if len(parts) > 2 else ""
    comment = "".join(ch for ch in comment if ch.isprintable())[:100]
    return PublicKey(parts[0], parts[1], comment)


def write_new_files(out_dir: Path, files: dict[str, str]) -> list[Path]:
    """Write the files into ``out_dir``; never overwrite: if one exists, write none."""
    out_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    taken = [name for name in files if (out_dir / name).exists()]
    if taken:
        raise UsageError(msg("remote.would_overwrite", path=out_dir / taken[0]))
    written: list[Path] = []
    for name, text in files.items():
        path = out_dir / name
        with open(path, "x", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(path, 0o700 if name.endswith(".sh") else 0o600)
        written.append(path)
    return written
