"""Messages in Dutch and English, from gettext catalogues (see :func:`msg` and :func:`t`).

Every message lives in ``cybercase/locale/{en,nl}/LC_MESSAGES/cybercase.po`` (compiled to
the ``.mo`` beside it, which is what runs). An entry's ``msgctxt`` is the key the code uses
(``msg("cases.closed", ref=...)``), its ``msgid`` the English text and its ``msgstr`` the
text in that language; a message that counts something has a plural entry
(``msgid_plural``, ``msgstr[0]``/``msgstr[1]``) chosen by the value named ``n``.
Lookups go through :meth:`gettext.GNUTranslations.pgettext` and ``npgettext``; the English
catalogue tells which English text (the msgid) belongs to a key. See docs/translating.md.

``t(key, **kw)`` renders the key in the current language, falls back to English, then to
the key itself (so a missing translation shows up plainly instead of crashing).
Placeholders use ``str.format`` names; the values are substituted as data and never
re-interpreted, so user text in ``kw`` is safe. What :func:`t` and :meth:`Msg.localized`
return is for the screen: control characters in the values (an escape sequence in a file
name) come out escaped (:func:`cybercase.core.termsafe.safe`, line breaks kept). The
default language comes from the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``);
:func:`set_language` switches it at runtime.

The core builds its messages with :func:`msg`: a :class:`Msg` is a ``str`` holding the
English text (so the CLI, JSON output and logs stay English and stable for scripts) that also
carries its key and values, so the app can show it in the chosen language with
:func:`localize`. :func:`pair` wraps texts that come in both languages as data (a
protocol's ``name_en`` / ``name_nl``) the same way.

This module is core: it imports neither textual nor click.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from cybercase.core.termsafe import safe

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
DEFAULT = "en"
DOMAIN = "cybercase"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
COUNT = "n"  # the value a plural message is counted by


class _Catalogue(gettext.GNUTranslations):
    """One compiled catalogue, with the keys (msgctxt) it holds and their English."""

    keys: dict[str, tuple[str, str | None]]  # key -> (msgid, msgstr[1] or None)

    def index(self) -> None:
        self.keys = {}
        catalog: dict[object, str] = getattr(self, "_catalog", {})
        for entry, text in catalog.items():
            if isinstance(entry, tuple):  # a plural form: ("ctx\x04msgid", index)
                context, _, msgid = str(entry[0]).partition("\x04")
                if entry[1] == 1:
                    self.keys[context] = (msgid, text)
                else:
                    self.keys.setdefault(context, (msgid, text))
            elif "\x04" in str(entry):
                context, _, msgid = str(entry).partition("\x04")
                self.keys[context] = (msgid, None)


_loaded: dict[str, _Catalogue] = {}


def _catalogue(language: str) -> _Catalogue:
    found = _loaded.get(language)
    if found is None:
        found = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language],
                                    class_=_Catalogue)
        assert isinstance(found, _Catalogue)
        found.index()
        _loaded[language] = found
    return found


def _english(key: str) -> tuple[str, str | None] | None:
    """The English msgid (and English plural, for a plural entry) of ``key``."""
    return _catalogue("en").keys.get(key)


def _count(value: object) -> int:
    if isinstance(value, int):
        return value
    try:
        return int(str(value))
    except ValueError:
        return 2


class _Templates(Mapping[str, str]):
    """The templates of one language by key (a plural entry shows its singular)."""

    def __init__(self, language: str) -> None:
        self.language = language

    def pick(self, key: str, values: Mapping[str, object]) -> str | None:
        english = _english(key)
        cat = _catalogue(self.language)
        if english is None or key not in cat.keys:
            return None
        msgid, plural = english
        if plural is None:
            return cat.pgettext(key, msgid)
        return cat.npgettext(key, msgid, plural, _count(values.get(COUNT, 1)))

    def is_plural(self, key: str) -> bool:
        english = _english(key)
        return english is not None and english[1] is not None

    def __getitem__(self, key: str) -> str:
        found = self.pick(key, {COUNT: 1})
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_catalogue(self.language).keys)

    def __len__(self) -> int:
        return len(_catalogue(self.language).keys)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in _catalogue(self.language).keys


CATALOGUES: dict[str, Mapping[str, str]] = {code: _Templates(code) for code in LANGUAGES}

_current: list[str] = []  # process-wide choice; set_language replaces it


def language_from_locale(environ: Mapping[str, str] | None = None,
                         system: str | None = None) -> str:
    """The language the locale asks for (``nl_NL.UTF-8`` -> ``nl``), else English.

    The ``LANG``-style variables first; where none is set (Windows sets none, a Mac app
    started from the Dock neither) the system's setting: ``system`` when given, else, for
    the real environment, what :func:`oslayer.system_locale` reads (``nl-NL``, ``nl_NL``).
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if not value or value in ("C", "POSIX") or value.startswith("C."):
            continue
        return _code(value)
    if system is None and environ is None:
        from cybercase.core import oslayer

        system = oslayer.system_locale()
    return _code(system) if system else DEFAULT


def _code(value: str) -> str:
    code = value.split(":")[0].split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in CATALOGUES else DEFAULT


def get_language() -> str:
    if not _current:
        _current.append(language_from_locale())
    return _current[0]


def set_language(code: str) -> None:
    if code not in CATALOGUES:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(CATALOGUES)}")
    _current[:] = [code]


