"""The chat-export reader never crashes on what a parent's phone (or an attacker) sends:
generated texts with header-like lines, and damaged export ZIPs (hypothesis)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cybercase.evidence.chat import dates, importer
from cybercase.evidence.chat.parse import parse
from cybercase.evidence.store import Blob
from cybercase.vault import Vault

MARKS = st.sampled_from(["", "\u200e", "\u200f", "\ufeff", "\u202f", "\u00a0"])
NUMBER = st.integers(min_value=0, max_value=2100).map(str)
HEADER = st.builds(
    lambda m, a, sep, b, c, h, mi, s, ampm, ios, rest: (
        (f"{m}[{a}{sep}{b}{sep}{c}, {h}:{mi}{s}{ampm}] " if ios else
         f"{m}{a}{sep}{b}{sep}{c}, {h}:{mi}{s}{ampm} - ") + rest),
    MARKS, NUMBER, st.sampled_from(["/", ".", "-"]), NUMBER, NUMBER,
    st.integers(0, 99).map(str), st.integers(0, 99).map(lambda x: f"{x:02d}"),
    st.sampled_from(["", ":07", ":99"]), st.sampled_from(["", " AM", "\u202fp. m.", " PM"]),
    st.booleans(), st.text(max_size=40),
)
LINE = st.one_of(HEADER, st.text(max_size=60).map(lambda t: t.replace("\n", " ")))


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE, max_size=25), st.sampled_from(["\n", "\r\n"]))
def test_parsing_any_text_never_raises_and_loses_no_line(lines: list[str], end: str) -> None:
    text = end.join(lines)
    parsed = parse(text)
    assert [e.n for e in parsed.entries] == list(range(1, len(parsed.entries) + 1))
    kept = "\n".join(e.text for e in parsed.entries)
    if parsed.entries:
        first = parsed.entries[0].line
        for line in text.split("\n")[first:]:
            assert line.rstrip("\r") in kept or not line.strip() or any(
                line.rstrip("\r").endswith(e.text.split("\n")[0]) for e in parsed.entries)
    order = dates.infer(parsed)
    for choice in (order.order, "dmy", "mdy", "ymd", None):
        for entry in parsed.entries:
            local, utc, note = dates.stamps(entry, choice)
            assert (local is None) == (utc is None) and (local is not None or note)


def _export() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", "[13-01-2024, 18:47:25] Daan: hoi\r\n"
                                 "[13-01-2024, 18:48:00] Daan: \u200e<bijgevoegd: a.jpg>\r\n")
        zf.writestr("a.jpg", b"\xff\xd8\xff\xe0" + bytes(200))
    return buf.getvalue()


EXPORT = _export()


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(EXPORT) - 1), st.integers(0, 255)),
                min_size=1, max_size=6))
@example(flips=[(198, 0)])  # found in CI: a zeroed name length gives a member named ""
def test_a_damaged_export_zip_never_crashes_the_ingest_hook(
    vault: Vault, flips: list[tuple[int, int]],
) -> None:
    data = bytearray(EXPORT)
    for at, value in flips:
        data[at] = value
    blob = Blob(0, "0" * 64, len(data), new=True)
    with vault.transaction() as tx:
        plan = importer.prepare(tx, blob, "application/zip", "x.zip", bytes(data), None)
        if plan is not None:
            plan.close()
            assert plan.parsed is not None or plan.flags
