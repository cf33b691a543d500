"""What a WhatsApp chat export looks like: line headers, notices, media, as data.

Kept apart from the parsing so new locales and app versions are a matter of adding a line
here (see the shared notes on the format: there is no single format; notice texts are
localised and change between versions). Anything not recognised here is text: a notice
that is not recognised is kept as a message, never dropped.

Invisible marks (U+200E, U+200F, U+FEFF) may sit anywhere inside the syntax: the header
pattern allows them between its parts; the notice and media patterns are matched on the
text with the marks removed (the raw text is what is stored).
"""

from __future__ import annotations

import re

MARKS = "\u200e\u200f\ufeff"
_M = f"[{MARKS}]*"
_SP = "[ \u00a0\u202f]"
_MARKS_RE = re.compile(f"[{MARKS}]")


def strip_marks(text: str) -> str:
    """``text`` without U+200E, U+200F and U+FEFF (fast when there are none)."""
    if "\u200e" in text or "\u200f" in text or "\ufeff" in text:
        return _MARKS_RE.sub("", text)
    return text


# date: three numbers with one separator (/ . -), any order; the year may come first
_DATE = (rf"{_M}(?P<a>\d{{1,4}}){_M}(?P<sep>[./-]){_M}(?P<b>\d{{1,2}}){_M}(?P=sep){_M}"
         rf"(?P<c>\d{{2,4}})\.?{_M}")
# between date and time: a comma (or the Arabic one) and/or a space
_GAP = rf"[,\u060c]?{_SP}{_M}"
_TIME = (rf"(?P<H>\d{{1,2}})[:.](?P<MI>\d{{2}})(?:[:.](?P<S>\d{{2}}))?"
         rf"(?:{_SP}*{_M}(?P<ampm>[AaPp]\.?{_SP}?[Mm]\.?))?{_M}")
HEADER = re.compile(
    rf"{_M}(?P<ios>\[)?{_DATE}{_GAP}{_TIME}(?(ios)\]{_SP}|{_SP}[-\u2013]{_SP})"
)
# sender-attributed lines: "Name: text", or "Name:" alone (an empty body, view once)
SENDER_SEP = ": "

