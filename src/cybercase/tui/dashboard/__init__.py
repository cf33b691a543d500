"""The dashboard and the screens opened from it."""
