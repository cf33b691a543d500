"""The lowest layer: small helpers every other package may use (no domain rules)."""
