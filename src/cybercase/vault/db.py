"""The SQLCipher connection: the only module that imports sqlcipher3.

Everything else receives a ``Connection`` from here and speaks plain DB-API; database
errors are translated into ``CybercaseError`` by :func:`translate`.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path
from typing import Any

import sqlcipher3

from cybercase.core import oslayer
from cybercase.core.errors import CybercaseError, VaultBusy, VaultCorrupt
from cybercase.core.i18n import msg

Connection = Any  # sqlcipher3.Connection has no type stubs
DatabaseError = sqlcipher3.DatabaseError
IntegrityError = sqlcipher3.IntegrityError
OperationalError = sqlcipher3.OperationalError

PAGE_SIZE = 65536  # measured: large pages speed up keyed blob writes (architecture.md)
BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, master: bytes, page_size: int = PAGE_SIZE) -> Connection:
    """Open (or create) the database keyed with the raw 256-bit master key.

    The key is checked with a first read; a wrong key or a damaged header raises
    ``VaultCorrupt``. SQLCipher's own logging is silenced so nothing reaches the terminal.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{master.hex()}'\"")
        conn.execute(f"PRAGMA cipher_page_size = {int(page_size)}")
        # cipher_memory_security stays at SQLCipher's default (off): it wipes and locks all
        # memory SQLite frees, measured 1.3-1.9x slower ingest; SQLCipher wipes its own key
        # material either way (docs/evidence.md, "Speed and what it costs")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        if oslayer.SQLITE_FULLFSYNC:  # macOS: fsync alone stops at the drive's cache
            conn.execute("PRAGMA fullfsync = ON")
            conn.execute("PRAGMA checkpoint_fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        if disk_full(exc) or _no_space_beside(path):
            # the WAL index or log cannot be made: a full disk, not a damaged vault
            raise CybercaseError(msg("trust.disk_full")) from None
        raise VaultCorrupt(msg("vault.db_unopenable", name=path.name, error=str(exc))) from None
    return conn


def sqlcipher_version() -> str:
    """The SQLCipher library in use (for ``cybercase about``), e.g. ``4.6.1 community``."""
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        sqlite = conn.execute("SELECT sqlite_version()").fetchone()
    finally:
        conn.close()
    return f"{row[0] if row else '?'} (SQLite {sqlite[0] if sqlite else '?'})"


def rekey(conn: Connection, master: bytes) -> None:
    conn.execute(f"PRAGMA rekey = \"x'{master.hex()}'\"")


def vacuum(conn: Connection) -> bool:
    """Rebuild the database file so deleted bytes are really gone (retention purge).

    ``secure_delete`` already zeroes freed cells and pages; VACUUM then rewrites the file
    without free pages (its temporary copy lives in memory: ``temp_store``), and a
    TRUNCATE checkpoint empties the WAL, before and after. Returns False when another
    program kept the WAL from being emptied (its frames then stay until the next
    checkpoint).
    """
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    conn.execute("VACUUM")
    busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return not busy


def integrity_problems(conn: Connection) -> list[str]:
    """SQLCipher's page HMAC check plus SQLite's integrity check; empty when all is well."""
    problems: list[str] = []
    try:
        for (row,) in conn.execute("PRAGMA cipher_integrity_check").fetchall():
            problems.append(f"encrypted page check: {row}")
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            problems.extend(f"database structure: {r}" for r in rows)
        # rows whose parent is gone (possible only when edited outside cybercase)
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(
                f"database structure: row {rowid} of {table} refers to a missing {parent} "
                "row (edited outside cybercase)"
            )
    except sqlcipher3.DatabaseError as exc:
        if disk_full(exc):  # not damage: say what it is, report nothing false
            raise CybercaseError(msg("trust.disk_full")) from None
        problems.append(f"database cannot be read: {exc}")
    return problems


def _no_space_beside(path: Path) -> bool:
    """True when the vault's disk has (almost) no free space left."""
    try:
        return shutil.disk_usage(path.parent).free < 64 * 1024
    except OSError:
        return False


def disk_full(exc: BaseException) -> bool:
    """The disk (of the vault, or of a file being written) has no space left."""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlcipher3.OperationalError) and "disk is full" in str(exc)


def translate(exc: BaseException) -> CybercaseError | None:
    """A one-line, user-facing error for a database exception, or None if not one."""
    if disk_full(exc):
        return CybercaseError(msg("trust.disk_full"))
    if isinstance(exc, sqlcipher3.OperationalError) and "locked" in str(exc):
        return VaultBusy("the vault is busy in another program: try again in a moment")
    if isinstance(exc, sqlcipher3.DatabaseError) and (
        "malformed" in str(exc) or "not a database" in str(exc)
    ):
        return VaultCorrupt(
            f"the vault database is damaged ({exc}): restore it from a backup "
            "(cybercase restore)"
        )
    if isinstance(exc, sqlcipher3.DatabaseError):
        return VaultCorrupt(
            f"the vault database reported an error ({exc}): run `cybercase verify`; "
            "if it reports damage, restore from a backup"
        )
    return None


def split_script(script: str) -> list[str]:
    """Split SQL into complete statements (triggers included) so each runs in one transaction."""
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlcipher3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def named(cursor: Any) -> list[dict[str, Any]]:
    """The rows of ``cursor`` as ``{column name: value}``, so records are built by name
    (``Case(**row)``): a column added or moved in a query cannot shift a value into the
    wrong field. Name the columns as the fields are named (``group_name AS "group"``)."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
