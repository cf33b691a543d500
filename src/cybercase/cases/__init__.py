"""Cases and everything in a case file (people, phases, support group, checklist, ...)."""

# Modules that register agenda and timeline providers (imported here so every face sees them).
from cybercase.privacy import requests as _privacy_requests  # noqa: F401
from cybercase.views import cyber_sources as _cyber_providers  # noqa: F401
