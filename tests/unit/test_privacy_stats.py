"""The suppression rule of the yearly figures, on its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cybercase.privacy.stats import ALL_HIDDEN, HIDDEN, SMALL, suppress


def test_examples() -> None:
    assert suppress({"a": 3, "b": 4, "c": 9}) == {"a": SMALL, "b": SMALL, "c": 9}
    assert suppress({"a": 5, "b": 7}) == {"a": 5, "b": 7}
    # one small cell: its neighbour goes too, and then one more (1 + 5 = 6 pins the 1)
    assert suppress({"a": 6, "b": 5, "c": 1, "d": 9}) == {
        "a": HIDDEN, "b": HIDDEN, "c": SMALL, "d": 9}
    assert suppress({"a": 10, "b": 2, "c": 2}) == {"a": 10, "b": SMALL, "c": SMALL}
    assert suppress({"a": 10, "b": 1, "c": 1}) == {"a": HIDDEN, "b": SMALL, "c": SMALL}
    assert suppress({"a": 1, "b": 1, "c": 1, "d": 1, "e": 1}) == {ALL_HIDDEN: HIDDEN}
    assert suppress({"a": 4, "b": 4}) == {ALL_HIDDEN: HIDDEN}  # 8 = 4 + 4


def possible(shown: dict[str, int | str], hidden_sum: int, cell: str) -> set[int]:
    """Every value ``cell`` can have, given what is shown and the hidden cells' sum."""
    def values(v: str) -> range:
        return range(1, 5) if shown[v] == SMALL else range(5, hidden_sum + 1)

    sums = {0}  # what the other hidden cells can add up to
    for other in (v for v, n in shown.items() if n in (SMALL, HIDDEN) and v != cell):
        sums = {a + x for a in sums for x in values(other) if a + x <= hidden_sum}
    return {x for x in values(cell) if hidden_sum - x in sums}


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from("abcde"), st.integers(1, 14), min_size=1))
def test_no_hidden_count_can_be_worked_out(cells: dict[str, int]) -> None:
    shown = suppress(cells)
    if shown == {ALL_HIDDEN: HIDDEN}:
        return
    assert shown.keys() == cells.keys()
    for value, n in cells.items():
        assert shown[value] == (SMALL if n < 5 else shown[value])
        assert shown[value] in (n, SMALL, HIDDEN)
    hidden_sum = sum(n for v, n in cells.items() if shown[v] in (SMALL, HIDDEN))
    for value in cells:
        if shown[value] in (SMALL, HIDDEN):
            assert len(possible(shown, hidden_sum, value)) >= 2, (cells, shown, value)
