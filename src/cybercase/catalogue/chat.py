"""Core messages of cybercase.evidence.chat (WhatsApp chat exports) in English and Dutch.

The ``chat.flag.*`` texts are warnings stored with an evidence item (its flags);
cybercase.evidence.flags recognises them by their English text.
"""

from __future__ import annotations

EN: dict[str, str] = {
    # flags stored with an export item
    "chat.flag.zip_members": (
        "chat export ZIP not unpacked: it holds {n} files, more than the limit of {limit}; "
        "the ZIP is stored as it came"
    ),
    "chat.flag.zip_member_big": (
        "chat export ZIP not unpacked: {name!r} would be {mb} MB, more than the limit of "
        "{limit} MB; the ZIP is stored as it came"
    ),
    "chat.flag.zip_bomb": (
        "chat export ZIP not unpacked: {name!r} is a ZIP bomb ({ratio} times its packed "
        "size); the ZIP is stored as it came"
    ),
    "chat.flag.zip_total": (
        "chat export ZIP not unpacked: its files together would be more than {limit} GB; "
        "the ZIP is stored as it came"
    ),
    "chat.flag.zip_unreadable": (
        "file {name!r} in the chat export ZIP cannot be read ({error}); the ZIP is stored "
        "as it came"
    ),
    "chat.flag.zip_unsafe": (
        "file {name!r} in the chat export ZIP has a name that points outside the export: "
        "not unpacked"
    ),
    "chat.flag.zip_link": "file {name!r} in the chat export ZIP is a symbolic link: not unpacked",
    "chat.flag.zip_encrypted": (
        "file {name!r} in the chat export ZIP is encrypted: not unpacked"
    ),
    "chat.flag.zip_twice": (
        "the chat export ZIP holds a second file named {name!r}: only the first was unpacked"
    ),
    "chat.flag.too_big": (
        "chat export of {mb} MB not read as messages (limit {limit} MB); stored as it came"
    ),
    "chat.flag.not_utf8": (
        "the chat export is not valid UTF-8 everywhere: unreadable bytes show as \ufffd in "
        "the messages (the original is stored as it came)"
    ),
    "chat.flag.order_conflict": (
        "the chat export's dates contradict each other (some only fit day-month, others "
        "only month-day): times are left empty"
    ),
    "chat.flag.media_missing": (
        "{n} file(s) the chat refers to are not in the ZIP: {names}"
    ),
    "chat.flag.media_left": (
        "{n} file(s) in the ZIP are not mentioned in the chat: {names}"
    ),
    # errors and warnings
    "chat.error.not_chat": (
        "evidence {id} ({name}) is not a chat export read as messages: choose an item "
        "ingested from a WhatsApp export (.txt or .zip)"
    ),
    "chat.error.bad_order": "--date-order {value!r}: use one of {choices}",
    "chat.error.order_proven": (
        "the dates of evidence {id} show the order is {order} (a number above 12 decides "
        "it): {value} does not fit, nothing was changed"
    ),
    "chat.error.order_unfit": (
        "the dates of evidence {id} are not real dates in the order {value}: nothing was "
        "changed"
    ),
    "chat.warn.ambiguous": (
        "evidence {id}: every day in this chat export is 12 or lower, so day and month "
        "cannot be told apart; its times stay empty until you choose: "
        "cybercase messages {id} --date-order dmy|mdy"
    ),
    # the app's details of an export item
    "chat.summary": "chat export: {messages} messages, {participants} participants, {span}",
    "chat.summary.no_span": "dates unknown",
    "chat.summary.ambiguous": (
        "day and month cannot be told apart: choose the order (cybercase messages {id} "
        "--date-order dmy|mdy)"
    ),
    "chat.summary.order": "date order {order} ({basis})",
    "chat.basis.values": "proven by the dates",
    "chat.basis.layout": "from the way the phone writes dates",
    "chat.basis.chosen": "chosen by {who}",
}