# WhatsApp notices that can be written under a name (iOS: the group's or the partner's
# name; Android: some old exports). Always a notice, whoever is named.
_STRONG = [
    # encryption notices
    r"Messages and calls are end-to-end encrypted",
    r"Messages (?:you send )?to this (?:group|chat) are now (?:secured|end-to-end)",
    r"Your calls and messages are secured with end-to-end encryption",
    r"Berichten en (?:gesprekken|oproepen) (?:worden|zijn) end-to-end versleuteld",
    r"Uw oproepen en berichten zijn beveiligd met end-to-end",
    r"Berichten die (?:je|u) naar deze (?:groep|chat) stuurt",
    r"Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    r"Los mensajes y las llamadas están cifrados de extremo a extremo",
    r"Les messages et les appels sont chiffrés de bout en bout",
    r"Mensagens e ligações são protegidas com a criptografia de ponta a ponta",
    r"الرسائل والمكالمات مشفرة",
    # security codes
    r"(?:Your|.{1,80}'s) security code (?:with .{1,80} )?changed",
    r"(?:Je|Uw) beveiligingscode (?:met .{1,80} )?is gewijzigd",
    r"Deine Sicherheitsnummer für .{1,80} hat sich geändert",
    r"تغيّر رمز أمانك",
    r"تغير رمز الأمان",
]
# group notices: recognised under a name only when the text starts with an invisible mark
# (as iOS writes them), so a child writing "I added you" stays a message
_MARKED = [
    r".{1,80} (?:created group|added|removed|left|joined using|changed the subject"
    r"|changed the group|changed this group's|is now an admin|changed their phone number)\b",
    r"You(?:'re| are) now an admin",
    r"You were added",
    r".{0,80}\b(?:turned (?:on|off) disappearing messages|updated the message timer)",
    r".{1,80} (?:heeft|hebt) (?:de )?(?:groep|deze groep) .{0,80}aangemaakt",
    r".{1,80} (?:heeft|hebt) .{1,80} (?:toegevoegd|verwijderd)\.?$",
    r".{1,80} (?:heeft de groep verlaten|is vertrokken|is toegevoegd|is verwijderd)",
    r".{1,80} (?:heeft|hebt) (?:de groepsnaam|het onderwerp|de groepsafbeelding"
    r"|de groepsbeschrijving|de instellingen van deze groep|de groepsinstellingen)",
    r".{1,80} (?:is nu beheerder|bent nu beheerder)",
    r".{1,80} (?:heeft|is) .{0,40}via de uitnodigingslink",
    r".{0,80}verdwijnende berichten",
    r".{1,80} (?:hat|hast) .{1,80} (?:hinzugefügt|entfernt|erstellt)\.?$",
    r".{1,80} (?:hat|hast) (?:den Gruppennamen|das Gruppenbild|die Gruppenbeschreibung)",
    r".{1,80} (?:hat die Gruppe verlassen|wurde hinzugefügt)",
]
# Android notices never have "Name: "; these may contain ": " in a quoted name, so they
# are tried on the whole line before a sender is looked for
_NO_SENDER = [
    r".{1,80} (?:created group|changed the subject|changed the group name"
    r"|changed the group description)",
    r".{1,80} (?:heeft|hebt) (?:de groep|het onderwerp|de groepsnaam|de groepsbeschrijving)",
    r".{1,80} (?:hat|hast) (?:die Gruppe|den Gruppennamen|den Betreff)",
]
# deleted-message tombstones carry an author and are messages, never notices
TOMBSTONE = re.compile(
    r"(?:This message was deleted|You deleted this message|Dit bericht is verwijderd"
    r"|(?:Je|U) hebt dit bericht verwijderd|Diese Nachricht wurde gelöscht"
    r"|Du hast diese Nachricht gelöscht|Se eliminó este mensaje|Eliminaste este mensaje)",
)

# words one of which every STRONG notice contains (a cheap test before the patterns)
STRONG_HINT = re.compile(
    "end-to-end|Ende-zu-Ende|extremo a extremo|bout en bout|ponta a ponta|مشفرة"
    "|security code|beveiligingscode|Sicherheitsnummer|رمز")
QUOTE = re.compile("[\"“”«]")
STRONG = re.compile("|".join(f"(?:{p})" for p in _STRONG))
MARKED = re.compile("|".join(f"(?:{p})" for p in _MARKED))
NO_SENDER = re.compile("|".join(f"(?:{p})" for p in _NO_SENDER))

# media: "Zonder media" placeholders, "met media" references to a file in the export
_OMITTED_WORDS = (
    r"(?:image|video|audio|sticker|GIF|document|Contact card|afbeelding|Visitekaartje"
    r"|Bild|Dokument|Kontaktkarte|imagen|audio|documento|Tarjeta de contacto)"
)
OMITTED = re.compile(
    rf"(?:<(?:Media omitted|Media weggelaten|Medien ausgeschlossen|Multimedia omitido"
    rf"|Médias omis|Mídia oculta)>|\b{_OMITTED_WORDS} (?:omitted|weggelaten|weggelassen"
    rf"|ausgelassen|omitido|omitida))\s*$",
    re.I,
)
# how every media line ends (a cheap test before the patterns)
MEDIA_ENDS = (">", ")", "omitted", "weggelaten", "weggelassen", "ausgelassen", "omitido",
              "omitida")
ATTACHED = re.compile(
    r"<(?:attached|bijgevoegd|Anhang|adjunto|pièce jointe|anexado): (?P<name>[^<>]+)>\s*$"
)
FILE_ATTACHED = re.compile(
    r"^(?P<name>\S.*?) \((?:file attached|bestand bijgevoegd|Datei angehängt"
    r"|archivo adjunto|fichier joint|arquivo anexado)\)\s*$"
)
