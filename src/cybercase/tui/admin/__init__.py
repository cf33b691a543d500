"""The administration screen (F3): one module per section."""
