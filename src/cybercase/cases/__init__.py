"""Cases and everything in a case file (people, phases, support group, checklist, ...)."""

# Registries filled by other modules: imported here so they register in every process.
from cybercase.privacy import requests as _privacy_requests

_ = _privacy_requests
