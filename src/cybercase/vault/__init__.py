"""The encrypted vault: keys, keyslots, schema migrations, audit chain, locking."""

from cybercase.vault.vault import Transaction, Vault, exists

__all__ = ["Transaction", "Vault", "exists"]
