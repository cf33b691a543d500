"""The key file: keyslots that each give one user (or the recovery key) the master key.

Two levels, so the master key can be rotated without anyone else's passphrase:

* each slot holds a random 256-bit *slot key*, wrapped with AES-256-GCM under a key
  derived from the slot's passphrase with Argon2id (parameters stored per slot);
* the master key is wrapped with AES-256-GCM under each slot key.

The slot keys are also stored inside the encrypted database (table ``slot_keys``), so a
coordinator who rotates the master key (``rekey``) can re-wrap it for every remaining slot.
A removed user's slot and slot key are deleted; after a rekey an old copy of their slot
opens nothing new.

Every wrap binds the vault id, the slot id, the slot kind and the user name as associated
data, and the whole file carries an HMAC under the master key, so an edited key file is
detected after unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from cybercase.core.errors import UnlockError, UsageError, VaultCorrupt
from cybercase.core.i18n import msg
from cybercase.core.roles import ROLES
from cybercase.core.safefile import PartialFile

FORMAT = "cybercase-keyfile"
FORMAT_VERSION = 1
RECOVERY = "recovery"
MIN_PASSPHRASE = 12

# Tuned on the project's 2-core reference machine: ~0.6 s to unlock (see benchmarks/).
DEFAULT_KDF = {"t": 3, "m": 262144, "p": 2}
# For the test suite only (CYBERCASE_KDF=fast): a vault made this way is flagged as weak.
FAST_KDF = {"t": 1, "m": 8192, "p": 1}
WEAK_MEMORY = 65536
# What a key file may ask of an unlock (Argon2id t passes, m KiB, p lanes): generous for
# stronger settings later, but bounded so an edited key file cannot hang or exhaust a PC.
KDF_BOUNDS = {"t": (1, 16), "m": (8, 2 * 1024 * 1024), "p": (1, 16)}
NONCE = 12  # AES-GCM nonce bytes
WRAPPED = 32 + 16  # a 256-bit key and its GCM tag
PAGE_SIZES = {1 << n for n in range(9, 17)}  # what SQLCipher accepts: 512 to 64 KiB

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def kdf_params() -> dict[str, int]:
    """The Argon2id parameters for a new slot."""
    if os.environ.get("CYBERCASE_KDF") == "fast":
        return dict(FAST_KDF)
    return dict(DEFAULT_KDF)


def derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params["t"],
        lanes=params["p"],
        memory_cost=params["m"],
    )
    return kdf.derive(passphrase.encode("utf-8"))


def check_passphrase(passphrase: str) -> None:
    """Refuse passphrases that are too short, in words a coordinator understands."""
    from cybercase.core.errors import UsageError

    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise UsageError(msg("vault.passphrase_short", n=MIN_PASSPHRASE))


def new_recovery_key() -> str:
    """256 random bits as 52 Crockford base32 characters in groups of four."""
    number = int.from_bytes(secrets.token_bytes(33), "big") >> 4  # 260 bits
    chars = "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in range(52))
    return "-".join(chars[i : i + 4] for i in range(0, 52, 4))


def normalise_recovery_key(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


@dataclass
class Slot:
    id: str
    kind: str  # "user" or "recovery"
    user: str
    kdf: dict[str, int]
    salt: bytes
    key_nonce: bytes
    wrapped_slot_key: bytes
    master_nonce: bytes
    wrapped_master: bytes

    def aad(self, vault_id: str, what: str) -> bytes:
        return f"{FORMAT}|{vault_id}|{self.id}|{self.kind}|{self.user}|{what}".encode()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "user": self.user,
            "kdf": {"alg": "argon2id", **self.kdf},
            "salt": _b64(self.salt),
            "key_nonce": _b64(self.key_nonce),
            "wrapped_slot_key": _b64(self.wrapped_slot_key),
            "master_nonce": _b64(self.master_nonce),
            "wrapped_master": _b64(self.wrapped_master),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Slot:
        """Parse one slot; ValueError for anything a key file written by cybercase never has.

        The bounds matter: the KDF parameters decide how much memory and time an unlock
        takes, so an edited key file must not make the program allocate terabytes or spin
        for hours, and wrong lengths must not reach the cryptography library.
        """
        kdf = dict(data["kdf"])
        if kdf.pop("alg") != "argon2id":
            raise ValueError("unknown kdf")
        params = {k: int(kdf[k]) for k in ("t", "m", "p")}
        for key, (low, high) in KDF_BOUNDS.items():
            if not low <= params[key] <= high:
                raise ValueError(f"kdf {key} out of range")
        if params["m"] < 8 * params["p"]:
            raise ValueError("kdf memory below 8 KiB per lane")
        slot = cls(
            id=str(data["id"]),
            kind=str(data["kind"]),
            user=str(data["user"]),
            kdf=params,
            salt=_unb64(data["salt"]),
            key_nonce=_unb64(data["key_nonce"]),
            wrapped_slot_key=_unb64(data["wrapped_slot_key"]),
            master_nonce=_unb64(data["master_nonce"]),
            wrapped_master=_unb64(data["wrapped_master"]),
        )
        if slot.kind not in ("user", RECOVERY):
            raise ValueError("unknown slot kind")
        if not 16 <= len(slot.salt) <= 64:
            raise ValueError("salt length")
        if len(slot.key_nonce) != NONCE or len(slot.master_nonce) != NONCE:
            raise ValueError("nonce length")
        if len(slot.wrapped_slot_key) != WRAPPED or len(slot.wrapped_master) != WRAPPED:
            raise ValueError("wrapped key length")
        return slot

    @property
    def weak(self) -> bool:
        return self.kind == "user" and self.kdf["m"] < WEAK_MEMORY


@dataclass
class KeyFile:
    vault_id: str
    page_size: int
    slots: list[Slot] = field(default_factory=list)
    mac: str = ""

    # --- building slots -------------------------------------------------------------

    def new_slot(
        self, kind: str, user: str, passphrase: str, master: bytes
    ) -> tuple[Slot, bytes]:
        """Add a slot for ``user``; returns it and its slot key (to store in the database)."""
        slot_key = secrets.token_bytes(32)
        slot = Slot(
            id=secrets.token_hex(8),
            kind=kind,
            user=user,
            kdf=kdf_params() if kind == "user" else {"t": 1, "m": 19456, "p": 1},
            salt=secrets.token_bytes(16),
            key_nonce=b"",
            wrapped_slot_key=b"",
            master_nonce=b"",
            wrapped_master=b"",
        )
        self._wrap_slot_key(slot, passphrase, slot_key)
        self.wrap_master(slot, slot_key, master)
        self.slots.append(slot)
        return slot, slot_key

    def _wrap_slot_key(self, slot: Slot, passphrase: str, slot_key: bytes) -> None:
        kek = derive(passphrase, slot.salt, slot.kdf)
        slot.key_nonce = secrets.token_bytes(12)
        slot.wrapped_slot_key = AESGCM(kek).encrypt(
            slot.key_nonce, slot_key, slot.aad(self.vault_id, "slot-key")
        )

    def wrap_master(self, slot: Slot, slot_key: bytes, master: bytes) -> None:
        slot.master_nonce = secrets.token_bytes(12)
        slot.wrapped_master = AESGCM(slot_key).encrypt(
            slot.master_nonce, master, slot.aad(self.vault_id, "master")
        )

    def change_passphrase(self, slot: Slot, slot_key: bytes, passphrase: str) -> None:
        slot.salt = secrets.token_bytes(16)
        slot.kdf = kdf_params() if slot.kind == "user" else slot.kdf
        self._wrap_slot_key(slot, passphrase, slot_key)

    # --- opening --------------------------------------------------------------------

    def find(self, user: str) -> Slot:
        for slot in self.slots:
            if slot.user == user:
                return slot
        raise UnlockError(msg("vault.unknown_user", user=user))

    def user_names(self) -> list[str]:
        return [s.user for s in self.slots if s.kind == "user"]

    def unlock(self, user: str, passphrase: str) -> tuple[Slot, bytes, bytes]:
        """Return (slot, slot key, master key) or raise UnlockError."""
        slot = self.find(user)
        if slot.kind == RECOVERY:
            passphrase = normalise_recovery_key(passphrase)
        kek = derive(passphrase, slot.salt, slot.kdf)
        try:
            slot_key = AESGCM(kek).decrypt(
                slot.key_nonce, slot.wrapped_slot_key, slot.aad(self.vault_id, "slot-key")
            )
        except InvalidTag:
            if slot.kind == RECOVERY:
                raise UnlockError(msg("vault.wrong_recovery_key", user=user)) from None
            raise UnlockError(msg("vault.wrong_passphrase", user=user)) from None
        return slot, slot_key, self.unwrap_master(slot, slot_key)

    def unwrap_master(self, slot: Slot, slot_key: bytes) -> bytes:
        try:
            return AESGCM(slot_key).decrypt(
                slot.master_nonce, slot.wrapped_master, slot.aad(self.vault_id, "master")
            )
        except InvalidTag:
            raise VaultCorrupt(msg("vault.slot_damaged", user=slot.user)) from None

    # --- integrity ------------------------------------------------------------------

    def _body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "page_size": self.page_size,
            "slots": [s.to_json() for s in self.slots],
        }

    def compute_mac(self, master: bytes) -> str:
        body = json.dumps(self._body(), sort_keys=True, separators=(",", ":")).encode()
        return hmac.new(master, body, hashlib.sha256).hexdigest()

    def seal(self, master: bytes) -> None:
        self.mac = self.compute_mac(master)

    def intact(self, master: bytes) -> bool:
        return hmac.compare_digest(self.mac, self.compute_mac(master))

    # --- files ----------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write atomically (unnamed until complete, fsync, then in place), mode 0600.

        A kill at any moment leaves the old file or the new one, and no stray copy."""
        data = json.dumps({**self._body(), "mac": self.mac}, indent=1, sort_keys=True)
        partial = PartialFile(path, ".keys-", overwrite=True)
        try:
            partial.file.write(data.encode("utf-8"))
            partial.commit()
        finally:
            partial.discard()

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise
        except UnicodeDecodeError:
            raise VaultCorrupt(msg("vault.keyfile_not_text", path=path)) from None
        except OSError as exc:
            raise VaultCorrupt(msg("vault.keyfile_unreadable", path=path,
                                   error=exc.strerror)) from None
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError("not a cybercase key file")
            if int(data["version"]) > FORMAT_VERSION:
                raise VaultCorrupt(msg("vault.keyfile_newer", path=path))
            page_size = int(data["page_size"])
            if page_size not in PAGE_SIZES:
                raise ValueError("page size")
            if not isinstance(data["slots"], list):
                raise ValueError("slots")
            return cls(
                vault_id=str(data["vault_id"]),
                page_size=page_size,
                slots=[Slot.from_json(s) for s in data["slots"]],
                mac=str(data.get("mac", "")),
            )
        except VaultCorrupt:
            raise
        except (ValueError, KeyError, TypeError, AttributeError):
            raise VaultCorrupt(msg("vault.keyfile_damaged", path=path)) from None


# --- names of users and roles ---------------------------------------------------------------

_USER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


def check_user_name(name: str) -> None:
    if name.lower() == RECOVERY or not _USER_NAME.match(name):
        raise UsageError(msg("vault.bad_user_name", name=name))


def check_role(role: str) -> None:
    if role not in ROLES:
        raise UsageError(msg("vault.unknown_role", role=role, choices=", ".join(ROLES)))
