"""Whom a document masks: the people of its cases, their accounts and the chat senders,
as :class:`cybercase.privacy.masking.Subject` records with neutral labels.

Every other pupil becomes "leerling A", "leerling B", ... (the same letter for the same
child across cases: same name and date of birth), their parents "ouder van leerling B",
other parents "ouder 1", every account handle, e-mail and phone number the case knows
"account 1" (also when it is attributed to a child: who is behind an account is that
child's data), and a chat sender the
case does not know "deelnemer 1". Staff keep their names (they act in their role), and so
do the people the document keeps readable (``keep``) and their parents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cybercase.cases.people import Person
from cybercase.privacy.aliases import aliases_of
from cybercase.privacy.masking import (
    Masker,
    Subject,
    letter,
    name_parts,
    norm_name,
    phone_forms,
)
from cybercase.vault import Vault
from cybercase.vault.db import named


@dataclass(frozen=True)
class Labels:
    """The neutral labels, with ``{letter}`` or ``{n}``."""

    pupil: str  # "leerling {letter}"
    parent_of: str  # "ouder van leerling {letter}"
    parent: str  # "ouder {n}"
    account: str  # "account {n}"
    sender: str  # "deelnemer {n}"
    ambiguous: str  # "leerling ?"
    url_id: str = "[id]"


def _people(vault: Vault, case_ids: list[int]) -> list[Person]:
    marks = ",".join("?" * len(case_ids))
    return [Person(**r) for r in named(vault.conn.execute(
        'SELECT id, case_id, kind, name, role, sg_role, group_name AS "group", born FROM people'
        f" WHERE case_id IN ({marks}) ORDER BY id", case_ids))]


def _links(vault: Vault, case_ids: list[int]) -> list[tuple[int, int]]:
    marks = ",".join("?" * len(case_ids))
    return [(r[0], r[1]) for r in vault.conn.execute(
        "SELECT l.parent_id, l.pupil_id FROM person_links l JOIN people p ON p.id = l.pupil_id"
        f" WHERE p.case_id IN ({marks})", case_ids)]


def _accounts(vault: Vault, marks: str, case_ids: list[int]
              ) -> list[tuple[list[str], list[str], int | None, str | None]]:
    """(handles and display names, phones, attributed person, status) per account."""
    out = []
    for handle, email, phone, display, person, status in vault.conn.execute(
        "SELECT a.handle, a.email, a.phone, a.display_name,"
        " (SELECT t.person_id FROM attributions t WHERE t.account_id = a.id"
        "  ORDER BY t.id DESC LIMIT 1),"
        " (SELECT t.status FROM attributions t WHERE t.account_id = a.id"
        "  ORDER BY t.id DESC LIMIT 1)"
        f" FROM accounts a WHERE a.case_id IN ({marks}) ORDER BY a.id", case_ids
    ).fetchall():
        out.append(([v for v in (handle, email, display) if v], [phone] if phone else [],
                    person if status != "refuted" else None, status))
    return out


def chat_senders(vault: Vault, case_ids: list[int]) -> list[str]:
    marks = ",".join("?" * len(case_ids))
    return [r[0] for r in vault.conn.execute(
        "SELECT DISTINCT m.sender FROM chat_messages m JOIN evidence_items e ON"
        f" e.id = m.item_id WHERE e.case_id IN ({marks}) AND m.sender IS NOT NULL"
        " ORDER BY m.sender", case_ids)]


@dataclass
class MaskSet:
    keep: list[str]  # names that stay readable
    subjects: list[Subject]
    labels: Labels
    by_person: dict[int, str]  # masked person id -> label

    def masker(self) -> Masker:
        return Masker(self.keep, self.subjects, self.labels.ambiguous, self.labels.url_id)


def mask_set(vault: Vault, case_ids: Iterable[int], keep_ids: set[int], labels: Labels,
             senders: bool = False,
             keep_account: Callable[[int | None, str | None], bool] | None = None) -> MaskSet:
    """The subjects of the cases ``case_ids``; the people ``keep_ids`` (and their
    parents, and staff) stay readable. ``keep_account(person, status)`` says whether an
    account attributed to a kept person stays readable (default: when the attribution is
    not refuted)."""
    ids = sorted(set(case_ids))
    marks = ",".join("?" * len(ids))
    people = _people(vault, ids)
    links = _links(vault, ids)
    kept_parents = {parent for parent, pupil in links if pupil in keep_ids}
    kept = {p.id for p in people if p.id in keep_ids or p.id in kept_parents
            or p.kind == "staff"}
    aliases = aliases_of(vault, [p.id for p in people])
    keep_names = [n for p in people if p.id in kept for n in (p.name, *aliases.get(p.id, []))]
    pupil_label: dict[tuple[str, str | None], str] = {}
    by_id: dict[int, str] = {}
    subjects: list[Subject] = []
    for p in people:
        if p.kind != "pupil" or p.id in kept:
            continue
        same = (norm_name(p.name), p.born)
        if same not in pupil_label:
            pupil_label[same] = labels.pupil.format(letter=letter(len(pupil_label)))
        by_id[p.id] = pupil_label[same]
    parent_n = 0
    for p in people:
        if p.kind != "parent" or p.id in kept:
            continue
        child = next((by_id[c] for par, c in links if par == p.id and c in by_id), None)
        if child is not None:
            by_id[p.id] = labels.parent_of.format(
                letter=child.rsplit(" ", 1)[-1], label=child)
        else:
            parent_n += 1
            by_id[p.id] = labels.parent.format(n=parent_n)
    # accounts: each gets one label for its handle, e-mail, display name and phone
    groups: list[tuple[list[str], list[str]]] = []
    for (stated,) in vault.conn.execute(
        f"SELECT stated FROM evidence_items WHERE case_id IN ({marks}) ORDER BY id", ids
    ).fetchall():
        groups += [([h], []) for h in json.loads(stated).get("accounts", [])]
    for (accounts,) in vault.conn.execute(
        f"SELECT accounts FROM minor_sexual_reports WHERE case_id IN ({marks}) ORDER BY id",
        ids
    ).fetchall():
        groups += [([h], []) for h in json.loads(accounts)]
    for handles, phones, person, status in _accounts(vault, marks, ids):
        if person in kept and (keep_account is None or keep_account(person, status)):
            continue
        # an account attributed to another child is "account n", not that child's label:
        # who is behind an account is that child's data
        groups.append((handles, phones))
    for p in people:
        if p.id in by_id:
            subjects.append(Subject(by_id[p.id], (p.name, *aliases.get(p.id, [])), (), (),
                                    p.id, p.kind))
    seen: dict[str, str] = {}  # handle or phone digits -> label
    count = 0
    for handles, phones in groups:
        keys = [norm_name(h).lstrip("@") for h in handles if h.strip()] + [
            phone_forms(p)[0] for p in phones if phone_forms(p)]
        if not keys:
            continue
        label = next((seen[k] for k in keys if k in seen), None)
        if label is None:
            count += 1
            label = labels.account.format(n=count)
        seen.update(dict.fromkeys(keys, label))
        subjects.append(Subject(label, (), tuple(handles), tuple(phones), None, "account"))
    phones_known = {f for s in subjects for p in s.phones for f in phone_forms(p)}
    if senders:
        known = {norm_name(n) for p in people for n in (p.name, *aliases.get(p.id, []))}
        known_parts = set().union(*(name_parts(n) for p in people
                                    for n in (p.name, *aliases.get(p.id, [])))) \
            if people else set()
        n = 0
        for sender in chat_senders(vault, ids):
            key = norm_name(sender)
            if re.fullmatch(r"[+\d\s().-]{6,}", sender):
                if not set(phone_forms(sender)) & phones_known:
                    n += 1
                    subjects.append(Subject(labels.sender.format(n=n), (), (), (sender,),
                                            None, "sender"))
                continue
            if (key in known or key.lstrip("@") in seen
                    or (name_parts(sender) and name_parts(sender) <= known_parts)):
                continue  # a known person or account: masked (or kept) as such
            n += 1
            subjects.append(Subject(labels.sender.format(n=n), (sender,), (), (), None,
                                    "sender"))
    return MaskSet(keep_names, subjects, labels, by_id)
