"""Catalogue entries of the `protocol` branch (issue #20, items 3, 5 and 6)."""

ENTRIES = [
    ("dates.no_such_day", "{what}: {day} does not exist",
     "{what}: {day} bestaat niet"),
    ("dates.no_such_month", "{what} {text!r}: there is no month {month}",
     "{what} {text!r}: er is geen maand {month}"),
    ("vault.not_a_date",
     "{what} {text!r} is not a date: write it as 3-12-2026, 3 dec 2026 or 2026-12-03",
     "{what} {text!r} is geen datum: schrijf hem als 3-12-2026, 3 dec 2026 of 2026-12-03"),
]
