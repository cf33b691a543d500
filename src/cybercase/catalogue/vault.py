"""Core messages of cybercase.vault and the top-level core modules (timeutil, safefile,
roles, ...) in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    # task: i18n of core messages (vault/ and top-level modules, helper i18na)
    "vault.not_a_date": "{what} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-21",
    "vault.field.date": "date",
    # unlocking
    "vault.unknown_user": "unknown user {user!r}: check the name with your coordinator",
    "vault.wrong_passphrase": "wrong passphrase for {user!r}: try again",
    "vault.wrong_recovery_key": "wrong recovery key for {user!r}: try again",
    "vault.rate_limited": (
        "{count} wrong passphrases in a row for {user!r}: wait {seconds} s before trying again"
    ),
    "vault.user_removed": "user {user!r} has been removed from this vault",
    "vault.missing": (
        "no vault at {path}: create one with `cybercase init --user NAME` "
        "or point --vault / CYBERCASE_VAULT at an existing one"
    ),
    "vault.in_use": "the vault is in use by {holder}: wait until they are done, then try again",
    "vault.holder": "{user} (process {pid} on {host}) since {since}",
    "vault.holder_unknown": "another program",
    "vault.a_while": "a while",
    "vault.rekeying": "the vault is being re-keyed in another program: try again in a moment",
    "vault.open_elsewhere": (
        "the vault is open in another program (the app, or a command still running): close "
        "it there, then run rekey again"
    ),
    "vault.folder_unusable": (
        "cannot use the vault folder {path} ({error}): check that you may write there"
    ),
    # damaged key file or database
    "vault.slot_damaged": (
        "the key file's slot for {user!r} is damaged: restore the key file from a backup or "
        "unlock with the recovery key"
    ),
    "vault.keyfile_not_text": (
        "the key file {path} is damaged (it is not text): restore it from a backup "
        "(cybercase restore) or ask your IT person"
    ),
    "vault.keyfile_unreadable": "cannot read the key file {path}: {error}",
    "vault.keyfile_newer": "the key file {path} comes from a newer cybercase: update cybercase",
    "vault.keyfile_damaged": (
        "the key file {path} is damaged: restore it from a backup (cybercase restore) or ask "
        "your IT person"
    ),
    "vault.keyfile_missing": "the key file {path} is missing: restore it from a backup",
    "vault.db_missing": "the database {path} is missing: restore it from a backup",
    "vault.db_empty": "the database {path} is empty (0 bytes): restore it from a backup",
    "vault.db_wrong_key": (
        "the database {path} cannot be decrypted with the key file: it is damaged or belongs "
        "to another vault; restore both from a backup"
    ),
    "vault.db_unopenable": (
        "the database {name} cannot be opened with this key file ({error}): it is damaged or "
        "belongs to another vault; restore it from a backup"
    ),
    "vault.schema_newer": (
        "this vault was written by a newer cybercase (schema {schema}, this program knows up "
        "to {known}): update cybercase before opening it"
    ),
    "vault.slot_key_missing": "a keyslot has no key in the database: run `cybercase verify`",
    # creating a vault, users
    "vault.passphrase_short": (
        "the passphrase is too short: use at least {n} characters (a few unrelated words work "
        "well)"
    ),
    "vault.bad_user_name": (
        "{name!r} cannot be a user name: use letters, digits, '.', '_', '-' or '@' "
        "(at most 64), and not 'recovery'"
    ),
    "vault.unknown_role": "unknown role {role!r}: choose one of {choices}",
    "vault.already_exists": "there is already a vault at {path}: choose another --vault",
    "vault.dir_not_empty": "{path} is not empty: choose an empty or new directory",
    "vault.user_exists": "there is already a user {name!r}",
    "vault.no_user": "there is no user {name!r}: see `cybercase user list`",
    "vault.remove_self": "you cannot remove yourself: ask another coordinator",
    "vault.last_coordinator": "the last coordinator cannot be removed",
    # backup and restore
    "vault.backup_exists": "{path} already exists: choose another name or add --force",
    "vault.backup_no_dir": "the folder {path} does not exist: create it first",
    "vault.no_backup_file": "there is no backup file {path}",
    "vault.restore_target_used": (
        "{path} already holds a vault or other files: restore into a new --vault directory "
        "(cybercase never overwrites a vault)"
    ),
    "vault.backup_not_zip": "{path} is not a cybercase backup (not a readable ZIP file)",
    "vault.backup_members": "{path} is not a cybercase backup (it holds {names})",
    "vault.backup_manifest": "the backup {path} is damaged (BACKUP.json)",
    "vault.backup_not_ours": "{path} is not a cybercase backup",
    "vault.backup_damaged": (
        "the backup {path} is damaged: its files do not match their recorded SHA-256; use an "
        "older backup"
    ),
    # safefile
    "vault.file_exists": "{path} already exists: choose another name",
    # roles: the refusal and what each permission allows
    "vault.refusal": "{user} ({role}) may not {what} ({permission}): ask the coordinator",
    "vault.perm_unknown": "do this ({permission})",
    "vault.perm.vault.admin": "manage users, keys and backups",
    "vault.perm.vault.verify": "verify the vault",
    "vault.perm.audit.read": "read the audit log",
    "vault.perm.case.read": "read case files",
    "vault.perm.case.write": "change case files",
    "vault.perm.care.read": "read care notes and support-group notes",
    "vault.perm.care.write": "change care notes and support-group notes",
    "vault.perm.evidence.read": "read evidence",
    "vault.perm.evidence.write": "add or change evidence",
    "vault.perm.accounts.read": "read accounts",
    "vault.perm.accounts.write": "add or trace accounts",
    "vault.perm.export": "export case files",
    "vault.perm.case.restrict": "restrict who may see a case",
    "vault.perm.subject.export": "answer access requests of parents",
    "vault.perm.retention": "set retention or purge cases",
    "vault.perm.stats.read": "see the yearly figures",
}

NL: dict[str, str] = {
    # task: i18n of core messages (vault/ and top-level modules, helper i18na)
    "vault.not_a_date": (
        "{what} {text!r} is geen datum: schrijf hem als JJJJ-MM-DD, bijv. 2026-11-21"
    ),
    "vault.field.date": "de datum",
    # unlocking
    "vault.unknown_user": "onbekende gebruiker {user!r}: controleer de naam bij je coördinator",
    "vault.wrong_passphrase": "verkeerde wachtwoordzin voor {user!r}: probeer het opnieuw",
    "vault.wrong_recovery_key": "verkeerde herstelsleutel voor {user!r}: probeer het opnieuw",
    "vault.rate_limited": (
        "{count} keer achter elkaar een verkeerde wachtwoordzin voor {user!r}: wacht {seconds} s "
        "en probeer het dan opnieuw"
    ),
    "vault.user_removed": "gebruiker {user!r} is uit deze kluis verwijderd",
    "vault.missing": "er is geen kluis in {path}: maak er een aan of kies een bestaande kluis",
    "vault.in_use": (
        "de kluis is in gebruik door {holder}: wacht tot die klaar is en probeer het dan opnieuw"
    ),
    "vault.holder": "{user} (proces {pid} op {host}) sinds {since}",
    "vault.holder_unknown": "een ander programma",
    "vault.a_while": "een tijdje",
    "vault.rekeying": (
        "de kluis krijgt in een ander programma nieuwe sleutels: probeer het zo opnieuw"
    ),
    "vault.open_elsewhere": (
        "de kluis is open in een ander programma (de app, of een opdracht die nog loopt): "
        "sluit hem daar en vervang de sleutels dan opnieuw"
    ),
    "vault.folder_unusable": (
        "de kluismap {path} is niet te gebruiken ({error}): controleer of je daar mag schrijven"
    ),
    # damaged key file or database
    "vault.slot_damaged": (
        "de sleutel van {user!r} in het sleutelbestand is beschadigd: zet het sleutelbestand "
        "terug uit een reservekopie of open de kluis met de herstelsleutel"
    ),
    "vault.keyfile_not_text": (
        "het sleutelbestand {path} is beschadigd (het is geen tekst): zet het terug uit een "
        "reservekopie of vraag het je ICT'er"
    ),
    "vault.keyfile_unreadable": "kan het sleutelbestand {path} niet lezen: {error}",
    "vault.keyfile_newer": (
        "het sleutelbestand {path} komt van een nieuwere cybercase: werk cybercase bij"
    ),
    "vault.keyfile_damaged": (
        "het sleutelbestand {path} is beschadigd: zet het terug uit een reservekopie of vraag "
        "het je ICT'er"
    ),
    "vault.keyfile_missing": (
        "het sleutelbestand {path} ontbreekt: zet het terug uit een reservekopie"
    ),
    "vault.db_missing": "de database {path} ontbreekt: zet hem terug uit een reservekopie",
    "vault.db_empty": "de database {path} is leeg (0 bytes): zet hem terug uit een reservekopie",
    "vault.db_wrong_key": (
        "de database {path} is niet te ontsleutelen met het sleutelbestand: hij is beschadigd "
        "of hoort bij een andere kluis; zet beide terug uit een reservekopie"
    ),
    "vault.db_unopenable": (
        "de database {name} is niet te openen met dit sleutelbestand ({error}): hij is "
        "beschadigd of hoort bij een andere kluis; zet hem terug uit een reservekopie"
    ),
    "vault.schema_newer": (
        "deze kluis is geschreven door een nieuwere cybercase (schema {schema}, dit programma "
        "kent tot en met {known}): werk cybercase bij voordat je hem opent"
    ),
    "vault.slot_key_missing": (
        "een sleutel ontbreekt in de database: controleer de kluis"
    ),
    # creating a vault, users
    "vault.passphrase_short": (
        "de wachtwoordzin is te kort: gebruik minstens {n} tekens (een paar losse woorden "
        "werken goed)"
    ),
    "vault.bad_user_name": (
        "{name!r} kan geen gebruikersnaam zijn: gebruik letters, cijfers, '.', '_', '-' of '@' "
        "(hoogstens 64), en niet 'recovery'"
    ),
    "vault.unknown_role": "onbekende rol {role!r}: kies uit {choices}",
    "vault.already_exists": "er is al een kluis in {path}: kies een andere map",
    "vault.dir_not_empty": "{path} is niet leeg: kies een lege of nieuwe map",
    "vault.user_exists": "er is al een gebruiker {name!r}",
    "vault.no_user": "gebruiker {name!r} bestaat niet: kies iemand uit de gebruikerslijst",
    "vault.remove_self": "je kunt jezelf niet verwijderen: vraag het een andere coördinator",
    "vault.last_coordinator": "de laatste coördinator kan niet verwijderd worden",
    # backup and restore
    "vault.backup_exists": "{path} bestaat al: kies een andere naam",
    "vault.backup_no_dir": "de map {path} bestaat niet: maak hem eerst aan",
    "vault.no_backup_file": "reservekopie {path} bestaat niet",
    "vault.restore_target_used": (
        "in {path} staat al een kluis of staan andere bestanden: zet de reservekopie terug in "
        "een nieuwe map (cybercase overschrijft nooit een kluis)"
    ),
    "vault.backup_not_zip": (
        "{path} is geen reservekopie van cybercase (geen leesbaar ZIP-bestand)"
    ),
    "vault.backup_members": "{path} is geen reservekopie van cybercase (er zit {names} in)",
    "vault.backup_manifest": "de reservekopie {path} is beschadigd (BACKUP.json)",
    "vault.backup_not_ours": "{path} is geen reservekopie van cybercase",
    "vault.backup_damaged": (
        "de reservekopie {path} is beschadigd: de bestanden kloppen niet met hun vastgelegde "
        "SHA-256; gebruik een oudere reservekopie"
    ),
    # safefile
    "vault.file_exists": "{path} bestaat al: kies een andere naam",
    # roles: the refusal and what each permission allows
    "vault.refusal": (
        "{user} ({role}) heeft geen recht om {what} ({permission}): vraag het de coördinator"
    ),
    "vault.perm_unknown": "dit te doen ({permission})",
    "vault.perm.vault.admin": "gebruikers, sleutels en reservekopieën te beheren",
    "vault.perm.vault.verify": "de kluis te controleren",
    "vault.perm.audit.read": "het auditlogboek te lezen",
    "vault.perm.case.read": "zaakdossiers te lezen",
    "vault.perm.case.write": "zaakdossiers te wijzigen",
    "vault.perm.care.read": "zorgnotities en notities van de supportgroep te lezen",
    "vault.perm.care.write": "zorgnotities en notities van de supportgroep te wijzigen",
    "vault.perm.evidence.read": "bewijs te bekijken",
    "vault.perm.evidence.write": "bewijs toe te voegen of te wijzigen",
    "vault.perm.accounts.read": "accounts te bekijken",
    "vault.perm.accounts.write": "accounts toe te voegen of te traceren",
    "vault.perm.export": "zaakdossiers te exporteren",
    "vault.perm.case.restrict": "te beperken wie een zaak mag zien",
    "vault.perm.subject.export": "inzageverzoeken van ouders te beantwoorden",
    "vault.perm.retention": "bewaartermijnen in te stellen of zaken te wissen",
    "vault.perm.stats.read": "de jaarcijfers te bekijken",
}
