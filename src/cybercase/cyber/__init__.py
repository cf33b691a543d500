"""Cyber work: online accounts and attribution, takedown referrals, police reports,
parent smartphone agreements.

Their agenda items, timeline events and search hits are read by
:mod:`cybercase.views.cyber_sources`, which the views list explicitly; the agreement form
is printed by :mod:`cybercase.documents.agreement_form`.
"""
