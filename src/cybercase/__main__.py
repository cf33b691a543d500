"""``python -m cybercase``."""

from cybercase.core import oslayer

if __name__ == "__main__":
    oslayer.disable_core_dumps()  # before anything reads a passphrase or derives a key
    from cybercase.cli import main

    main()
