"""``python -m cybercase``."""

from cybercase.cli import main

if __name__ == "__main__":
    main()
