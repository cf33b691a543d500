"""Yearly figures through the CLI: no names, small counts suppressed, restricted cases out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cybercase.cases.access import restrict
from cybercase.cases.cases import close_case, create_case
from cybercase.cases.people import add_person
from cybercase.cases.phases import change_phase
from cybercase.core.timeutil import local_today
from cybercase.cyber.accounts import add_account
from cybercase.evidence import Stated, ingest
from cybercase.vault import Vault

PASS = "another long passphrase"


def cells(data: dict[str, Any], name: str) -> dict[str, Any]:
    return {c["value"]: c["count"] for c in data["dimensions"][name]}


def test_stats_suppress_small_counts(vault: Vault, cli: Any, tmp_path: Path) -> None:
    channels = ["parent"] * 7 + ["pupil"] * 3 + ["letterbox"] * 2
    for n, channel in enumerate(channels):
        start = 1 if n < 6 else 2 if n < 11 else 3
        case = create_case(vault, f"Lisa Jansen {n}", group="7b", phase=start, channel=channel)
        add_person(vault, case.ref, f"Lisa Jansen{n}", "pupil", role="bullied")
        if start == 3:
            change_phase(vault, case.ref, 1, "it calmed down")
        shot = tmp_path / f"chat{n}.txt"
        shot.write_text(f"message {n}\n", encoding="utf-8")
        platform = ("WhatsApp" if n % 2 else " whatsapp ") if n < 6 else "TikTok"
        ingest(vault, case.ref, [str(shot)], Stated(platform=platform))
        if n < 6:
            add_account(vault, case.ref, "Instagram" if n % 2 else "instagram ", f"@acc{n}")
        if n < 5:
            close_case(vault, case.ref, f"Lisa Jansen {n} is fine now")
    hidden = create_case(vault, "restricted one", phase=6, channel="teacher")
    restrict(vault, hidden.ref, ["anna"])
    vault.add_user("dir", "viewer", PASS)
    vault.add_user("ict1", "ict", PASS)

    year = str(local_today().year)
    viewer = {"CYBERCASE_USER": "dir", "CYBERCASE_PASSPHRASE": PASS}
    data = cli.json("stats", "--year", year, env=viewer)
    assert data["cases"] == 12  # the restricted case is not the viewer's to count
    assert cells(data, "reported_via") == {"letterbox": "<5", "parent": 7, "pupil": "<5"}
    # phase 3 reached once: '<5'; 'phase 2' (5) would give it away (12 - 6 - 5 = 1), and
    # with 'phase 1' shown the two hidden ones add up to 6 (5 + 1): so all three hide
    assert cells(data, "phase_reached") == {"phase 1": "x", "phase 2": "x", "phase 3": "<5"}
    assert cells(data, "platform") == {"tiktok": 6, "whatsapp": 6}
    assert cells(data, "outcome") == {"closed": 5, "open": 7}
    assert cells(data, "time_to_resolution") == {"within 1 week": 5, "still open": 7}
    assert cells(data, "group") == {"7b": 12}
    assert cells(data, "triage") == {"(none recorded)": 12}
    assert cells(data, "account_platform") == {"instagram": 6, "(none recorded)": 6}
    assert cells(data, "police_offence") == {"(none recorded)": 12}
    everything = cli.ok("stats", "--year", year, env=viewer).out + str(data)
    assert "Lisa" not in everything and "Jansen" not in everything and "fine" not in everything
    for counts in data["dimensions"].values():
        for c in counts:
            assert c["count"] in ("<5", "x") or c["count"] >= 5

    mine = cli.json("stats", "--year", year)  # anna is named on the restricted case
    assert mine["cases"] == 13 and cells(mine, "reported_via")["teacher"] == "<5"
    assert cli.json("stats", "--year", year, env={**viewer, "CYBERCASE_USER": "ict1"})
    assert cli.json("stats", "--year", "2001") == {
        "year": 2001, "threshold": 5, "cases": 0, "rule": data["rule"],
        "dimensions": {name: [] for name in data["dimensions"]}}
    bad = cli("stats", "--year", "26")
    assert bad.code == 2 and "not a year" in bad.err
