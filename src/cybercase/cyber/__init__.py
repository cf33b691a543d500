"""Cyber work: online accounts and attribution, takedown referrals, police reports,
parent smartphone agreements.

Agenda and timeline entries come from :mod:`cybercase.cyber.providers`, which
``cybercase.cases`` imports so every face (CLI, app) sees them.
"""
