"""Read models across packages: case file, timeline, agenda, search, activity, verify."""
