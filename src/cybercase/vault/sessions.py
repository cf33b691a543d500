"""Who else has the vault open: one record per app session, held with a file lock.

Several coordinators may work on one vault at once (each in the app, e.g. over SSH). Each
app session that unlocks the vault leaves two files in ``<vault>/sessions/``:

- ``<id>.json``: user, since (UTC), how it came in (``ssh`` or ``local``), process id;
- ``<id>.lock``: locked (exclusively) by that process for as long as the session lives.

The kernel drops the lock when the process dies, so a crashed or killed session is
recognised (and its files removed) by the next process that looks. The client address
of an SSH session is not written here (a plain file) but in the audit log (encrypted), in
the ``session.open`` entry of the unlock. Nothing here is trusted as identity: the user
is the one who unlocked the vault with their own passphrase.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from cybercase.core import oslayer
from cybercase.core.oslayer import lock_fd, unlock_fd
from cybercase.core.timeutil import now_iso
from cybercase.vault.vault import Vault

FOLDER = "sessions"
_ADDRESS = re.compile(r"^[0-9A-Fa-f.:%]{2,64} [0-9]{1,5}$")


@dataclass(frozen=True)
class Session:
    id: str
    user: str
    since: str
    via: str
    pid: int


def ssh_client(environ: Mapping[str, str] | None = None) -> str | None:
    """The SSH client's address and port ("192.0.2.7 51234") when this process runs in
    an SSH session (``SSH_CONNECTION``, else ``SSH_CLIENT``); None otherwise or when the
    value does not look like an address (it is logged, never trusted)."""
    env = os.environ if environ is None else environ
    for name in ("SSH_CONNECTION", "SSH_CLIENT"):
        parts = env.get(name, "").split()
        if len(parts) >= 2:
            address = f"{parts[0]} {parts[1]}"
            return address if _ADDRESS.match(address) else None
    return None


class OpenSession:
    """This process's record; :meth:`close` removes it (the lock goes with the process)."""

    def __init__(self, folder: Path, session: Session, fd: int) -> None:
        self.folder = folder
        self.session = session
        self._fd: int | None = fd

    @property
    def id(self) -> str:
        return self.session.id

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        for suffix in (".json", ".lock"):
            with suppress(OSError):
                (self.folder / f"{self.session.id}{suffix}").unlink()
        with suppress(OSError, NotImplementedError):
            unlock_fd(fd)
        os.close(fd)


def _folder(vault_dir: Path) -> Path:
    folder = vault_dir / FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def register(vault: Vault, environ: Mapping[str, str] | None = None) -> OpenSession:
    """Record this app session (and its unlock in the audit log, with the SSH client's
    address when there is one)."""
    client = ssh_client(environ)
    via = "ssh" if client else "local"
    folder = _folder(vault.path)
    sid = secrets.token_hex(8)
    session = Session(sid, vault.user, now_iso(), via, os.getpid())
    # lock first, then publish the record: a reader never sees a record without its lock
    fd = os.open(folder / f"{sid}.lock", os.O_RDWR | os.O_CREAT | oslayer.open_flags(), 0o600)
    opened = OpenSession(folder, session, fd)
    try:
        try:
            lock_fd(fd, exclusive=True, blocking=True)
            published = True
        except NotImplementedError:  # no file locks on this system yet: not listed
            published = False
        tmp = folder / f"{sid}.tmp"
        if published:
            tmp.write_text(json.dumps({"user": session.user, "since": session.since,
                                       "via": via, "pid": session.pid}), encoding="utf-8")
            os.chmod(tmp, 0o600)
            os.replace(tmp, folder / f"{sid}.json")
        details: dict[str, object] = {"via": via, "session": sid}
        if client:
            details["client"] = client
        with vault.transaction() as tx:
            tx.audit("session.open", f"user {vault.user}", details)
    except BaseException:
        opened.close()
        raise
    return opened


def _alive(lock_path: Path) -> bool:
    try:
        fd = os.open(lock_path, os.O_RDWR | oslayer.open_flags())
    except FileNotFoundError:
        return False
    try:
        if lock_fd(fd, exclusive=False, blocking=False):
            unlock_fd(fd)
            return False
        return True
    except NotImplementedError:
        return True
    finally:
        os.close(fd)


def open_sessions(vault_dir: Path, exclude: str | None = None) -> list[Session]:
    """The live app sessions on this vault, oldest first (``exclude``: one's own id).
    Records of sessions whose process has gone are removed on the way."""
    folder = vault_dir / FOLDER
    if not folder.is_dir():
        return []
    found: list[Session] = []
    for record in folder.glob("*.json"):
        sid = record.stem
        lock = folder / f"{sid}.lock"
        if not _alive(lock):
            for path in (record, lock):
                with suppress(OSError):
                    path.unlink()
            continue
        if sid == exclude:
            continue
        try:
            data = json.loads(record.read_text(encoding="utf-8"))
            found.append(Session(sid, str(data["user"]), str(data["since"]),
                                 str(data.get("via", "local")), int(data.get("pid", 0))))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(found, key=lambda s: (s.since, s.user))
