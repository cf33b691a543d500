"""Privacy by design (AVG): need-to-know access, the audit view, retention and purge,
access requests of parents, yearly figures without names, rectification.

Submodules are imported where they are used; this package imports none of them, so the
case modules can import :mod:`cybercase.privacy.access` without cycles.
"""
