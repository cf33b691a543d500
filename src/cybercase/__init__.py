"""cybercase: cyberbullying case files and an encrypted evidence vault for schools."""

__version__ = "0.1.0"
