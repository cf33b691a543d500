"""The dashboard search finds online accounts (handle, e-mail, phone, platform), only in
the cases the user may see and only for roles that may read accounts."""

from __future__ import annotations

from cybercase.cases import access
from cybercase.cases.cases import create_case
from cybercase.cyber.accounts import add_account
from cybercase.vault import Vault
from cybercase.views.search import SOURCES, search
from tests.conftest import PASSPHRASE


def test_accounts_are_found_by_handle_email_phone_and_platform(vault: Vault) -> None:
    case = create_case(vault, "Fake profile")
    acc = add_account(vault, case.ref, "instagram", "@Fake_7b", email="fake7b@example.org",
                      phone="06-12345678")
    add_account(vault, case.ref, "tiktok", "someone_else")

    def found(text: str) -> list[tuple[str, str, str]]:
        return [(h.case_ref, h.object, h.label) for h in search(vault, text)
                if h.kind == "account"]

    expected = [(case.ref, f"account {acc.id}",
                 "@Fake_7b · instagram · fake7b@example.org · 06-12345678")]
    assert found("fake_7B") == expected  # any case, an underscore as text
    assert found("example.org") == expected
    assert found("12345678") == expected
    assert found("+316123") == expected  # the normalised number
    assert found("instag") == expected
    assert found("nothing like it") == []


def test_a_restricted_case_keeps_its_accounts_out_of_other_users_searches(
    vault: Vault,
) -> None:
    shared = create_case(vault, "Shared case")
    secret = create_case(vault, "Restricted case")
    add_account(vault, shared.ref, "snapchat", "anon_shared")
    add_account(vault, secret.ref, "snapchat", "anon_secret", email="anon@secret.example")
    vault.add_user("bram", "coordinator", PASSPHRASE)
    vault.add_user("ict1", "ict", PASSPHRASE)
    access.restrict(vault, secret.ref, ["anna"])
    assert {h.case_ref for h in search(vault, "anon_") if h.kind == "account"} == {
        shared.ref, secret.ref}
    for user in ("bram", "ict1"):
        other = Vault.open(vault.path, user, PASSPHRASE)
        try:
            hits = search(other, "anon")
            assert [(h.kind, h.case_ref) for h in hits] == [("account", shared.ref)], user
            assert search(other, "secret.example") == []
        finally:
            other.close()


def test_the_account_source_needs_the_accounts_permission() -> None:
    (source,) = [s for s in SOURCES if s.kind == "account"]
    assert source.permission == "accounts.read"  # search() skips it for other roles
