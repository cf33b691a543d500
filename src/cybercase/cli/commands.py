"""Every top-level command: the module that defines it and its one-line help.

An explicit list, read by :class:`LazyGroup`: ``cybercase --version`` and ``--help`` import
none of the command modules (nor Pillow, libmagic, fpdf2, SQLCipher or textual behind them);
a command's module is imported when that command runs. The help texts are the first
paragraph of each command's docstring (tests/cli/test_lazy_cli.py keeps them equal).
"""

from __future__ import annotations

import importlib
from gettext import gettext as _
from typing import Any

import click

# name -> ("module:attribute", the first paragraph of its help)
COMMANDS: dict[str, tuple[str, str]] = {
    "about": ("cybercase.cli.about:about",
        "Versions in use: cybercase, Python, system, SQLCipher, file type detector."),
    "account": ("cybercase.cli.cyber:account",
        "Online accounts seen in a case and who is behind them (ICT coordinator's tracing)."),
    "agenda": ("cybercase.cli.casefile:agenda",
        "Everything due across open cases, overdue first."),
    "agreement": ("cybercase.cli.agreements:agreement",
        "Parent smartphone agreements: points, review dates, outcomes, a form to sign."),
    "audit": ("cybercase.cli.vaultcmds:audit",
        "Who read or changed what, and when (optionally for one case or one user)."),
    "backup": ("cybercase.cli.vaultcmds:backup_cmd",
        "A consistent, still-encrypted copy of the vault, safe to take while it is in use."),
    "case": ("cybercase.cli.cases:case",
        "Case files."),
    "checklist": ("cybercase.cli.casefile:checklist",
        "The cyberbullying checklist of a case."),
    "correct": ("cybercase.cli.privacy:correct",
        "Correct a recorded fact; the old value stays in the history with who and why."),
    "demo": ("cybercase.cli.democmd:demo",
        "Open the full-screen app on a demo vault (invented cases; passphrase shown)."),
    "evidence": ("cybercase.cli.evidence:evidence_group",
        "Evidence items: list, show, extract, withdraw."),
    "export": ("cybercase.cli.export:export_cmd",
        "Write the police evidence bundle of case REF: a signed BagIt ZIP with a report."),
    "exports": ("cybercase.cli.export:exports_cmd",
        "The register of police bundles (of case REF): what to read out when the police call."),
    "informed": ("cybercase.cli.casefile:informed",
        "Who was told what, when and how."),
    "ingest": ("cybercase.cli.evidence:ingest_cmd",
        "Store files and folders as evidence in case REF (each file read once, hashed)."),
    "init": ("cybercase.cli.vaultcmds:init",
        "Create a new vault with its first user and a recovery key."),
    "keymsg": ("cybercase.cli.keymsg:keymsg",
        "Key messages (kernberichten) of chat exports, and who is behind a sender name."),
    "messages": ("cybercase.cli.chat:messages_cmd",
        "The messages of chat export ITEM_ID in file order (times in Europe/Amsterdam)."),
    "nickname": ("cybercase.cli.confront:nickname_cmd",
        "Other names a person goes by (nicknames, gamer tags), masked with the person."),
    "notes": ("cybercase.cli.casefile:notes",
        "The note to paste into the pupil system for one pupil (names no other child)."),
    "ocr": ("cybercase.cli.ocr:ocr_group",
        "Text read from images (OCR): the queue, running it, an item's text."),
    "person": ("cybercase.cli.casefile:person",
        "People in a case: pupils, parents/guardians, staff."),
    "police": ("cybercase.cli.police:police",
        "Police reports (aangifte) and notifications (melding)."),
    "print": ("cybercase.cli.confront:print_cmd",
        "Print chats and screenshots for the meeting with a pupil, other children masked."),
    "prints": ("cybercase.cli.confront:prints_cmd",
        "The masked prints of case REF: for which meeting, from which items, by whom."),
    "protocol": ("cybercase.cli.casefile:protocol",
        "The school's protocol template (phases, checklist, support-group steps)."),
    "recovery-key": ("cybercase.cli.vaultcmds:recovery_key",
        "Replace the recovery key (the old one stops working)."),
    "referral": ("cybercase.cli.cyber:referral",
        "Takedown referrals: Meldknop, Helpwanted/Offlimits, the platform, the police."),
    "rekey": ("cybercase.cli.vaultcmds:rekey",
        "Rotate the master key and re-wrap it for every remaining user."),
    "restore": ("cybercase.cli.vaultcmds:restore_cmd",
        "Restore a backup into --vault / CYBERCASE_VAULT (refuses to overwrite), then verify it."),
    "retention": ("cybercase.cli.privacy:retention",
        "How long closed cases are kept, and their real deletion."),
    "search": ("cybercase.cli.search:search_cmd",
        "Search names, descriptions, notes, accounts, text in images and chat messages."),
    "settings": ("cybercase.cli.settings:settings_group",
        "The school's name, address and contact person (on handover sheets and forms)."),
    "sg": ("cybercase.cli.casefile:sg",
        "The support group approach (No Blame): steps 1-4 and the extra step."),
    "ssh-setup": ("cybercase.cli.sshsetup:ssh_setup",
        "Colleagues on their own laptops, one vault: the account, sshd block and keys."),
    "stats": ("cybercase.cli.privacy:stats_cmd",
        "Yearly figures without names; counts under 5 are suppressed."),
    "subject-export": ("cybercase.cli.privacy:subject_export_cmd",
        "Everything about pupil PERSON_ID for the parents, other children masked."),
    "subject-request": ("cybercase.cli.privacy:subject_request",
        "Register an access request for pupil PERSON_ID (due in four weeks; in the agenda)."),
    "user": ("cybercase.cli.vaultcmds:user",
        "Users of this vault and their passphrases."),
    "verify": ("cybercase.cli.vaultcmds:verify",
        "Check the whole vault: key file, database, audit chain and every item's hash."),
    "verify-bundle": ("cybercase.cli.export:verify_bundle_cmd",
        "Check a bundle: its ZIP, completeness, every hash, the item lists and the signature."),
}

# Subcommands defined in another module than their group (imported together with it).
EXTENDED_BY: dict[str, tuple[str, ...]] = {
    "case": ("cybercase.cli.privacy",),  # case restrict, case unrestrict
    "person": ("cybercase.cli.privacy",),  # person show
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use (click's documented pattern)."""

    def __init__(self, *args: Any, lazy_commands: dict[str, tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in self.lazy_commands:
            command = self._load(cmd_name)
        return command

    def _load(self, cmd_name: str) -> click.Command:
        module_name, attribute = self.lazy_commands[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module_name}:{attribute} is not a click command")
        for extra in EXTENDED_BY.get(cmd_name, ()):
            importlib.import_module(extra)
        self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``: loaded commands as click writes them, the others
        from the table (the same rows, without importing their modules)."""
        names = [name for name in self.list_commands(ctx)
                 if name not in self.commands or not self.commands[name].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            # an unloaded command: a stand-in with its help text shortens it as click does
            command = self.commands.get(name) or click.Command(
                name, help=self.lazy_commands[name][1])
            rows.append((name, command.get_short_help_str(limit)))
        with formatter.section(_("Commands")):
            formatter.write_dl(rows)
