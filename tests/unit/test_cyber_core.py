"""Core rules of the cyber work (accounts, referrals, police, agreements) on a real vault."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click
import pytest

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person, get_person
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.core.timeutil import local_today
from cybercase.cyber import accounts, agreements, police, referrals, validate
from cybercase.documents import agreement_form
from cybercase.vault import Vault
from cybercase.vault.audit import head

CYBER_TABLES = (
    "accounts", "account_evidence", "attributions", "referrals", "referral_urls",
    "referral_evidence", "referral_accounts", "referral_events", "police_reports",
    "police_suspects", "police_accounts", "agreements", "agreement_points",
    "agreement_reviews",
)


def day(offset: int) -> str:
    return (local_today() + timedelta(days=offset)).isoformat()


# --- what people type ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "https://www.instagram.com/p/C0dEfGh/", "http://example.nl", "https://tiktok.com/@x?y=1",
    "https://93.184.216.34/a", "https://[2001:db8::1]/x", "https://bücher.example/pad",
])
def test_urls_accepted(text: str) -> None:
    assert validate.url(f"  {text} ") == text


@pytest.mark.parametrize("text", [
    "", "www.example.com", "example.com/x", "ftp://example.com/f", "https:///path",
    "https://nohost", "https://exa mple.com", "javascript:alert(1)", "https://-a.com/",
    "https://example.com:port/", "mailto:a@b.nl", "https://a..b.com/",
])
def test_urls_refused(text: str) -> None:
    with pytest.raises(UsageError, match="not a web address"):
        validate.url(text)


@pytest.mark.parametrize(("text", "norm"), [
    ("Sneaky.Fox@Example.COM", "sneaky.fox@example.com"),
    ("a+b@school.example.nl", "a+b@school.example.nl"),
])
def test_emails(text: str, norm: str) -> None:
    assert validate.email(text) == (text, norm)


@pytest.mark.parametrize("text", [
    "a@b", "a@@b.nl", "@b.nl", "a@", "a b@c.nl", "a..b@c.nl", ".a@c.nl", "a@c.n1",
    "a@1.2.3.4", "plain", "a@-c.nl",
])
def test_emails_refused(text: str) -> None:
    with pytest.raises(UsageError, match="not an e-mail address"):
        validate.email(text)


@pytest.mark.parametrize(("text", "norm"), [
    ("06-12345678", "+31612345678"), ("06 12 34 56 78", "+31612345678"),
    ("+31 6 12345678", "+31612345678"), ("+31 (0)6 1234 5678", "+31612345678"),
    ("0031612345678", "+31612345678"), ("(020) 123 4567", "+31201234567"),
    ("+44 20 7946 0958", "+442079460958"), ("+32 470 12 34 56", "+32470123456"),
    # issue #20: Dutch free and paid service numbers are numbers (phonenumbers' metadata)
    ("0800-1234", "+318001234"), ("0900 1234567", "+319001234567"),
    ("612345678", "+31612345678"),  # the national 0 left out: libphonenumber reads it
])
def test_phones_normalised(text: str, norm: str) -> None:
    assert validate.phone(text) == (text, norm)


@pytest.mark.parametrize("text", [
    "12345", "06-1234567", "06-123456789", "+31 6 1234567", "+1", "0612345678x", "+31+6",
    "", "++31612345678",
    "+999 1234 5678",  # issue #20: no country has the code 999
    "0800-12", "06-1234abcd",
])
def test_phones_refused(text: str) -> None:
    with pytest.raises(UsageError, match="not a phone number"):
        validate.phone(text)


def test_handles_compare_without_at_and_case() -> None:
    assert validate.handle(" @Sneaky.Fox ") == ("@Sneaky.Fox", "sneaky.fox")
    assert validate.handle("SNEAKY.FOX")[1] == validate.handle("@sneaky.fox")[1]
    for bad in ("@", "two words", ""):
        with pytest.raises(UsageError):
            validate.handle(bad)


# --- ages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("born", "on", "age"), [
    ("2013-10-15", "2025-10-15", 12),  # the 12th birthday itself
    ("2013-10-16", "2025-10-15", 11),  # the day before
    ("2013-10-14", "2025-10-15", 12),
    ("2012-02-29", "2024-02-28", 11),  # leap-day birthday
    ("2012-02-29", "2024-02-29", 12),
    ("2012-02-29", "2025-02-28", 12),  # 13th birthday on 1 March in a common year
    ("2012-02-29", "2025-03-01", 13),
])
def test_age_on_a_date(born: str, on: str, age: int) -> None:
    assert police.age_on(born, date.fromisoformat(on)) == age


def test_age_unknown_without_date_of_birth() -> None:
    assert police.age_on(None, date(2025, 1, 1)) is None


# --- the schema ---------------------------------------------------------------------------


def test_every_cyber_table_links_to_a_case(vault: Vault) -> None:
    """The purge walks foreign keys: each row must lead to cases(id)."""
    links: dict[str, set[str]] = {}
    for table in CYBER_TABLES:
        targets = {row[2] for row in vault.conn.execute(f"PRAGMA foreign_key_list({table})")}
        assert targets, table
        links[table] = targets

    def reaches_case(table: str, seen: frozenset[str] = frozenset()) -> bool:
        if table == "cases":
            return True
        targets = links.get(table) or {r[2] for r in vault.conn.execute(
            f"PRAGMA foreign_key_list({table})")}
        return any(reaches_case(t, seen | {table}) for t in targets if t not in seen)

    assert all(reaches_case(t) for t in CYBER_TABLES)
    informed = {r[1] for r in vault.conn.execute("PRAGMA table_info(informed)")}
    assert "what" in informed


# --- accounts -----------------------------------------------------------------------------


def test_attribution_history_is_append_only(vault: Vault) -> None:
    case = create_case(vault, "Fake account")
    tom = add_person(vault, case.ref, "Tom", "pupil")
    sam = add_person(vault, case.ref, "Sam", "pupil")
    acc = accounts.add_account(vault, case.ref, "TikTok", "@fake", fake=True)
    accounts.attribute(vault, acc.id, tom.id, "confirmed", "admission")
    _made, warnings = accounts.attribute(vault, acc.id, sam.id, "suspected", "pupil statement")
    assert warnings and "person" in warnings[0]
    got = accounts.get_account(vault, acc.id)
    assert [(a.person_id, a.status, a.basis) for a in got.attributions] == [
        (tom.id, "confirmed", "admission"), (sam.id, "suspected", "pupil_statement")]
    assert got.current is not None and got.current.person_id == sam.id
    with pytest.raises(Exception, match="append-only"), vault.transaction() as tx:
        tx.execute("UPDATE attributions SET status = 'refuted'")
    with pytest.raises(UsageError, match="needs a --note"):
        accounts.attribute(vault, acc.id, tom.id, "suspected", "other")
    assert [a.id for a in accounts.accounts_of_person(vault, sam.id)] == [acc.id]


def test_same_handle_twice_in_one_case_is_refused(vault: Vault) -> None:
    case = create_case(vault, "Dup")
    accounts.add_account(vault, case.ref, "Instagram", "@Fox")
    seq = head(vault.conn)[0]
    with pytest.raises(UsageError, match="already has account"):
        accounts.add_account(vault, case.ref, "instagram", "fox")
    assert head(vault.conn)[0] == seq
    # the same handle on another platform is another account
    accounts.add_account(vault, case.ref, "TikTok", "fox")


def test_roles_ict_traces_accounts_but_not_the_case(vault: Vault, vault_dir: Path) -> None:
    case = create_case(vault, "Roles")
    pupil = add_person(vault, case.ref, "Tom", "pupil")
    vault.add_user("ict", "ict", "another long passphrase")
    vault.add_user("dir", "viewer", "yet another long passphrase")
    ict = Vault.open(vault_dir, "ict", "another long passphrase")
    viewer = Vault.open(vault_dir, "dir", "yet another long passphrase")
    try:
        acc = accounts.add_account(ict, case.ref, "Snapchat", "snap_x")
        accounts.attribute(ict, acc.id, pupil.id, "suspected", "ict_trace")
        with pytest.raises(PermissionDenied):
            referrals.add_referral(ict, case.ref, "meldknop", ["https://example.com/a"])
        with pytest.raises(PermissionDenied):
            accounts.add_account(viewer, case.ref, "Snapchat", "snap_y")
        assert [a.id for a in accounts.list_accounts(viewer, case.ref)] == [acc.id]
    finally:
        ict.close()
        viewer.close()


# --- referrals ----------------------------------------------------------------------------


def test_referral_text_names_no_child_and_needs_an_explanation(vault: Vault) -> None:
    case = create_case(vault, "Photo")
    add_person(vault, case.ref, "Lisa de Vries", "pupil")
    made, warnings = referrals.add_referral(
        vault, case.ref, "platform", ["https://www.instagram.com/p/AbC/"],
        platform="Instagram")
    assert made.status == "draft" and "may vanish" in warnings[0]
    with pytest.raises(UsageError, match="no explanation"):
        referrals.request_text(vault, made.id)
    referrals.update_referral(vault, made.id, why="A humiliating photo of a pupil.")
    for lang in ("nl", "en"):
        text = referrals.request_text(vault, made.id, lang)
        assert "https://www.instagram.com/p/AbC/" in text and "Instagram" in text
        assert "Lisa" not in text and "Vries" not in text
    with pytest.raises(UsageError, match="not sent yet"):
        referrals.update_referral(vault, made.id, status="removed")
    sent, _ = referrals.update_referral(vault, made.id, sent_on=day(-2))
    assert sent.status == "sent" and sent.follow_up_on == day(5)
    quiet, warnings = referrals.update_referral(vault, made.id, status="no_answer")
    assert quiet.follow_up_open and "new --follow-up" in warnings[-1]
    with pytest.raises(UsageError, match="e-mail"):
        referrals.request_text(vault, made.id, "en", email="nope")


# --- police -------------------------------------------------------------------------------


def test_complaint_offence_who_can_file(vault: Vault) -> None:
    case = create_case(vault, "Smaad")
    young = add_person(vault, case.ref, "Lisa", "pupil", born="2014-05-01")
    unknown = add_person(vault, case.ref, "Noor", "pupil")
    on = date(2025, 6, 1)
    status = police.complaint_status("smaad", "aangifte", get_person(vault, young.id), on)
    assert status["complaint_offence"] and "parents" in status["who_can_file"]
    status = police.complaint_status("laster", "melding", get_person(vault, unknown.id), on)
    assert "under 16" in status["who_can_file"] and "not a complaint" in status["notes"][0]
    assert not police.complaint_status("stalking", "aangifte", None, on)["complaint_offence"]
    older = add_person(vault, case.ref, "Older sister", "pupil", born="2008-01-01")
    status = police.complaint_status("belediging", "aangifte", get_person(vault, older.id), on)
    assert "only the victim (17)" in status["who_can_file"]


def test_police_dates_and_appointment_checked(vault: Vault) -> None:
    case = create_case(vault, "Threats")
    with pytest.raises(UsageError, match="lies after"):
        police.add_report(vault, case.ref, "melding", "bedreiging", reported_on=day(-5),
                          offence_on=day(-1))
    with pytest.raises(UsageError, match="not a date"):
        police.add_report(vault, case.ref, "melding", "bedreiging", appointment="tomorrow")
    with pytest.raises(UsageError, match="offence-note"):
        police.add_report(vault, case.ref, "melding", "other")
    rep = police.add_report(vault, case.ref, "melding", "bedreiging",
                            appointment=f"{day(2)} 9:05")
    assert rep.appointment_on == f"{day(2)} 09:05"
    rep = police.update_report(vault, rep.id, reference="PL-1")
    assert rep.police_reference == "PL-1"


# --- agreements ---------------------------------------------------------------------------


def test_default_template_is_valid_and_bilingual() -> None:
    template = agreements.load_template()
    assert len(template.points) >= 5
    assert all(p.nl and p.en for p in template.points)
    keys = {p.key for p in template.points}
    assert {"weekly_check", "no_phone_at_night", "group_app_rules",
            "when_something_happens"} <= keys


def test_edited_template_and_its_errors(vault: Vault, tmp_path: Path) -> None:
    good = tmp_path / "ours.toml"
    good.write_text(agreements.default_text().replace(
        'title_nl = "Afspraken over het gebruik van de smartphone"',
        'title_nl = "Onze telefoonafspraken"'), encoding="utf-8")
    case = create_case(vault, "Template")
    pupil = add_person(vault, case.ref, "Sam", "pupil")
    agr = agreements.add_agreement(vault, case.ref, pupil.id, "vader", day(14),
                                   template_file=good)
    assert agr.title_nl == "Onze telefoonafspraken"
    with pytest.raises(UsageError, match="already has smartphone agreement"):
        agreements.add_agreement(vault, case.ref, pupil.id, "vader", day(14))
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nversion = "1"\ntitle_nl = "t"\ntitle_en = "t"\n'
                   '[[points]]\nkey = "a"\nen = "only English"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"bad.toml: point 1: nl"):
        agreements.load_template(bad)
    bad.write_text("id = [", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid TOML"):
        agreements.load_template(bad)


def test_agreement_status_rules(vault: Vault) -> None:
    case = create_case(vault, "Statuses")
    pupil = add_person(vault, case.ref, "Sam", "pupil")
    parent = add_person(vault, case.ref, "Vader", "parent")
    with pytest.raises(UsageError, match="not a pupil"):
        agreements.add_agreement(vault, case.ref, parent.id, "x", day(10))
    agr = agreements.add_agreement(vault, case.ref, pupil.id, "ouders", day(10))
    with pytest.raises(UsageError, match="only an agreed"):
        agreements.review(vault, agr.id, day(0), "too early")
    with pytest.raises(UsageError, match="agreed or ended"):
        agreements.set_status(vault, agr.id, "reviewed")
    agr = agreements.remove_point(vault, agr.id, 1)
    assert [p["n"] for p in agr.points] == list(range(1, len(agr.points) + 1))
    agreements.set_status(vault, agr.id, "agreed")
    ended = agreements.review(vault, agr.id, day(0), "All fine.", end=True)
    assert ended.status == "ended" and ended.to_json()["review_on"] is None
    with pytest.raises(UsageError, match="cannot become"):
        agreements.set_status(vault, agr.id, "agreed")


# --- no way to attach a file --------------------------------------------------------------


def test_no_cyber_command_reads_a_file() -> None:
    """Sexual images of minors must never be stored: no cyber command takes an input file
    (the only paths are the PDF to write and the agreement template, a TOML text)."""
    from cybercase.cli import cyber

    allowed = {("agreement pdf", "out"), ("agreement template", "out"), ("referral pdf", "out"),
               ("agreement add", "template_file")}
    found = set()
    for group in (cyber.account, cyber.referral, cyber.police, cyber.agreement):
        assert isinstance(group, click.Group)
        for name, command in group.commands.items():
            for param in command.params:
                if isinstance(param.type, click.Path | click.File):
                    found.add((f"{group.name} {name}", param.name))
    assert found == allowed


def test_audit_keeps_the_file_name_never_its_folder(vault: Vault, tmp_path: Path) -> None:
    """A folder can carry a child's name ("Sanne Jansen/afspraak.pdf"): the audit details
    of an agreement form and of an extracted original name the file only."""
    from cybercase.evidence.ingest import ingest
    from cybercase.evidence.items import extract
    from cybercase.evidence.stated import Stated
    from cybercase.vault.audit import entries

    case = create_case(vault, "Folder names")
    pupil = add_person(vault, case.ref, "Sanne", "pupil")
    agr = agreements.add_agreement(vault, case.ref, pupil.id, "ouders", day(10))
    folder = tmp_path / "Sanne Jansen 7b"
    folder.mkdir()
    agreement_form.write_pdf(vault, agr.id, folder / "afspraak.pdf")
    source = tmp_path / "note.txt"
    source.write_bytes(b"hello")
    item = ingest(vault, case.ref, [str(source)], Stated(), workers=1)[0]
    extract(vault, item.id, folder / "kopie.txt")
    logged = [e for e in entries(vault.conn)
              if e.action in {"agreement.pdf", "evidence.extract"}]
    assert [e.action for e in logged] == ["agreement.pdf", "evidence.extract"]
    for entry in logged:
        text = str(entry.details)
        assert "Jansen" not in text and str(tmp_path) not in text
    assert logged[0].details is not None and logged[0].details["file"] == "afspraak.pdf"
    assert logged[1].details is not None and logged[1].details["out"] == "kopie.txt"
