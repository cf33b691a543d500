"""Each vault's Ed25519 signing key, made on first use and kept inside the encrypted vault."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cybercase.core.timeutil import now_iso
from cybercase.export.bagit import fingerprint
from cybercase.vault import Vault


def signing_key(vault: Vault) -> Ed25519PrivateKey:
    row = vault.conn.execute(
        "SELECT private_key FROM signing_keys WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is not None:
        return Ed25519PrivateKey.from_private_bytes(bytes(row[0]))
    key = Ed25519PrivateKey.generate()
    public = key.public_key()
    fp = fingerprint(public)
    with vault.transaction() as tx:
        tx.execute(
            "INSERT INTO signing_keys(private_key, public_key, fingerprint, created_at,"
            " created_by) VALUES (?,?,?,?,?)",
            (
                key.private_bytes_raw(),
                public.public_bytes(Encoding.Raw, PublicFormat.Raw),
                fp, now_iso(), vault.actor,
            ),
        )
        tx.audit("signing-key.create", "signing key", {"fingerprint": fp})
    return key


def current_fingerprint(vault: Vault) -> str:
    return fingerprint(signing_key(vault).public_key())
