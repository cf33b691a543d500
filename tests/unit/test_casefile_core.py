"""Core rules of the case file, on a real vault."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from pathlib import Path

import pytest

from cybercase.cases import supportgroup
from cybercase.cases.cases import create_case, get_case
from cybercase.cases.people import add_person
from cybercase.cases.phases import change_phase, history
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.core.timeutil import local_today
from cybercase.privacy.notes import school_note
from cybercase.vault import Vault
from cybercase.vault.audit import head
from cybercase.views import agenda
from cybercase.views.timeline import timeline


def day(offset: int) -> str:
    return (local_today() + timedelta(days=offset)).isoformat()


def test_phase_history_and_reasons(vault: Vault) -> None:
    case = create_case(vault, "Snapchat", phase=3, reason="threats")
    assert [(h.from_phase, h.to_phase, h.reason) for h in history(vault, case)] == [
        (None, 3, "threats")]
    seq = head(vault.conn)[0]
    with pytest.raises(UsageError, match="already in phase 3"):
        change_phase(vault, case.ref, 3, "x")
    with pytest.raises(UsageError, match="needs a reason"):
        change_phase(vault, case.ref, 1, None)
    with pytest.raises(UsageError, match="phases 1 to 6"):
        change_phase(vault, case.ref, 7, "x")
    assert head(vault.conn)[0] == seq
    change_phase(vault, case.ref, 1, "it was a one-off")
    assert get_case(vault, case.ref).phase == 1
    assert history(vault, case)[-1].from_phase == 3


def test_viewer_reads_but_cannot_change(vault: Vault, vault_dir: Path) -> None:
    case = create_case(vault, "Roblox")
    vault.add_user("dir", "viewer", "another long passphrase")
    viewer = Vault.open(vault_dir, "dir", "another long passphrase")
    try:
        assert history(viewer, get_case(viewer, case.ref))
        with pytest.raises(PermissionDenied):
            change_phase(viewer, case.ref, 2, "x")
        with pytest.raises(PermissionDenied):
            add_person(viewer, case.ref, "Ali", "pupil")
    finally:
        viewer.close()


def test_step_four_second_evaluation_is_the_last(vault: Vault) -> None:
    case = create_case(vault, "Group app")
    tom = add_person(vault, case.ref, "Tom", "pupil", role="bully").id
    with pytest.raises(UsageError, match="needs --decision"):
        supportgroup.record_meeting(vault, case.ref, "4", day(-1), participants=[tom])
    with pytest.raises(UsageError, match="in the future"):
        supportgroup.record_meeting(vault, case.ref, "2", day(1), participants=[tom])
    first = supportgroup.record_meeting(vault, case.ref, "4", day(-5), participants=[tom],
                                        decision="again")
    assert first.scheduled[0]["due"] == day(2)
    with pytest.raises(UsageError, match="last"):
        supportgroup.record_meeting(vault, case.ref, "4", day(-1), decision="again")
    supportgroup.record_meeting(vault, case.ref, "4", day(-1), decision="end")
    with pytest.raises(UsageError, match="has ended"):
        supportgroup.record_meeting(vault, case.ref, "2", day(0), participants=[tom])
    assert agenda.agenda(vault) == []


def test_agenda_is_a_list_of_providers(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> None:
    case = create_case(vault, "Referral")
    supportgroup.record_meeting(vault, case.ref, "2", day(-1))

    def referrals(v: Vault) -> Iterable[agenda.AgendaItem]:
        yield agenda.AgendaItem(local_today() - timedelta(days=9), case.ref, "referral",
                                "answer from meldknop", "referral 1")

    monkeypatch.setattr(agenda, "PROVIDERS", (*agenda.PROVIDERS, referrals))
    items = agenda.agenda(vault)
    assert [i.kind for i in items] == ["referral", "sg_evaluation"]


def test_timeline_uses_the_time_things_happened(vault: Vault) -> None:
    case = create_case(vault, "Timeline", reported_on=day(-20))
    supportgroup.record_meeting(vault, case.ref, "1", day(-2))
    supportgroup.record_meeting(vault, case.ref, "3", day(-9))  # entered later, held earlier
    change_phase(vault, case.ref, 2, "bullying")
    events = timeline(vault, case.ref)
    assert [e.kind for e in events][:3] == ["case.reported", "sg.meeting", "sg.meeting"]
    assert [e.when for e in events[1:3]] == [day(-9), day(-2)]
    assert events[1].entered_at > events[2].entered_at


def test_note_names_no_other_child_even_with_a_shared_surname(vault: Vault) -> None:
    case = create_case(vault, "Siblings")
    emma = add_person(vault, case.ref, "Emma Jansen", "pupil", role="bully").id
    add_person(vault, case.ref, "Sam Jansen", "pupil", role="bullied")
    add_person(vault, case.ref, "Daan Smit", "pupil", role="bystander", sg_role="outsider")
    supportgroup.record_meeting(vault, case.ref, "2", day(-1), actions=[
        (emma, "asks Sam Jansen and daan to play; tells SAM sorry")])
    note = school_note(vault, case.ref, emma)
    for text in (note["text_en"], note["text_nl"]):
        assert "Emma Jansen" in text
        for name in ("sam", "daan", "smit"):
            assert not re.search(rf"\b{name}\b", text, re.IGNORECASE), (name, text)
        assert "outsider" not in text and "bully" not in text.lower().replace("bullying", "")
    assert note["kind"] == "incident"


def test_stored_protocol_text_cannot_change(vault: Vault) -> None:
    create_case(vault, "Any")
    with pytest.raises(Exception, match="never changes"), vault.transaction() as tx:
        tx.execute("UPDATE protocols SET text = 'x'")
