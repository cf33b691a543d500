"""privacy.access.restricted_to_ref: who a case (named by its reference) is restricted to,
for the app's privacy screen and the "lift the restriction" dialog (no SQL in the app)."""

from __future__ import annotations

from cybercase.cases import access
from cybercase.cases.cases import create_case
from cybercase.vault import Vault


def test_restricted_to_ref_names_the_users_of_a_restricted_case(vault: Vault) -> None:
    vault.add_user("bob", "coordinator", "bob's own long passphrase")
    ref = create_case(vault, "About another child").ref
    other = create_case(vault, "Not restricted").ref
    assert access.restricted_to_ref(vault, ref) == []
    access.restrict(vault, ref, ["bob", "anna"])
    assert access.restricted_to_ref(vault, ref) == ["anna", "bob"]
    assert access.restricted_to_ref(vault, other) == []
    assert access.restricted_to_ref(vault, "2099-999") == []  # no such case
    access.unrestrict(vault, ref)
    assert access.restricted_to_ref(vault, ref) == []
