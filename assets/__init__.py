"""Shipped assets: protocol templates (read with cybercase.paths.assets())."""
