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

ENTRIES += [
    ("cases.reopen_void", "case {ref} was voided as made by mistake: it cannot be reopened",
     "zaak {ref} is vervallen verklaard (per vergissing aangemaakt): die kan niet heropend "
     "worden"),
    ("cases.reopen_open", "case {ref} is open: only a closed case can be reopened",
     "zaak {ref} is open: alleen een gesloten zaak kan heropend worden"),
    ("cases.already_void", "case {ref} is already void", "zaak {ref} is al vervallen"),
    ("cases.field.reopen_reason", "the reason for reopening", "de reden van heropenen"),
    ("cases.field.void_reason", "the reason for voiding", "de reden van vervallen"),
    ("cases.tl_reopened", "case reopened: {reason}", "zaak heropend: {reason}"),
    ("cases.tl_voided", "case voided (made by mistake): {reason}",
     "zaak vervallen (per vergissing aangemaakt): {reason}"),
    ("case.reopened", "Reopened", "Heropend"),
    ("case.reopened_why", "{when}: {reason}", "{when}: {reason}"),
    ("case.voided", "Void", "Vervallen"),
    ("case.voided_why", "{when} by {who}: {reason}", "{when} door {who}: {reason}"),
]
