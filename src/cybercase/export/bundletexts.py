"""The police bundle's plain-text files: VERIFY.txt and data/left-out.txt (English)."""

from __future__ import annotations

from cybercase.evidence.items import Item

# the OpenSSL 3 commands VERIFY.txt gives (tested in tests/cli/test_bundle_trust.py)
SIG_CMD = ("openssl pkeyutl -verify -pubin -inkey signing-key.pub -rawin -sigfile sig.bin"
           " -in tagmanifest-sha256.txt")


def left_out_text(ref: str, withdrawn: list[Item], not_chosen: list[Item]) -> bytes:
    """What was left out, in general terms and numbers only: a withdrawal's reason often
    names other children, so it never leaves the vault."""
    lines = [
        f"What was left out of this bundle (case {ref})",
        "",
        "By design this bundle carries only what the recipient needs: the evidence, the",
        "stated facts and accounts, and the custody log. It never carries:",
        "- notes of the support group (steungroep) and its meetings;",
        "- care details of any child (zorg), including other children in the case;",
        "- the records of the people in the case (names, dates of birth, groups);",
        "- the school's checklist, agenda and internal notes.",
        "",
    ]
    if withdrawn:
        lines += [
            f"{len(withdrawn)} evidence item(s) of this case were withdrawn by the school and",
            "are not in this bundle. A school withdraws an item when it turns out not to",
            "belong to the case, was stored twice, or shows others who have nothing to do",
            "with it; the reason is recorded in the school's vault, not here.",
            "",
        ]
    if not_chosen:
        lines += [
            f"{len(not_chosen)} other evidence item(s) of this case were not chosen for this",
            "bundle (the school exported a selection).",
            "",
        ]
    if not withdrawn and not not_chosen:
        lines.append("No evidence item of this case was left out.")
    return ("\n".join(lines) + "\n").encode("utf-8")


def verify_text(ref: str, bag_name: str, school: str) -> bytes:
    """VERIFY.txt. It holds no fingerprint or hash to compare with: whoever could change
    the bundle could change this file too."""
    who = school or "the school"
    return f"""How to check this bundle (case {ref})
=====================================

This ZIP holds a BagIt 1.0 bag (RFC 8493) in the folder "{bag_name}".
The evidence is in data/evidence/, byte for byte as it was stored by the school.
data/report.pdf is a printable report (Dutch); data/evidence.csv and data/custody.csv
open in any spreadsheet.

Where does it come from? Nothing written inside this bundle can tell you: whoever
could change the bundle could change this file, the report and the key in it too.
Two values you compute yourself can, compared with what {who} reads out
to you by telephone (on a number you know to be theirs; the school's handover sheet
gives them too):

  A. the SHA-256 of the ZIP file exactly as you received it;
  B. the fingerprint of the key that signed the bag.

If A matches, this is exactly the file the school made. If B matches and the
signature is valid, the content was signed with the school's own key (this still
holds after the ZIP was unpacked and packed again, when A changes).

1. A, the SHA-256 of the ZIP (before unpacking it):

       Windows (PowerShell):      Get-FileHash -Algorithm SHA256 bundle.zip
       Windows (command prompt):  certutil -hashfile bundle.zip SHA256
       Linux:                     sha256sum bundle.zip
       macOS:                     shasum -a 256 bundle.zip

2. With cybercase (checks everything below and prints A and B as it computed them):

       cybercase verify-bundle bundle.zip --expect "FINGERPRINT THE SCHOOL READ OUT"

   It also checks that evidence.json, evidence.csv and the list of items inside
   report.pdf describe exactly the files in data/evidence/.

3. Without cybercase. Unpack the ZIP and go to the folder "{bag_name}".
   If the bundle is encrypted (AES-256), open it with 7-Zip, WinZip, Keka or
   `7z x bundle.zip`; the passphrase reaches you by another way than the bundle.

   Every file (must say OK):

       sha256sum -c manifest-sha256.txt
       sha256sum -c tagmanifest-sha256.txt

   On macOS use `shasum -a 256 -c`; or any BagIt validator, for example
   `pip install bagit` and `bagit.py --validate "{bag_name}"`.

   The Ed25519 signature over tagmanifest-sha256.txt (OpenSSL 3.0 or newer; must say
   "Signature Verified Successfully"):

       openssl base64 -d -A -in tagmanifest-sha256.txt.sig -out sig.bin
       {SIG_CMD}

   B, the key's fingerprint: the SHA-256 of the raw public key (the last 32 bytes of
   signing-key.pub in DER form); its first 32 hex digits, in groups of four, are the
   fingerprint:

       Linux, macOS:
         openssl pkey -pubin -in signing-key.pub -outform DER | tail -c 32 | openssl dgst -sha256
       Windows (PowerShell):
         openssl pkey -pubin -in signing-key.pub -outform DER -out key.der
         $k = [IO.File]::ReadAllBytes("$PWD\\key.der")
         [IO.File]::WriteAllBytes("$PWD\\key.raw", $k[12..43])
         Get-FileHash -Algorithm SHA256 key.raw

A valid signature on its own proves only that whoever holds the key in this bundle
signed it. That is why B must come from the school, not from the bundle.
""".encode()
