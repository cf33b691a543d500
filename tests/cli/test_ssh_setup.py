"""cybercase ssh-setup (in-process, CliRunner): the sshd block, the account commands and
colleagues' key lines; written to new files only; coordinator only; not on Windows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cybercase.cli import main
from cybercase.remote import sshsetup
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER

KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHW1GQxB2pS5nZr3b2e9QfQyJb0XfW6b3yQd3kK5h9dN "
       "ivp@laptop")


def run(vault_dir: Path, *args: str, user: str = USER, passphrase: str = PASSPHRASE
        ) -> Result:
    return CliRunner().invoke(main, ["--vault", str(vault_dir), "ssh-setup", *args],
                              env={"CYBERCASE_USER": user, "CYBERCASE_PASSPHRASE": passphrase})


@pytest.fixture
def have_sshd(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An sshd program where the check looks (the real one when installed)."""
    if sshsetup.find_sshd() is None:
        fake = tmp_path / "sbin" / "sshd"
        fake.parent.mkdir()
        fake.write_text("#!/bin/sh\n")
        monkeypatch.setattr(sshsetup, "SSHD_PLACES", (str(fake),))


@pytest.fixture
def pubkey(tmp_path: Path) -> Path:
    path = tmp_path / "colleague.pub"
    if subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ivp@laptop",
                       "-f", str(tmp_path / "colleague")], capture_output=True).returncode:
        path.write_text(KEY + "\n")
    return path


def test_prints_the_match_block_account_and_key_line(
    vault: Vault, vault_dir: Path, have_sshd: None, pubkey: Path
) -> None:
    vault.close()
    done = run(vault_dir, "--key", str(pubkey))
    assert done.exit_code == 0, done.output
    out = done.output
    assert "Match User cybercase" in out
    command = f"{Path(sys.executable).parent.absolute()}/cybercase"
    assert f"ForceCommand /usr/bin/env CYBERCASE_VAULT={vault_dir.absolute()} {command}" in out
    for line in ("AuthenticationMethods publickey", "PasswordAuthentication no",
                 "PermitTTY yes", "DisableForwarding yes", "AllowTcpForwarding no",
                 "AllowAgentForwarding no", "X11Forwarding no", "PermitTunnel no",
                 "AllowStreamLocalForwarding no", "PermitUserRC no"):
        assert f"    {line}\n" in out, line
    assert "useradd --system" in out and "--shell /bin/sh cybercase" in out
    assert f"chown -R cybercase {vault_dir.absolute()}" in out
    key_type, blob = pubkey.read_text().split()[:2]
    assert f"\nrestrict,pty {key_type} {blob} ivp@laptop\n" in out


def test_writes_new_files_and_never_overwrites(
    vault: Vault, vault_dir: Path, have_sshd: None, pubkey: Path, tmp_path: Path
) -> None:
    vault.close()
    out_dir = tmp_path / "setup"
    done = run(vault_dir, "--account", "vertrouwen", "--key", str(pubkey), "--out",
               str(out_dir))
    assert done.exit_code == 0, done.output
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["README.txt", "authorized_keys", "setup-account.sh",
                     "sshd_config-cybercase"]
    block = (out_dir / "sshd_config-cybercase").read_text()
    assert block.startswith("# cybercase") and "Match User vertrouwen\n" in block
    assert (out_dir / "authorized_keys").read_text().startswith("restrict,pty ssh-ed25519 ")
    before = {p.name: p.read_bytes() for p in out_dir.iterdir()}
    (out_dir / "README.txt").unlink()  # one missing, the others there: still nothing written
    again = run(vault_dir, "--key", str(pubkey), "--out", str(out_dir))
    assert again.exit_code == 2
    assert "already exists" in again.output and "nothing was written" in again.output
    assert not (out_dir / "README.txt").exists()
    assert {p.name: p.read_bytes() for p in out_dir.iterdir()} == {
        k: v for k, v in before.items() if k != "README.txt"}


def test_coordinator_only(vault: Vault, vault_dir: Path, have_sshd: None) -> None:
    vault.add_user("ict", "ict", "the ict passphrase 42")
    vault.close()
    done = run(vault_dir, user="ict", passphrase="the ict passphrase 42")
    assert done.exit_code == 5
    assert "Match" not in done.output


@pytest.mark.parametrize("text", ["not a key", "ssh-ed25519 !!!notbase64", KEY + "\n" + KEY,
                                  "ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x"])
def test_a_bad_key_file_is_refused(
    vault: Vault, vault_dir: Path, have_sshd: None, tmp_path: Path, text: str
) -> None:
    vault.close()
    bad = tmp_path / "bad.pub"
    bad.write_text(text)
    done = run(vault_dir, "--key", str(bad))
    assert done.exit_code == 2
    assert "not an OpenSSH public key" in done.output
    assert "Match" not in done.output


def test_bad_account_name(vault: Vault, vault_dir: Path, have_sshd: None) -> None:
    vault.close()
    done = run(vault_dir, "--account", "root; rm -rf /")
    assert done.exit_code == 2 and "not a usable account name" in done.output


def test_without_sshd_says_so(
    vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    vault.close()
    monkeypatch.setattr(sshsetup, "SSHD_PLACES", (str(tmp_path / "nowhere" / "sshd"),))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    done = run(vault_dir)
    assert done.exit_code == 2
    assert "no OpenSSH server (sshd) is installed" in done.output
    assert done.output.count("\n") == 1


def test_not_on_windows(vault: Vault, vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault.close()
    import cybercase.cli.sshsetup as cli_sshsetup

    monkeypatch.setattr(cli_sshsetup, "WINDOWS", True)
    done = run(vault_dir)
    assert done.exit_code == 2
    assert done.output.strip() == ("cybercase: ssh-setup is not available on Windows: keep "
                                   "the vault on a Linux or macOS machine that runs an "
                                   "OpenSSH server")
