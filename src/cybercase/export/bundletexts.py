"""The police bundle's plain-text files: VERIFY.txt and data/left-out.txt, in Dutch with
the English text below (the bundle goes to the Dutch police; an expert elsewhere may read
it too). The commands are given once, in the Dutch part; the English part refers to them
by step.
"""

from __future__ import annotations

from cybercase.evidence.items import Item

# the OpenSSL 3 commands VERIFY.txt gives (tested in tests/cli/test_bundle_trust.py)
SIG_CMD = ("openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin -sigfile sig.bin"
           " -in tagmanifest-sha256.txt")
RULE = "-" * 78


def title(text: str, underline: str = "=") -> str:
    """A title with an underline exactly as long."""
    return f"{text}\n{underline * len(text)}"


def _count(n: int, one: str, many: str) -> str:
    return one if n == 1 else many.format(n=n)


def left_out_text(ref: str, withdrawn: list[Item], not_chosen: list[Item]) -> bytes:
    """What was left out, in general terms and numbers only: a withdrawal's reason often
    names other children, so it never leaves the vault."""
    w, c = len(withdrawn), len(not_chosen)
    lines = [
        title(f"Wat niet in deze bundel zit (zaak {ref})"),
        "",
        "Deze bundel bevat alleen wat de ontvanger nodig heeft: de bewijsstukken, wat",
        "erover is verklaard, de accounts, verzoeken om verwijdering, de gegevens voor de",
        "politie en de bewaarketen. Er zit nooit in:",
        "- aantekeningen van de steungroep en haar bijeenkomsten;",
        "- zorggegevens van een kind, ook niet van andere kinderen in de zaak;",
        "- de persoonsgegevens van de betrokkenen, behalve wat het accountregister en de",
        "  politiegegevens noemen (wie een account wordt toegeschreven, de leeftijd van een",
        "  verdachte);",
        "- de checklist, de agenda en interne aantekeningen van de school.",
        "",
    ]
    if w:
        lines += [
            _count(w, "Eén bewijsstuk van deze zaak is door de school ingetrokken en zit",
                   "{n} bewijsstukken van deze zaak zijn door de school ingetrokken en zitten"),
            "niet in deze bundel. Een school trekt een bewijsstuk in als het niet bij de zaak",
            "hoort, dubbel is opgeslagen of anderen laat zien die er niets mee te maken",
            "hebben; de reden staat in de kluis van de school, niet hier.",
            "",
        ]
    if c:
        lines += [
            _count(c, "Eén ander bewijsstuk van deze zaak is niet voor deze bundel gekozen",
                   "{n} andere bewijsstukken van deze zaak zijn niet voor deze bundel gekozen"),
            "(de school heeft een selectie geëxporteerd).",
            "",
        ]
    if not w and not c:
        lines += ["Geen enkel bewijsstuk van deze zaak is weggelaten.", ""]
    lines += [
        RULE,
        "",
        title(f"What was left out of this bundle (case {ref})"),
        "",
        "By design this bundle carries only what the recipient needs: the evidence, the",
        "stated facts, the accounts, takedown requests, the police record and the custody",
        "log. It never carries:",
        "- notes of the support group (steungroep) and its meetings;",
        "- care details of any child (zorg), including other children in the case;",
        "- the records of the people in the case, except what the account register and",
        "  the police record name (to whom an account is attributed, a suspect's age);",
        "- the school's checklist, agenda and internal notes.",
        "",
    ]
    if w:
        lines += [
            _count(w, "One evidence item of this case was withdrawn by the school and is",
                   "{n} evidence items of this case were withdrawn by the school and are"),
            "not in this bundle. A school withdraws an item when it turns out not to",
            "belong to the case, was stored twice, or shows others who have nothing to do",
            "with it; the reason is recorded in the school's vault, not here.",
            "",
        ]
    if c:
        lines += [
            _count(c, "One other evidence item of this case was not chosen for this bundle",
                   "{n} other evidence items of this case were not chosen for this bundle"),
            "(the school exported a selection).",
            "",
        ]
    if not w and not c:
        lines.append("No evidence item of this case was left out.")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def verify_text(ref: str, bag_name: str, school: str) -> bytes:
    """VERIFY.txt. It holds no fingerprint or hash to compare with: whoever could change
    the bundle could change this file too."""
    wie = school or "de school"
    who = school or "the school"
    return f"""{title(f"Zo controleert u deze bundel (zaak {ref})")}

Dit ZIP-bestand bevat een BagIt-1.0-map (RFC 8493) met de naam "{bag_name}".
De bewijsstukken staan in data/evidence/, byte voor byte zoals de school ze bewaarde.
data/report.pdf is een afdrukbaar rapport; data/evidence.csv en data/custody.csv
openen in een spreadsheet (Excel met Nederlandse instellingen: puntkomma's, UTF-8).
Een waarde die begint met =, +, - of @ (zoals een account @naam) staat in de
CSV-bestanden met een apostrof ervoor, zodat een spreadsheet er geen formule van
maakt; data/evidence.json en de andere JSON-bestanden bevatten de waarden zonder
die apostrof, precies zoals vastgelegd.

Waar komt de bundel vandaan? Niets in deze bundel kan dat bewijzen: wie de bundel
kan veranderen, kan ook dit bestand, het rapport en de sleutel erin veranderen.
Twee waarden die u zelf berekent kunnen het wel, vergeleken met wat {wie}
u telefonisch voorleest (op een nummer waarvan u weet dat het van de school is; het
overdrachtsformulier van de school noemt ze ook):

  A. de SHA-256 van het ZIP-bestand precies zoals u het ontving;
  B. de vingerafdruk van de sleutel waarmee de map is ondertekend.

Klopt A, dan is dit precies het bestand dat de school maakte. Klopt B en is de
handtekening geldig, dan is de inhoud ondertekend met de eigen sleutel van de school
(dat blijft zo als het ZIP-bestand is uitgepakt en opnieuw ingepakt; A verandert dan).

1. A, de SHA-256 van het ZIP-bestand (vóór het uitpakken):

       Windows (PowerShell):      Get-FileHash -Algorithm SHA256 bundle.zip
       Windows (opdrachtprompt):  certutil -hashfile bundle.zip SHA256
       Linux:                     sha256sum bundle.zip
       macOS:                     shasum -a 256 bundle.zip

2. Met cybercase (controleert alles hieronder en toont A en B zoals berekend):

       cybercase verify-bundle bundle.zip --expect "VINGERAFDRUK DIE DE SCHOOL VOORLAS"

   Het controleert ook dat evidence.json, evidence.csv en de lijst van bewijsstukken
   in report.pdf precies de bestanden in data/evidence/ beschrijven.

3. Zonder cybercase. Pak het ZIP-bestand uit en ga naar de map "{bag_name}".
   Is de bundel versleuteld (AES-256), open hem dan met 7-Zip, WinZip, Keka of
   `7z x bundle.zip`; het wachtwoord krijgt u op een andere manier dan de bundel.

   Ieder bestand (moet OK zeggen):

       sha256sum -c manifest-sha256.txt
       sha256sum -c tagmanifest-sha256.txt

   Op macOS: `shasum -a 256 -c`; of een andere BagIt-controle, bijvoorbeeld
   `pip install bagit` en `bagit.py --validate "{bag_name}"`.

   De Ed25519-handtekening over tagmanifest-sha256.txt (OpenSSL 3.0 of nieuwer; moet
   "Signature Verified Successfully" zeggen):

       openssl base64 -d -A -in tagmanifest-sha256.txt.sig -out sig.bin
       {SIG_CMD}

   B, de vingerafdruk van de sleutel: de SHA-256 van de publieke sleutel zelf (de
   laatste 32 bytes van signing-key.pub in DER-vorm); de eerste 32 hexadecimale
   tekens, in groepjes van vier, zijn de vingerafdruk:

       Linux, macOS:
         openssl pkey -pubin -in signing-key.pub -outform DER | tail -c 32 | openssl dgst -sha256
       Windows (PowerShell):
         openssl pkey -pubin -in signing-key.pub -outform DER -out key.der
         $k = [IO.File]::ReadAllBytes("$PWD\\key.der")
         [IO.File]::WriteAllBytes("$PWD\\key.raw", $k[12..43])
         Get-FileHash -Algorithm SHA256 key.raw

Een geldige handtekening bewijst op zichzelf alleen dat wie de sleutel in deze bundel
heeft, de bundel ondertekende. Daarom moet B van de school komen, niet uit de bundel.

{RULE}

{title(f"How to check this bundle (case {ref})")}

This ZIP holds a BagIt 1.0 bag (RFC 8493) in the folder "{bag_name}".
The evidence is in data/evidence/, byte for byte as it was stored by the school.
data/report.pdf is a printable report (Dutch); data/evidence.csv and data/custody.csv
open in any spreadsheet (semicolon-separated, UTF-8, as Excel expects with Dutch
settings). A value starting with =, +, - or @ (such as an account @name) starts with
an apostrophe in the CSV files, so that a spreadsheet does not run it as a formula;
data/evidence.json and the other JSON files hold every value unchanged.

Where does it come from? Nothing written inside this bundle can tell you: whoever
could change the bundle could change this file, the report and the key in it too.
Two values you compute yourself can, compared with what {who} reads out
to you by telephone (on a number you know to be theirs; the school's handover sheet
gives them too):

  A. the SHA-256 of the ZIP file exactly as you received it (step 1 above);
  B. the fingerprint of the key that signed the bag (the end of step 3 above).

If A matches, this is exactly the file the school made. If B matches and the
signature is valid, the content was signed with the school's own key (this still
holds after the ZIP was unpacked and packed again, when A changes).

The commands are given once, above:
1. computes A (Windows, Linux, macOS);
2. checks everything with cybercase and prints A and B as it computed them; it also
   checks that evidence.json, evidence.csv and the list of items inside report.pdf
   describe exactly the files in data/evidence/;
3. without cybercase: unpack the ZIP (an encrypted bundle, AES-256, opens with 7-Zip,
   WinZip, Keka or `7z x`; the passphrase reaches you by another way than the
   bundle), check every file against the manifests (each line must say OK), check the
   Ed25519 signature over tagmanifest-sha256.txt with OpenSSL 3.0 or newer (it must
   say "Signature Verified Successfully") and compute B: the SHA-256 of the raw public
   key (the last 32 bytes of signing-key.pub in DER form), whose first 32 hex digits,
   in groups of four, are the fingerprint.

A valid signature on its own proves only that whoever holds the key in this bundle
signed it. That is why B must come from the school, not from the bundle.
""".encode()
