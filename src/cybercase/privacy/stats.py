"""Yearly figures without names: ``cybercase stats --year YYYY``.

Counts the cases opened in a year (by the Amsterdam date they were opened) that the user
may see, along :data:`DIMENSIONS`: a registry ``name -> function(vault) -> iterable of
(case_id, value)``. A case with several values in a dimension (e.g. two platforms) is
counted once under each; a case with none is counted under "(none recorded)". Later
modules add their dimensions (offence types of police reports, platforms of accounts).

Values are categories, never names: free text such as a case's outcome is not counted
(it could name a child); ``outcome`` counts open/closed and the support group's result.

Small counts are suppressed so no child can be recognised (rule, per dimension):

1. primary: a count of 1 to 4 is shown as "<5";
2. complementary: the total minus the shown cells gives the sum of the hidden ones; while
   that sum (with "<5" meaning 1-4 and "x" meaning 5 or more) would still pin one hidden
   cell to a single value, the smallest shown cell is hidden as well (shown as "x");
   if even hiding every cell pins one (two cells of 4 and a total of 8), the dimension
   becomes one row, "(all values suppressed)";
3. the total number of cases is shown as "<5" when under 5 (then every cell is hidden).

The rule holds per dimension; combining two dimensions is not guarded against (a yearly
school report shows each on its own).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from cybercase.cases import access
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.timeutil import AMSTERDAM, from_iso
from cybercase.vault import Vault

THRESHOLD = 5
SMALL = "<5"
HIDDEN = "x"
NONE = msg("privacy.stats.none")
ALL_HIDDEN = msg("privacy.stats.all_hidden")
RULE = msg("privacy.stats.rule")
STILL_OPEN = msg("privacy.stats.still_open")

Dimension = Callable[[Vault], Iterable[tuple[int, str]]]


def _phase_reached(vault: Vault) -> Iterable[tuple[int, str]]:
    for case_id, phase in vault.conn.execute(
        "SELECT c.id, max(c.phase, coalesce((SELECT max(p.to_phase) FROM phase_changes p"
        " WHERE p.case_id = c.id), 0)) FROM cases c"
    ):
        yield case_id, msg("privacy.stats.phase", phase=phase)


def _stated(vault: Vault, key: str) -> Iterable[tuple[int, str]]:
    for case_id, stated in vault.conn.execute("SELECT case_id, stated FROM evidence_items"):
        value = json.loads(stated).get(key)
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, str) and one.strip():
                yield case_id, " ".join(one.split()).lower()


def _platform(vault: Vault) -> Iterable[tuple[int, str]]:
    yield from _stated(vault, "platform")


def _offence(vault: Vault) -> Iterable[tuple[int, str]]:
    yield from _stated(vault, "offence_tags")


def _column(sql: str) -> Dimension:
    def dimension(vault: Vault) -> Iterable[tuple[int, str]]:
        for case_id, value in vault.conn.execute(sql):
            if value is not None and str(value).strip():
                yield case_id, str(value).strip()
    return dimension


def _outcome(vault: Vault) -> Iterable[tuple[int, str]]:
    for case_id, status, sg in vault.conn.execute("SELECT id, status, sg_status FROM cases"):
        if status == "open":
            yield case_id, msg("privacy.stats.open")
        elif sg == "not_bullying":
            yield case_id, msg("privacy.stats.closed_not_bullying")
        elif sg == "ended":
            yield case_id, msg("privacy.stats.closed_sg_ended")
        else:
            yield case_id, msg("privacy.stats.closed")


BUCKETS = ((7, msg("privacy.stats.week")), (28, msg("privacy.stats.weeks")),
           (91, msg("privacy.stats.months_1_3")), (182, msg("privacy.stats.months_3_6")),
           (None, msg("privacy.stats.months_over_6")))


def _resolution(vault: Vault) -> Iterable[tuple[int, str]]:
    for case_id, opened, closed in vault.conn.execute(
        "SELECT id, created_at, closed_at FROM cases"
    ):
        if not closed:
            yield case_id, STILL_OPEN
            continue
        days = (from_iso(closed) - from_iso(opened)).days
        yield case_id, next(label for limit, label in BUCKETS if limit is None or days < limit)


DIMENSIONS: dict[str, Dimension] = {
    "phase_reached": _phase_reached,
    "platform": _platform,
    "offence": _offence,
    "group": _column("SELECT id, group_name FROM cases"),
    "reported_via": _column("SELECT id, channel FROM cases"),
    "triage": _column("SELECT id, triage FROM cases"),
    "outcome": _outcome,
    "time_to_resolution": _resolution,
    # the cyber work (issue 5)
    "police_offence": _column("SELECT case_id, offence FROM police_reports"),
    "account_platform": _column("SELECT case_id, lower(trim(platform)) FROM accounts"),
}

_ORDER: dict[str, int] = {label: n for n, (_limit, label) in enumerate(BUCKETS)}


def _pinned(cells: dict[str, int], small: set[str], extra: set[str]) -> bool:
    """Could one hidden count be worked out from the hidden cells' sum?

    The sum is known (total minus the shown cells). A reader knows a "<5" cell lies in
    1..4 and an "x" cell is 5 or more; a cell is pinned when those bounds and the sum
    leave it a single possible value.
    """
    shut = small | extra
    if not shut:
        return False
    if len(shut) == 1:
        return True
    total = sum(cells[v] for v in shut)
    low = {v: 1 if v in small else THRESHOLD for v in shut}
    high = {v: float(THRESHOLD - 1) if v in small else float("inf") for v in shut}
    for v in shut:
        others_low = sum(low[u] for u in shut if u != v)
        others_high = sum(high[u] for u in shut if u != v)
        if min(high[v], total - others_low) <= max(low[v], total - others_high):
            return True
    return False


def suppress(cells: dict[str, int]) -> dict[str, int | str]:
    """Apply the rule in the module docstring to one dimension's counts.

    When even hiding every cell leaves a count pinned (e.g. two cells of 4 with a shown
    total of 8), the dimension is reduced to one row: which values occurred is hidden too.
    """
    small = {v for v, n in cells.items() if 0 < n < THRESHOLD}
    extra: set[str] = set()
    while _pinned(cells, small, extra):
        rest = sorted((n, v) for v, n in cells.items() if v not in small | extra)
        if not rest:
            return {ALL_HIDDEN: HIDDEN}
        extra.add(rest[0][1])
    return {v: SMALL if v in small else HIDDEN if v in extra else n for v, n in cells.items()}


def _key(value: str) -> tuple[int, Any]:
    if value in (NONE, ALL_HIDDEN):
        return (3, value)
    if value in _ORDER:
        return (1, _ORDER[value])
    if value == STILL_OPEN:
        return (2, value)
    return (0, value)


def parse_year(value: str | int) -> int:
    text = str(value).strip()
    if not (text.isdigit() and len(text) == 4):
        raise UsageError(msg("privacy.stats.year", value=str(value)))
    return int(text)


def stats(vault: Vault, year: str | int) -> dict[str, Any]:
    vault.require("stats.read")
    year = parse_year(year)
    visible = access.visible_case_ids(vault)
    scope = {
        # a case voided as made by mistake does not count (cybercase.cases.lifecycle)
        case_id for case_id, created in vault.conn.execute(
            "SELECT id, created_at FROM cases WHERE voided_at IS NULL")
        if case_id in visible and from_iso(created).astimezone(AMSTERDAM).year == year
    }
    total = len(scope)
    dims: dict[str, list[dict[str, Any]]] = {}
    for name, fn in DIMENSIONS.items():
        values: dict[int, set[str]] = {}
        for case_id, value in fn(vault):
            if case_id in scope:
                values.setdefault(case_id, set()).add(value)
        counts: Counter[str] = Counter()
        for case_id in scope:
            for value in values.get(case_id) or {NONE}:
                counts[value] += 1
        shown = suppress(dict(counts)) if total >= THRESHOLD else {v: SMALL for v in counts}
        dims[name] = [{"value": v, "count": shown[v]} for v in sorted(shown, key=_key)]
    return {"year": year, "threshold": THRESHOLD,
            "cases": total if total >= THRESHOLD or total == 0 else SMALL,
            "dimensions": dims, "rule": RULE}
