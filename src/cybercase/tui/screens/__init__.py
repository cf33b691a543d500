"""The app's screens. Screens that show decrypted data derive from VaultScreen."""