NL: dict[str, str] = {
    "chat.flag.zip_members": (
        "ZIP van de chatexport niet uitgepakt: er zitten {n} bestanden in, meer dan de "
        "grens van {limit}; de ZIP is bewaard zoals hij binnenkwam"
    ),
    "chat.flag.zip_member_big": (
        "ZIP van de chatexport niet uitgepakt: {name!r} zou {mb} MB worden, meer dan de "
        "grens van {limit} MB; de ZIP is bewaard zoals hij binnenkwam"
    ),
    "chat.flag.zip_bomb": (
        "ZIP van de chatexport niet uitgepakt: {name!r} is een ZIP-bom ({ratio} keer zo "
        "groot als ingepakt); de ZIP is bewaard zoals hij binnenkwam"
    ),
    "chat.flag.zip_total": (
        "ZIP van de chatexport niet uitgepakt: de bestanden samen zouden meer dan {limit} "
        "GB worden; de ZIP is bewaard zoals hij binnenkwam"
    ),
    "chat.flag.zip_unreadable": (
        "bestand {name!r} in de ZIP van de chatexport is niet te lezen ({error}); de ZIP is "
        "bewaard zoals hij binnenkwam"
    ),
    "chat.flag.zip_unsafe": (
        "bestand {name!r} in de ZIP van de chatexport heeft een naam die buiten de export "
        "wijst: niet uitgepakt"
    ),
    "chat.flag.zip_link": (
        "bestand {name!r} in de ZIP van de chatexport is een symbolische koppeling: niet "
        "uitgepakt"
    ),
    "chat.flag.zip_encrypted": (
        "bestand {name!r} in de ZIP van de chatexport is versleuteld: niet uitgepakt"
    ),
    "chat.flag.zip_twice": (
        "de ZIP van de chatexport bevat nog een bestand met de naam {name!r}: alleen het "
        "eerste is uitgepakt"
    ),
    "chat.flag.too_big": (
        "chatexport van {mb} MB niet als berichten gelezen (grens {limit} MB); bewaard zoals "
        "hij binnenkwam"
    ),
    "chat.flag.not_utf8": (
        "de chatexport is niet overal geldige UTF-8: onleesbare bytes staan als \ufffd in "
        "de berichten (het origineel is bewaard zoals het binnenkwam)"
    ),
    "chat.flag.order_conflict": (
        "de datums in de chatexport spreken elkaar tegen (sommige passen alleen als "
        "dag-maand, andere alleen als maand-dag): de tijden blijven leeg"
    ),
    "chat.flag.media_missing": (
        "{n} bestand(en) waar de chat naar verwijst zitten niet in de ZIP: {names}"
    ),
    "chat.flag.media_left": (
        "{n} bestand(en) in de ZIP worden in de chat niet genoemd: {names}"
    ),
    "chat.error.not_chat": (
        "bewijsstuk {id} ({name}) is geen chatexport die als berichten is gelezen: kies een "
        "bewijsstuk uit een WhatsApp-export (.txt of .zip)"
    ),
    "chat.error.bad_order": "--date-order {value!r}: kies uit {choices}",
    "chat.error.order_proven": (
        "uit de datums van bewijsstuk {id} blijkt de volgorde {order} (een getal boven de 12 "
        "beslist): {value} past niet, er is niets veranderd"
    ),
    "chat.error.order_unfit": (
        "de datums van bewijsstuk {id} zijn in de volgorde {value} geen echte datums: er is "
        "niets veranderd"
    ),
    "chat.warn.ambiguous": (
        "bewijsstuk {id}: elke dag in deze chatexport is 12 of lager, dus dag en maand zijn "
        "niet uit elkaar te houden; de tijden blijven leeg tot u kiest: "
        "cybercase messages {id} --date-order dmy|mdy"
    ),
    "chat.summary": "chatexport: {messages} berichten, {participants} deelnemers, {span}",
    "chat.summary.no_span": "datums onbekend",
    "chat.summary.ambiguous": (
        "dag en maand zijn niet uit elkaar te houden: kies de volgorde (cybercase messages "
        "{id} --date-order dmy|mdy)"
    ),
    "chat.summary.order": "datumvolgorde {order} ({basis})",
    "chat.basis.values": "blijkt uit de datums",
    "chat.basis.layout": "uit de manier waarop de telefoon datums schrijft",
    "chat.basis.chosen": "gekozen door {who}",
}
