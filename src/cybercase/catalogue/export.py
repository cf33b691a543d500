"""Core messages of cybercase.export in English (EN) and Dutch (NL); see cybercase.i18n.msg."""

from __future__ import annotations

EN: dict[str, str] = {
    # the police bundle (export/bundle.py)
    "export.bundle.no_evidence": "case {ref} has no evidence to export: add some with `cybercase "
                                 "ingest {ref} FILE`",
    "export.bundle.no_evidence_withdrawn": "case {ref} has no evidence to export (every item was "
                                           "withdrawn): add some with `cybercase ingest {ref} "
                                           "FILE`",
    "export.bundle.not_in_case": "evidence {id} does not belong to case {ref}: see `cybercase "
                                 "evidence list {ref}`",
    "export.bundle.withdrawn": "evidence {id} was withdrawn on {when}: it cannot be exported",
    "export.bundle.short_pass": "the bundle passphrase is too short ({n} characters): use at "
                                "least {min} characters",
    "export.bundle.corrupt": "evidence {id}: the stored content no longer matches its SHA-256: no "
                             "bundle was written; run `cybercase verify` and restore the vault "
                             "from a backup",
    # verify-bundle (export/bundle.py)
    "export.verify.not_file": "{path} is not a file: give the bundle's .zip file",
    "export.verify.not_zip": "{path} is not a ZIP file: give the bundle's .zip file",
    "export.verify.need_pass": "{path} is encrypted: set CYBERCASE_EXPORT_PASSPHRASE or run in a "
                               "terminal to type it",
    "export.verify.bad_pass": "the passphrase does not open {path}: check it with whoever sent "
                              "the bundle",
    "export.verify.bad_expect": "'{value}' is not a key fingerprint: give the 32 hexadecimal "
                                "digits the school read out (spaces allowed)",
    # writing the bag (export/bagit.py)
    "export.bagit.exists": "{out} already exists: choose another name or add --force",
    "export.bagit.no_dir": "the folder {dir} does not exist: create it first",
    "export.bagit.read_only": "cannot write in {dir}: choose a folder you may write to",
    "export.bagit.full": "the disk holding {dir} is full: free space or choose another place; no "
                         "partial bundle was left behind",
    "export.bagit.write_failed": "cannot write the bundle in {dir} ({error}): choose another "
                                 "place; no partial bundle was left behind",
}

NL: dict[str, str] = {
    # the police bundle (export/bundle.py)
    "export.bundle.no_evidence": "zaak {ref} heeft geen bewijs om te exporteren: voeg eerst "
                                 "bewijs toe",
    "export.bundle.no_evidence_withdrawn": "zaak {ref} heeft geen bewijs om te exporteren (alle "
                                           "bewijsstukken zijn ingetrokken): voeg eerst bewijs "
                                           "toe",
    "export.bundle.not_in_case": "bewijsstuk {id} hoort niet bij zaak {ref}: kies bewijs uit deze "
                                 "zaak",
    "export.bundle.withdrawn": "bewijsstuk {id} is ingetrokken op {when}: het kan niet worden "
                               "geëxporteerd",
    "export.bundle.short_pass": "de wachtwoordzin voor het bewijspakket is te kort ({n} tekens): "
                                "gebruik er ten minste {min}",
    "export.bundle.corrupt": "bewijsstuk {id}: de opgeslagen inhoud klopt niet meer met de "
                             "SHA-256: er is geen bewijspakket geschreven; laat de kluis "
                             "controleren en zet een reservekopie terug",
    # verify-bundle (export/bundle.py)
    "export.verify.not_file": "{path} is geen bestand: kies het .zip-bestand van het bewijspakket",
    "export.verify.not_zip": "{path} is geen ZIP-bestand: kies het .zip-bestand van het "
                             "bewijspakket",
    "export.verify.need_pass": "{path} is versleuteld: vul de wachtwoordzin van het bewijspakket "
                               "in",
    "export.verify.bad_pass": "de wachtwoordzin opent {path} niet: controleer die bij wie het "
                              "pakket stuurde",
    "export.verify.bad_expect": "'{value}' is geen vingerafdruk van een sleutel: vul de 32 "
                                "tekens (0-9, A-F) in die de school voorlas; spaties mogen",
    # writing the bag (export/bagit.py)
    "export.bagit.exists": "{out} bestaat al: kies een andere naam",
    "export.bagit.no_dir": "de map {dir} bestaat niet: maak die eerst aan",
    "export.bagit.read_only": "in {dir} kan niet worden geschreven: kies een map waarin dat wel "
                              "kan",
    "export.bagit.full": "de schijf met {dir} is vol: maak ruimte vrij of kies een andere plek; "
                         "er is geen half bewijspakket achtergebleven",
    "export.bagit.write_failed": "het bewijspakket kan niet in {dir} worden geschreven ({error}): "
                                 "kies een andere plek; er is geen half bewijspakket "
                                 "achtergebleven",
}
