"""The case screen: one module per tab with its dialogs beside it (listed in screen.py)."""
