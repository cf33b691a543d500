"""The chat-export parser on other parsers' test samples, read in place from
``../shared/fixtures/whatsapp/`` (never copied into the project; skipped when absent):
message, notice and author counts and the first/last/min/max times of ``expected.json``,
by the parser and through a real ingest into a vault."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cybercase.cases.cases import create_case
from cybercase.evidence.chat import dates, list_messages, set_date_order
from cybercase.evidence.chat.parse import decode, looks_like_chat, parse
from cybercase.evidence.ingest import ingest
from cybercase.vault import Vault


def _fixtures() -> Path | None:
    """``shared/fixtures/whatsapp`` beside the checkout (works from any worktree)."""
    for parent in Path(__file__).resolve().parents:
        folder = parent / "shared" / "fixtures" / "whatsapp"
        if (folder / "expected.json").is_file():
            return folder
    return None


FOLDER = _fixtures()
EXPECTED: dict[str, dict[str, Any]] = (
    {k: v for k, v in json.loads((FOLDER / "expected.json").read_text("utf-8")).items()
     if not k.startswith("_")} if FOLDER else {})
pytestmark = pytest.mark.skipif(FOLDER is None, reason="../shared/fixtures/whatsapp absent")


def _naive(iso: str | None) -> str | None:
    return iso[:19] if iso else None  # local wall-clock time without the offset


def _counts(entries: list[tuple[str | None, bool, str | None]]) -> dict[str, Any]:
    """(sender, system, local time) per entry -> the figures expected.json holds."""
    messages = [(s, t) for s, system, t in entries if not system]
    times = [t for _s, t in messages]
    known = [t for t in times if t]
    return {
        "messages": len(messages), "system": len(entries) - len(messages),
        "authors": sorted({s for s, _t in messages if s is not None}),
        "first": times[0] if times else None, "last": times[-1] if times else None,
        "min": min(known) if known else None, "max": max(known) if known else None,
    }


def _want(expected: dict[str, Any]) -> dict[str, Any]:
    return {k: expected[k] for k in ("messages", "system", "authors", "first", "last",
                                     "min", "max")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_parser_counts_like_the_reference(name: str) -> None:
    assert FOLDER is not None
    expected = EXPECTED[name]
    text, replaced = decode((FOLDER / name).read_bytes())
    assert looks_like_chat(text) and not replaced
    parsed = parse(text)
    order = dates.infer(parsed)
    if order.order is None:
        # every day is 12 or lower: flagged, never guessed; the reference's order fits
        assert order.basis == "ambiguous"
        assert dates.fits(parsed, expected["date_order"])
        assert all(dates.local_time(e, None) == (None, "date-order") for e in parsed.entries)
        order = dates.Order(expected["date_order"], "chosen")
    else:
        assert order.order == expected["date_order"], order
    got = []
    for entry in parsed.entries:
        moment, _note = dates.local_time(entry, order.order)
        got.append((entry.sender, entry.system, moment.strftime("%Y-%m-%dT%H:%M:%S")
                    if moment else None))
    assert _counts(got) == _want(expected)


def test_every_sample_through_a_real_ingest(vault: Vault) -> None:
    assert FOLDER is not None
    ref = create_case(vault, "WhatsApp samples").ref
    results = ingest(vault, ref, [str(FOLDER / name) for name in sorted(EXPECTED)])
    assert {r.status for r in results} == {"stored"}, [r.to_json() for r in results]
    ambiguous = []
    for result in results:
        name = Path(result.path).name
        expected = EXPECTED[name]
        assert result.chat is not None and result.id is not None, name
        assert result.chat["messages"] == expected["messages"], name
        if result.chat["ambiguous"]:
            ambiguous.append(name)
            summary, messages = list_messages(vault, result.id)
            assert all(m.time is None for m in messages)
            set_date_order(vault, result.id, expected["date_order"])
        summary, messages = list_messages(vault, result.id)
        assert summary.date_order == expected["date_order"], name
        got = _counts([(m.sender, m.system, _naive(m.time)) for m in messages])
        assert got == _want(expected), name
        assert summary.participants == len(expected["authors"])
        assert [m.n for m in messages] == list(range(1, len(messages) + 1))
    assert ambiguous == ["ext__whatsjson__android_en_group_system.txt"]
