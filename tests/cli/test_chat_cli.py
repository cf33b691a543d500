"""`cybercase ingest` -> `cybercase messages` in-process (click's CliRunner) on a real vault:
JSON shape, the ambiguity warning and its resolution, terminal-safe text, roles,
need-to-know and the audit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from cybercase.cli import main
from tests.conftest import PASSPHRASE, USER

ANDROID = (
    "20-11-2026 14:30 - Berichten en oproepen zijn end-to-end versleuteld.\n"
    "20-11-2026 14:32 - Daan: jij stinkt\necht waar\n"
    "21-11-2026 08:01 - ~\u202fSem: <Media weggelaten>\n"
    "21-11-2026 08:02 - Evil\x1b[2J: \x1b]52;c;aGFjaw==\x07gotcha\n"
)
AMBIGUOUS = (
    "01/02/2026, 10:00 - Daan: eerste\n"
    "03/04/2026, 11:00 - Sem: tweede\n"
)


class Runner:
    def __init__(self, vault_dir: Path) -> None:
        self.runner = CliRunner()
        self.env = {"CYBERCASE_VAULT": str(vault_dir), "CYBERCASE_USER": USER,
                    "CYBERCASE_PASSPHRASE": PASSPHRASE, "CYBERCASE_NEW_PASSPHRASE": PASSPHRASE}

    def __call__(self, *args: str, user: str | None = None) -> tuple[int, str, str]:
        env = {**self.env, **({"CYBERCASE_USER": user} if user else {})}
        result = self.runner.invoke(main, list(args), env=env, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr

    def ok(self, *args: str, user: str | None = None) -> tuple[str, str]:
        code, out, err = self(*args, user=user)
        assert code == 0, (args, code, err)
        return out, err

    def json(self, *args: str, user: str | None = None) -> Any:
        return json.loads(self.ok(*args, "--json", user=user)[0])


@pytest.fixture
def cli(vault_dir: Path) -> Runner:
    run = Runner(vault_dir)
    run.ok("init", "--user", USER, "--school", "OBS De Pirouette")
    return run


def test_ingest_then_messages_json(cli: Runner, tmp_path: Path) -> None:
    ref = cli.json("case", "new", "--title", "WhatsApp 7b")["ref"]
    path = tmp_path / "WhatsApp-chat met Groep 7B.txt"
    path.write_text(ANDROID, encoding="utf-8")
    [doc] = cli.json("ingest", ref, str(path))
    assert doc["status"] == "stored" and doc["chat"]["messages"] == 3
    assert doc["chat"]["participants"] == 3 and doc["chat"]["date_order"] == "dmy"
    messages = cli.json("messages", str(doc["id"]))
    assert [set(m) >= {"n", "sender", "shown_time", "time", "text", "system", "media"}
            for m in messages] == [True] * 4
    assert messages[0]["system"] is True and messages[0]["sender"] is None
    assert messages[1] == {**messages[1], "n": 2, "sender": "Daan",
                           "shown_time": "20-11-2026 14:32",
                           "time": "2026-11-20T14:32:00+01:00", "text": "jij stinkt\necht waar",
                           "system": False, "media": None}
    assert messages[2]["sender"] == "~\u202fSem" and messages[2]["media"] == "<Media weggelaten>"
    # text output: escape sequences in names and texts are shown, never sent to the terminal
    out, _err = cli.ok("messages", str(doc["id"]))
    assert "\x1b" not in out and "\x07" not in out
    assert "Evil\\x1b[2J: \\x1b]52;c;aGFjaw==\\x07gotcha" in out
    assert "jij stinkt\n        echt waar" in out
    shown, _err = cli.ok("evidence", "show", str(doc["id"]))
    assert "chat:      3 messages, 3 participants, date order dmy (cybercase messages" in shown
    # the read is audited, like viewing an item
    audit = cli.json("audit", ref)
    assert any(e["action"] == "evidence.messages" for e in audit), audit
    # an item that is no chat export: one line, exit 2
    note = tmp_path / "note.txt"
    note.write_text("just a note\n")
    [plain] = cli.json("ingest", ref, str(note))
    code, _out, err = cli("messages", str(plain["id"]))
    assert code == 2 and err.count("\n") == 1 and "is not a chat export" in err


def test_ambiguous_dates_warn_and_a_chosen_order_resolves_them(cli: Runner,
                                                               tmp_path: Path) -> None:
    ref = cli.json("case", "new", "--title", "WhatsApp 7b")["ref"]
    path = tmp_path / "chat.txt"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    code, out, err = cli("ingest", ref, str(path), "--json")
    assert code == 0
    [doc] = json.loads(out)
    item = str(doc["id"])
    assert doc["chat"]["ambiguous"] is True and doc["chat"]["date_order"] is None
    assert "every day in this chat export is 12 or lower" in err
    assert f"cybercase messages {item} --date-order dmy|mdy" in err
    code, out, err = cli("messages", item, "--json")
    assert code == 0 and "12 or lower" in err
    assert [m["time"] for m in json.loads(out)] == [None, None]
    assert [m["shown_time"] for m in json.loads(out)] == ["01/02/2026, 10:00",
                                                          "03/04/2026, 11:00"]
    # a viewer may read but not choose
    cli.ok("user", "add", "dir", "--role", "viewer")
    code, _out, err = cli("messages", item, "--date-order", "dmy", user="dir")
    assert code == 5, err
    resolved = cli.json("messages", item, "--date-order", "dmy")
    assert [m["time"] for m in resolved] == ["2026-02-01T10:00:00+01:00",
                                             "2026-04-03T11:00:00+02:00"]
    code, _out, err = cli("messages", item, "--json")
    assert code == 0 and err == ""
    assert cli.json("messages", item, user="dir")[0]["time"] == "2026-02-01T10:00:00+01:00"
    audit = [e["action"] for e in cli.json("audit", ref)]
    assert "evidence.chat_date_order" in audit
    # an order the dates prove wrong is refused
    proven = tmp_path / "proven.txt"
    proven.write_text("25/02/2026, 10:00 - Daan: a\n", encoding="utf-8")
    [doc2] = cli.json("ingest", ref, str(proven))
    code, _out, err = cli("messages", str(doc2["id"]), "--date-order", "mdy")
    assert code == 2 and "show the order is dmy" in err


def test_ingest_date_order_option(cli: Runner, tmp_path: Path) -> None:
    ref = cli.json("case", "new", "--title", "WhatsApp 7b")["ref"]
    path = tmp_path / "chat.txt"
    path.write_text(AMBIGUOUS, encoding="utf-8")
    code, out, err = cli("ingest", ref, str(path), "--date-order", "mdy", "--json")
    assert code == 0 and "12 or lower" not in err
    [doc] = json.loads(out)
    assert doc["chat"]["date_order"] == "mdy" and doc["chat"]["date_order_basis"] == "chosen"
    times = [m["time"] for m in cli.json("messages", str(doc["id"]))]
    assert times == ["2026-01-02T10:00:00+01:00", "2026-03-04T11:00:00+01:00"]
    code, _out, err = cli("ingest", ref, str(path), "--date-order", "ymd")
    assert code == 2


def test_need_to_know_applies_to_messages(cli: Runner, tmp_path: Path) -> None:
    cli.ok("user", "add", "bert", "--role", "coordinator")
    ref = cli.json("case", "new", "--title", "WhatsApp 7b")["ref"]
    path = tmp_path / "chat.txt"
    path.write_text(ANDROID, encoding="utf-8")
    [doc] = cli.json("ingest", ref, str(path))
    cli.ok("case", "restrict", ref, "--users", USER)
    code, out, err = cli("messages", str(doc["id"]), "--json", user="bert")
    assert code == 5 and "stinkt" not in out + err
