"""Catalogue entries of the appsize branch (issue 20 items 1, 2, 4, 7)."""

ENTRIES = [
    ("form.with_key", "{label} ({shortcut})", "{label} ({shortcut})"),
    ("key.save", "Save", "Opslaan"),
    ("form.discard.title", "Throw away your changes?", "Wijzigingen weggooien?"),
    ("form.discard.text", "You typed or chose something in this form that is not saved.",
     "U hebt in dit formulier iets ingevuld of gekozen dat nog niet is opgeslagen."),
    ("form.discard.back", "Back to the form", "Terug naar het formulier"),
    ("form.discard.discard", "Throw away", "Weggooien"),
    ("app.lock_soon",
     ("The vault locks in {n} second: press a key or move the mouse to keep working. "
      "What is not saved by then is gone.",
      "The vault locks in {n} seconds: press a key or move the mouse to keep working. "
      "What is not saved by then is gone."),
     ("De kluis gaat over {n} seconde op slot: druk op een toets of beweeg de muis om door "
      "te werken. Wat dan niet is opgeslagen, gaat verloren.",
      "De kluis gaat over {n} seconden op slot: druk op een toets of beweeg de muis om door "
      "te werken. Wat dan niet is opgeslagen, gaat verloren.")),
    ("app.lock_soon_title", "Auto-lock", "Automatisch vergrendelen"),
    ("app.locked_form_lost",
     "A form with unsaved changes was open: it was closed and nothing of it was kept.",
     "Er stond een formulier open met wijzigingen die niet waren opgeslagen: het is gesloten "
     "en er is niets van bewaard."),
    ("unlock.recovery_key", "Recovery key", "Herstelsleutel"),
    ("unlock.empty_recovery", "Type the recovery key.", "Typ de herstelsleutel."),
    ("unlock.recovered_title", "Set a new passphrase", "Stel een nieuwe wachtwoordzin in"),
    ("unlock.recovered_hint",
     "You opened the vault with the recovery key. Give the user who forgot their passphrase "
     "a new one now; the recovery key stays valid.",
     "U hebt de kluis geopend met de herstelsleutel. Geef nu de gebruiker die de "
     "wachtwoordzin kwijt is een nieuwe; de herstelsleutel blijft geldig."),
    ("palette.placeholder", "Search for commands…", "Zoek een opdracht…"),
    ("palette.no_matches", "No matches found", "Niets gevonden"),
    ("key.palette", "Commands", "Opdrachten"),
]
