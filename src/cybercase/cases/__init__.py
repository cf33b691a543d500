"""Cases and everything in a case file (people, phases, support group, checklist, ...)."""