def _template(language: str, key: str, kw: Mapping[str, object]) -> str | None:
    table = CATALOGUES.get(language, {})
    if isinstance(table, _Templates):
        return table.pick(key, kw)
    return table.get(key)  # a plain dict put in by a test


def _render(language: str, key: str, kw: Mapping[str, object]) -> str:
    template = _template(language, key, kw) or _template(DEFAULT, key, kw)
    if template is None:
        return key
    if not kw:
        return template
    try:
        return template.format(**kw)
    except (KeyError, IndexError, ValueError):
        return template


def t(key: str, **kw: object) -> str:
    """The message ``key`` in the current language, with ``kw`` filled in.

    A value that is itself a :class:`Msg` is shown in the current language too.
    """
    return render(get_language(), key, **kw)


def render(language: str, key: str, **kw: object) -> str:
    """Like :func:`t` in a given language (a Dutch document whatever the app shows)."""
    return _render(language, key,
                   {k: safe(_in(v, language), multiline=True) for k, v in kw.items()})


class _Texts(Mapping[str, str]):
    """The templates under ``prefix.`` in one language, by the rest of their key."""

    def __init__(self, prefix: str, language: str) -> None:
        self.prefix = prefix + "."
        self.language = language

    def __getitem__(self, name: str) -> str:
        found = _template(self.language, self.prefix + name, {})
        if found is None:
            raise KeyError(name)
        return found

    def __iter__(self) -> Iterator[str]:
        return (key[len(self.prefix):] for key in CATALOGUES[self.language]
                if key.startswith(self.prefix))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def texts(prefix: str, language: str) -> Mapping[str, str]:
    """A document's texts in one language: ``texts("report", "nl")["title"]`` is the Dutch
    template of ``report.title``. Read when used, so importing the module loads nothing."""
    return _Texts(prefix, language)


def _in(value: object, language: str) -> str:
    return value.localized(language) if isinstance(value, Msg) else str(value)


class Msg(str):
    """A core message: the English text as a ``str``, plus its key and values.

    Everything that treats it as a string (the CLI, ``json``, ``==``) sees English.
    :func:`localize` renders it again in the current language. Values may be Msg too
    (a phase name inside a sentence); they follow the language of the outer message.
    """

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Msg:
        obj = super().__new__(cls, _render("en", key, params))
        obj.key = key
        obj.params = params
        return obj

    def localized(self, language: str | None = None) -> str:
        code = language or get_language()
        values = {k: _shown(v, code) for k, v in self.params.items()}
        return _render(code, self.key, values)

    def __reduce__(self) -> tuple[object, ...]:  # pickles as a plain string
        return (str, (str(self),))


class Pair(Msg):
    """An English and a Dutch text of the same thing (data, not the catalogue).

    ``str`` of it is the English, like every other Msg.
    """

    nl: str

    def __new__(cls, en: str, nl: str) -> Pair:
        obj = str.__new__(cls, en)
        obj.key = ""
        obj.params = {}
        obj.nl = nl
        return obj

    def localized(self, language: str | None = None) -> str:
        return self.nl if (language or get_language()) == "nl" else str(self)


def pair(en: str, nl: str) -> Msg:
    """``en`` for the CLI, ``nl`` when the app shows Dutch."""
    return Pair(en, nl)


def to_record(value: object) -> object:
    """A message as data to store (JSON-ready): ``{"key", "values"}`` for a :class:`Msg`,
    ``{"en", "nl"}`` for a :class:`Pair`, numbers as they are, anything else as text.
    Stored data keeps keys and values, never a translated sentence (see :func:`from_record`).
    """
    if isinstance(value, Pair):
        return {"en": str(value), "nl": value.nl}
    if isinstance(value, Msg) and value.key:
        return {"key": value.key,
                "values": {k: to_record(v) for k, v in value.params.items()}}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return str(value)


def from_record(stored: object) -> object:
    """What :func:`to_record` stored, as the Msg (or Pair, number, text) it was made from."""
    if isinstance(stored, dict):
        if isinstance(stored.get("key"), str):
            values = stored.get("values")
            params = ({str(k): from_record(v) for k, v in values.items()}
                      if isinstance(values, dict) else {})
            return msg(stored["key"], **params)
        if isinstance(stored.get("en"), str) and isinstance(stored.get("nl"), str):
            return pair(stored["en"], stored["nl"])
    if isinstance(stored, (int, float, str)):
        return stored
    return str(stored)


def _shown(value: object, language: str) -> object:
    """A message's value for the screen: numbers as they are (``{mp:.0f}``), text escaped."""
    if isinstance(value, Msg):
        return value.localized(language)
    if isinstance(value, (int, float)):
        return value
    return safe(value, multiline=True)


def msg(key: str, **params: object) -> Msg:
    """A core message by key (an entry of the catalogue), English unless localized."""
    return Msg(key, **params)


def localize(value: object) -> str:
    """``value`` for the screen: a :class:`Msg` in the current language, anything else as is.

    Lists of Msg joined by the core (``"; ".join(...)``) lose their keys; join after
    localizing instead.
    """
    if isinstance(value, Msg):
        return value.localized()
    return str(value)


__all__ = ["CATALOGUES", "LANGUAGES", "Msg", "Pair", "from_record", "get_language",
           "language_from_locale", "localize", "msg", "pair", "render", "set_language", "t",
           "texts", "to_record"]
