"""Messages in Dutch and English: the app's own, and the core's (see :func:`msg`).

``t(key, **kw)`` looks the key up in the current language, falls back to English, then to
the key itself (so a missing translation shows up plainly instead of crashing).
Placeholders use ``str.format`` names; the values are substituted as data and never
re-interpreted, so user text in ``kw`` is safe. What :func:`t` and :meth:`Msg.localized`
return is for the screen: control characters in the values (an escape sequence in a file
name) come out escaped (:func:`cybercase.core.termsafe.safe`, line breaks kept). The
default language comes from the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``);
:func:`set_language` switches it at runtime.

The core builds its messages with :func:`msg`: a :class:`Msg` is a ``str`` holding the
English text (so the CLI, JSON output and logs stay English and stable for scripts) that also
carries its key and values, so the app can show it in the chosen language with
:func:`localize`. The core's catalogues live in :mod:`cybercase.catalogue`.

This module is core: it imports neither textual nor click.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from cybercase.core.termsafe import safe

LANGUAGES: dict[str, str] = {"en": "English", "nl": "Nederlands"}
DEFAULT = "en"

_EN: dict[str, str] = {
    # app-wide
    "app.title": "cybercase",
    "app.demo_banner": "Demo vault · user {user} · passphrase: {passphrase}",
    "app.locked": "Locked: the vault is closed.",
    "app.locked_idle": "Locked after {minutes} minutes without activity.",
    "app.error": "Error",
    "app.internal_error": (
        "Something went wrong inside cybercase ({name}); nothing more was changed. "
        "Please report it."
    ),
    "app.not_unlocked": "The vault is locked: unlock it first.",
    # bindings and commands
    "key.quit": "Quit",
    "key.lock": "Lock",
    "key.help": "Help",
    "key.settings": "Settings",
    "key.new_case": "New case",
    "key.open_case": "Open",
    "key.refresh": "Refresh",
    "key.back": "Back",
    "key.cancel": "Cancel",
    "key.save": "Save",
    "key.unlock": "Unlock",
    "cmd.new_case": "New case",
    "cmd.new_case.help": "Open a new case file",
    "cmd.lock": "Lock the vault",
    "cmd.lock.help": "Close the vault and clear the screen",
    "cmd.settings": "Settings",
    "cmd.settings.help": "Language, theme and auto-lock",
    "cmd.help": "Help",
    "cmd.help.help": "Keys and what they do",
    "cmd.dashboard": "Dashboard",
    "cmd.dashboard.help": "Back to the list of open cases",
    "cmd.open_case": "Open case {ref}",
    "cmd.open_case.help": "Show the case file",
    "cmd.theme_light": "Light theme",
    "cmd.theme_dark": "Dark theme",
    "cmd.theme.help": "Switch the colours",
    "cmd.language": "Language: {name}",
    "cmd.language.help": "Switch the language of the app",
    "cmd.quit": "Quit",
    "cmd.quit.help": "Lock the vault and leave cybercase",
    # unlock
    "unlock.title": "Unlock the vault",
    "unlock.vault": "Vault: {path}",
    "unlock.user": "User",
    "unlock.passphrase": "Passphrase",
    "unlock.button": "Unlock",
    "unlock.busy": "Unlocking…",
    "unlock.empty": "Type your passphrase.",
    "unlock.choose_user": "Choose a user.",
    "unlock.recovery": "recovery (recovery key)",
    "unlock.missing": "There is no vault at {path} yet.",
    "unlock.create": "Create a vault",
    # create vault
    "create.title": "Create a new vault",
    "create.intro": "The first user becomes the coordinator. Choose a long passphrase.",
    "create.user": "Your user name",
    "create.school": "School",
    "create.passphrase": "Passphrase",
    "create.passphrase2": "Passphrase again",
    "create.button": "Create",
    "create.busy": "Creating the vault…",
    "create.mismatch": "The two passphrases differ: type the same one twice.",
    "recovery.title": "Your recovery key",
    "recovery.text": (
        "This key opens the vault when every passphrase is lost. It is shown only now: "
        "print it or write it down and keep it locked away."
    ),
    "recovery.done": "I have written it down",
    # dashboard
    "dash.title": "Open cases",
    "dash.col.ref": "Case",
    "dash.col.title": "Title",
    "dash.col.group": "Group",
    "dash.col.phase": "Phase",
    "dash.col.status": "Status",
    "dash.col.activity": "Last activity",
    "dash.empty": "No open cases. Press n to open a new case.",
    "dash.count": "{count} open cases · a: closed cases too",
    "dash.count_all": "{count} cases, {closed} closed · a: open cases only",
    "dash.title_all": "All cases",
    "dash.closed_mark": "closed",
    "key.toggle_closed": "Show closed cases too / open cases only",
    "dash.created": "Opened case {ref}.",
    "status.open": "open",
    "status.closed": "closed",
    # new case
    "newcase.title": "New case",
    "newcase.case_title": "Title",
    "newcase.case_title.placeholder": "e.g. WhatsApp group 7b",
    "newcase.group": "Group / class (optional)",
    "newcase.phase": "Starting phase",
    "newcase.phase_option": "Phase {phase}",
    "newcase.create": "Open case",
    "newcase.cancel": "Cancel",
    # case screen
    "case.title": "Case {ref}",
    "case.vanished": "Case {ref} is no longer there: another program purged or restricted it.",
    "case.tab.overview": "Overview",
    "case.ref": "Case",
    "case.case_title": "Title",
    "case.group": "Group",
    "case.phase": "Phase",
    "case.status": "Status",
    "case.outcome": "Outcome",
    "case.summary": "Summary",
    "case.reported_by": "Reported by",
    "case.channel": "Reported through",
    "case.reported_on": "Reported on",
    "case.triage": "Triage",
    "case.created": "Opened",
    "case.updated": "Last activity",
    "case.closed": "Closed",
    "case.none": "—",
    "case.opened_by": "{when} by {who}",
    # help
    "help.title": "Help",
    "help.keys_here": "Keys on this screen",
    "help.keys_everywhere": "Keys everywhere",
    "help.palette": "Command palette: every action by name",
    "help.close": "Close",
    "help.intro": (
        "cybercase keeps cyberbullying case files and their evidence in an encrypted "
        "vault. The vault locks itself after {minutes} minutes without activity."
    ),
    # settings
    "settings.title": "Settings",
    "settings.language": "Language",
    "settings.theme": "Theme",
    "settings.theme.light": "Light",
    "settings.theme.dark": "Dark",
    "settings.autolock": "Lock after this many minutes without activity",
    "settings.autolock.bad": "Auto-lock must be a whole number of minutes from 1 to 240.",
    "settings.save": "Save",
    "settings.cancel": "Cancel",
    "settings.saved": "Settings saved.",
    # case panes (issue 6)
    "case.tab.people": "People",
    "case.tab.checklist": "Checklist",
    "case.tab.informed": "Informed",
    "case.tab.support": "Support group",
    "case.tab.timeline": "Timeline",
    "case.tab.audit": "Audit log",
    "key.add_person": "Add person",
    "key.change_role": "Change role",
    "key.set_status": "Set status",
    "key.change_phase": "Change phase",
    "key.add_informed": "Add informed",
    "key.add_meeting": "Add meeting",
    "form.save": "Save",
    "form.cancel": "Cancel",
    "form.waiting": "Waiting for the vault (other work is saving)…",
    "form.vault_busy": "The vault is busy with other work (an ingest, for example): nothing "
                       "was saved; try again in a moment.",
    "form.none": "(none)",
    "form.choose": "Choose…",
    "form.unchanged": "(unchanged)",
    "form.date_placeholder": "YYYY-MM-DD",
    "pane.loading": "Loading…",
    "people.empty": "Nobody yet. Press a to add a person.",
    "people.col.id": "#",
    "people.col.name": "Name",
    "people.col.kind": "Kind",
    "people.col.role": "Role",
    "people.col.group": "Group",
    "people.col.age": "Age",
    "people.col.sg_role": "Support group",
    "people.kind.pupil": "pupil",
    "people.kind.parent": "parent",
    "people.kind.staff": "staff",
    "people.parent_role.parent": "parent",
    "people.parent_role.guardian": "guardian",
    "people.add.title": "Add a person",
    "people.field.name": "Name",
    "people.field.kind": "Kind",
    "people.field.role": "Role in the case",
    "people.field.group": "Group / class (optional)",
    "people.field.born": "Date of birth (optional, YYYY-MM-DD)",
    "people.field.sg_role": "Role in the support group (care data)",
    "people.added": "Added {name} (person {id}).",
    "people.roles.title": "Roles of {name}",
    "people.roles_changed": "Roles of {name} changed.",
    "checklist.col.status": "Status",
    "checklist.col.text": "Item",
    "checklist.col.note": "Note",
    "checklist.status.open": "open",
    "checklist.status.done": "done",
    "checklist.status.na": "not applicable",
    "checklist.progress": "{done} done · {na} not applicable · {open} open",
    "checklist.note": "Note",
    "checklist.changed": "Last set {when} by {who}",
    "checklist.set.title": "Checklist item {id}",
    "checklist.field.status": "Status",
    "checklist.field.note": "Note (optional)",
    "checklist.saved": "Checklist item {id} saved.",
    "phase.history": "Phase history",
    "phase.col.at": "When",
    "phase.col.change": "Phase",
    "phase.col.by": "By",
    "phase.col.reason": "Reason",
    "phase.title": "Change the phase",
    "phase.current": "Now: phase {phase}",
    "phase.escalate_when": "Escalate when: {when}",
    "phase.field.phase": "New phase",
    "phase.field.reason": "Reason (required)",
    "phase.reason_placeholder": "why the case moves to this phase",
    "phase.changed": "Phase {frm} → {to} recorded.",
    "informed.col.on": "Date",
    "informed.col.who": "Who",
    "informed.col.how": "How",
    "informed.col.note": "Note",
    "informed.col.by": "Recorded by",
    "informed.empty": "Nobody recorded as informed yet. Press a to add.",
    "informed.parents": "parents",
    "informed.add.title": "Record who was informed",
    "informed.field.who": "Who",
    "informed.field.on": "Date (YYYY-MM-DD)",
    "informed.field.how": "How",
    "informed.how_placeholder": "phone, e-mail, in person",
    "informed.field.note": "Note (optional)",
    "informed.added": "Recorded as informed.",
    "sg.col.held_on": "Date",
    "sg.col.step": "Step",
    "sg.col.led_by": "Led by",
    "sg.col.people": "Pupils",
    "sg.col.decision": "Decision",
    "sg.col.still_to_inform": "Still to inform",
    "sg.empty": "No meetings yet. Press a to record one.",
    "sg.status": "Support group: {status}",
    "sg.status.none": "not started",
    "sg.status.active": "active",
    "sg.status.ended": "ended",
    "sg.status.not_bullying": "concluded: not bullying",
    "sg.status.second_evaluation": "second and last evaluation planned",
    "sg.evaluation_due": "Evaluation due on {due}",
    "sg.participants": "Taking part",
    "sg.notes": "Notes",
    "sg.add.title": "Record a support-group meeting",
    "sg.field.step": "Step",
    "sg.field.held_on": "Held on (YYYY-MM-DD)",
    "sg.field.led_by": "Led by (optional)",
    "sg.field.decision": "Decision",
    "sg.field.pupils": "Pupils taking part, with their action point",
    "sg.field.notes": "Notes (optional)",
    "sg.no_pupils": "No pupils in this case yet: add them under People.",
    "sg.action_placeholder": "action point (what this pupil will do)",
    "sg.decision.bullying": "it is bullying",
    "sg.decision.incident": "an incident, not bullying",
    "sg.decision.end": "end the group",
    "sg.decision.again": "one more evaluation",
    "sg.recorded": "Meeting recorded.",
    "sg.scheduled": "Evaluation planned on {due}.",
    "timeline.col.when": "When",
    "timeline.col.kind": "What",
    "timeline.col.what": "Details",
    "timeline.col.by": "By",
    "timeline.empty": "Nothing on the timeline yet.",
    "audit.col.when": "When",
    "audit.col.who": "Who",
    "audit.col.action": "Action",
    "audit.col.object": "On",
    "audit.col.details": "Details",
    "audit.empty": "No audit entries for this case.",
    "audit.erased": "(details erased)",
    # evidence pane (issue 6)
    "case.tab.evidence": "Evidence",
    "key.ingest": "Ingest",
    "key.preview": "View image",
    "key.withdraw": "Withdraw",
    "key.minor_report": "Sexual image of a minor",
    "evidence.col.name": "File",
    "evidence.col.type": "Type",
    "evidence.col.size": "Size",
    "evidence.col.ingested": "Ingested",
    "evidence.col.state": "State",
    "evidence.col.description": "Description (stated)",
    "evidence.empty": "No evidence yet. Press i to ingest files, or drop them onto the window.",
    "evidence.state.withdrawn": "withdrawn",
    "evidence.state.flagged": "flagged",
    "evidence.meta.withdrawn": "Withdrawn",
    "evidence.meta.withdrawn_value": "{when} by {who}: {reason}",
    "evidence.meta.size": "Size",
    "evidence.meta.type": "Type",
    "evidence.meta.image": "Image",
    "evidence.meta.exif_time": "EXIF time (camera clock)",
    "evidence.meta.file_time": "File time",
    "evidence.meta.source": "Ingested from",
    "evidence.meta.ingested": "Ingested",
    "evidence.meta.by": "{when} by {who}",
    "evidence.meta.stated": "Stated by a person",
    "evidence.stated.captured_by": "Captured by",
    "evidence.stated.device": "Device / app",
    "evidence.stated.platform": "Platform",
    "evidence.stated.url": "URL",
    "evidence.stated.accounts": "Accounts",
    "evidence.stated.shown_time": "Time shown on screen",
    "evidence.stated.description": "Description",
    "evidence.stated.offence_tags": "Offences",
    "evidence.minor_reports": (
        "{n} description(s) of sexual images of a minor recorded (no file stored)."
    ),
    "evidence.no_preview": "No preview for {mime}: extract the item to open it.",
    "evidence.preview_loading": "Decrypting the image (in memory only)…",
    "evidence.preview_note": "Preview (viewing is logged):",
    "evidence.preview_failed": "This image cannot be shown here; the stored original is unchanged.",
    "ingest.title": "Ingest files into case {ref}",
    "ingest.submit": "Ingest",
    "ingest.field.path": "File or folder (type, paste or drop a path)",
    "ingest.path_placeholder": "/path/to/screenshot.png",
    "ingest.add": "Add",
    "ingest.add_folder": "Add folder",
    "ingest.remove": "Remove",
    "ingest.chosen": "To ingest",
    "ingest.no_paths": "Choose at least one file or folder to ingest.",
    "ingest.stated_hint": "What you know about it (optional; recorded as stated, for every file):",
    "ingest.field.captured_by": "Captured by",
    "ingest.captured.pupil": "a pupil",
    "ingest.captured.parent": "a parent",
    "ingest.captured.staff": "staff",
    "ingest.captured.other": "someone else",
    "ingest.captured_who": "who (e.g. mother of the pupil)",
    "ingest.field.platform": "Platform",
    "ingest.field.url": "URL",
    "ingest.field.accounts": "Accounts seen",
    "ingest.accounts_placeholder": "comma-separated, e.g. @fake_teacher, 0612345678",
    "ingest.field.shown_time": "Time shown on screen",
    "ingest.field.device": "Device / app used to capture",
    "ingest.field.description": "Description",
    "ingest.field.tags": "Offences",
    "ingest.busy": "An ingest is still running: wait for it to finish.",
    "ingest.starting": "Reading the files…",
    "ingest.progress": "{done} of {total} files · {current}",
    "ingest.results.title": "Ingest results",
    "ingest.summary": "{files} file(s): {parts}",
    "ingest.count.stored": "{n} stored",
    "ingest.count.flagged": "{n} stored with a warning",
    "ingest.count.duplicate": "{n} already in this case",
    "ingest.count.error": "{n} not stored",
    "ingest.col.status": "Result",
    "ingest.col.path": "File",
    "ingest.col.note": "Why",
    "ingest.status.stored": "stored",
    "ingest.status.duplicate": "duplicate",
    "ingest.status.flagged": "flagged",
    "ingest.status.error": "error",
    "ingest.looks_like": "looks like item(s) {items}",
    "minor.title": "Sexual image of a minor: record a description only",
    "minor.submit": "Record the description",
    "minor.guidance": (
        "Sexual images of minors are NEVER stored in cybercase: possessing them is a "
        "crime, also as evidence. Do not copy, save, screenshot, print or forward the "
        "image, not even to colleagues or the police by e-mail. Go to the police "
        "(0900-8844 or politie.nl): they secure the evidence. Report the content at "
        "Meldpunt Kinderporno and help the child and parents via Offlimits / Helpwanted. "
        "Here you record only what was seen, where and when."
    ),
    "minor.field.where": "Where it was seen",
    "minor.field.when": "When it was seen",
    "minor.field.platform": "Platform",
    "minor.field.url": "URL",
    "minor.field.accounts": "Accounts",
    "minor.field.description": "Description (no image)",
    "minor.recorded": "Description {id} recorded; no file was stored.",
    "withdraw.title": "Withdraw evidence {id}",
    "withdraw.hint": "{name} stays in the vault with its record; it is left out of exports.",
    "withdraw.field.reason": "Reason (required)",
    "withdraw.submit": "Withdraw",
    "withdraw.done": "Evidence {id} withdrawn.",
    # dashboard: agenda and search (issue 6)
    "key.search": "Search",
    "agenda.title": "Agenda",
    "agenda.count": "{n} due, {overdue} overdue",
    "agenda.empty": "Nothing due.",
    "agenda.col.due": "Due",
    "agenda.col.when": "When",
    "agenda.col.case": "Case",
    "agenda.col.what": "What",
    "agenda.overdue": "{n} days overdue",
    "agenda.overdue_one": "1 day overdue",
    "agenda.today": "today",
    "agenda.tomorrow": "tomorrow",
    "agenda.in_days": "in {n} days",
    "search.placeholder": "Search cases, people and evidence descriptions (/)",
    "search.col.kind": "Found in",
    "search.col.case": "Case",
    "search.col.found": "Match",
    "search.none": "Nothing found.",
    "search.kind.case": "case",
    "search.kind.person": "person",
    "search.kind.evidence": "evidence",
    "cmd.search": "Search",
    "cmd.search.help": "Search cases, people and evidence descriptions",
    "cmd.case_action.help": "In case {ref}",
    "cmd.ingest": "Ingest evidence",
    "cmd.withdraw": "Withdraw evidence",
    "cmd.minor_report": "Sexual image of a minor: record a description only",
    # export (issue 6)
    "key.export": "Export",
    "cmd.export": "Export the police evidence bundle",
    "export.title": "Export case {ref} for the police",
    "export.submit": "Export",
    "export.hint": (
        "A ZIP with the evidence, a manifest with hashes, the custody log and a printable"
        " report, signed so the receiver can check it without cybercase. Withdrawn items "
        "stay out."
    ),
    "export.field.out": "Save as",
    "export.field.passphrase": "Passphrase to encrypt the ZIP (optional, for a USB stick)",
    "export.field.passphrase2": "Passphrase again",
    "export.no_path": "Type where to save the bundle.",
    "export.absolute": "Give the full path of the file, e.g. /home/anna/bundle.zip.",
    "export.running": "Exporting case {ref}…",
    "export.progress": "{files} file(s) written",
    "export.done_title": "Exported",
    "export.done": (
        "Saved to: {path}\nSHA-256 of the file: {sha}\n{items} item(s) in the bundle, "
        "{left_out} left out\nSigning key: {fingerprint}\nHandover sheet: {handover}\n"
        "Give the handover sheet with the bundle. The police compare the SHA-256 and the "
        "key with you by phone; both stay in the register (administration, f3)."
    ),
    "export.encrypted": "The ZIP is encrypted (AES-256): give the passphrase separately.",
    "export.failed_title": "The export did not complete",
    "key.next_tab": "Next tab",
    "key.previous_tab": "Previous tab",
    "key.tab_number": "Tab by number (1-9)",
    # cyber work: accounts, referrals, police, agreements (issue 5 in the app)
    "case.tab.accounts": "Accounts",
    "key.add_account": "Add account",
    "key.attribute": "Who is behind it",
    "key.link_evidence": "Link evidence",
    "cyber.age": "{age} yrs",
    "cyber.evidence.none": (
        "No evidence in this case yet: capture the content first (Evidence tab)."
    ),
    "cyber.evidence.all_linked": "Every evidence item of this case is linked already.",
    "cyber.evidence.more": "older items by number, e.g. 12, 15",
    "cyber.evidence.bad_number": (
        "'{value}' is not an evidence number: type numbers like 12, 15 (see Evidence)."
    ),
    "cyber.evidence.choose": "Choose at least one evidence item.",
    "accounts.label": "{handle} on {platform}",
    "accounts.col.platform": "Platform",
    "accounts.col.handle": "Handle",
    "accounts.col.fake": "Fake",
    "accounts.col.attribution": "Behind it",
    "accounts.col.also_in": "Also in",
    "accounts.empty": "No accounts yet. Press a to add one.",
    "accounts.mark.fake": "fake",
    "accounts.mark.impersonation": "posing",
    "accounts.current": "{status}: {person}",
    "accounts.status.suspected": "suspected",
    "accounts.status.confirmed": "confirmed",
    "accounts.status.refuted": "refuted",
    "accounts.basis.pupil_statement": "pupil's statement",
    "accounts.basis.ict_trace": "ICT trace",
    "accounts.basis.admission": "admission",
    "accounts.basis.parent": "parent",
    "accounts.basis.other": "other (see the note)",
    "accounts.match.handle": "The handle",
    "accounts.match.email": "The e-mail address",
    "accounts.match.phone": "The phone number",
    "accounts.also_in": "{field} {value} also appears in case {ref} (account {id}, {platform}).",
    "accounts.add.title": "Add an online account",
    "accounts.field.platform": "Platform",
    "accounts.field.handle": "Handle (user name)",
    "accounts.field.display_name": "Display name (optional)",
    "accounts.field.profile_url": "Profile address (optional)",
    "accounts.field.email": "E-mail address (optional)",
    "accounts.field.phone": "Phone number (optional)",
    "accounts.field.fake": "Fake account",
    "accounts.field.impersonates": "Pretends to be (optional; makes it a fake account)",
    "accounts.field.impersonates_person": "Pretends to be this person of the case (optional)",
    "accounts.field.notes": "Notes (optional)",
    "accounts.field.evidence": "Seen in these evidence items",
    "accounts.field.person": "Person",
    "accounts.field.status": "Status",
    "accounts.field.basis": "How it is known",
    "accounts.field.note": "Note (needed with 'other')",
    "accounts.platform_placeholder": "Instagram, TikTok, Snapchat, WhatsApp, …",
    "accounts.handle_placeholder": "@name, as shown on the platform",
    "accounts.phone_placeholder": "0612345678 or +31 6 12345678",
    "accounts.impersonates_placeholder": "e.g. teacher of 7b, or a pupil of 8a",
    "accounts.note_placeholder": "how it is known",
    "accounts.attribute.title": "Who is behind {account}?",
    "accounts.attribute.current": "Now: {status}: {person}",
    "accounts.attribute.hint": (
        "A new attribution is added to the history; earlier ones are kept as they were."
    ),
    "accounts.choose_person": "Choose the person behind the account.",
    "accounts.choose_status": "Choose a status: suspected, confirmed or refuted.",
    "accounts.choose_basis": "Choose how it is known.",
    "accounts.link.title": "Link {account} to evidence",
    "accounts.link.submit": "Link",
    "accounts.link.already": "Already linked: {items}",
    "accounts.detail.display_name": "Display name",
    "accounts.detail.email": "E-mail",
    "accounts.detail.phone": "Phone",
    "accounts.detail.notes": "Notes",
    "accounts.detail.profile": "Profile",
    "accounts.detail.fake": "FAKE ACCOUNT",
    "accounts.detail.pretends": "pretends to be {who}",
    "accounts.detail.evidence": "Evidence",
    "accounts.detail.no_evidence": "none linked yet (l: link)",
    "accounts.detail.added": "Added",
    "accounts.detail.by": "{when} by {who}",
    "accounts.detail.history": "Attribution history (→ current)",
    "accounts.detail.no_attribution": "Nobody attributed yet (t: who is behind it).",
    "accounts.detail.also_in": "In other cases",
    "accounts.added": "Added account {id} ({account}).",
    "accounts.attributed": "Account {id}: {status}, {person}.",
    "accounts.linked": "Account {id} linked to {items}.",
    "accounts.linked_none": "Account {id} was already linked to these items.",
    "case.tab.referrals": "Referrals",
    "case.tab.police": "Police",
    "key.add_referral": "Add referral",
    "key.update_referral": "Update",
    "key.request_text": "Request text",
    "key.add_police": "Add record",
    "key.update_police": "Update",
    "referrals.col.channel": "Channel",
    "referrals.col.platform": "Platform",
    "referrals.col.status": "Status",
    "referrals.col.sent": "Sent",
    "referrals.col.follow_up": "Follow-up",
    "referrals.col.evidence": "Evidence",
    "referrals.col.url": "URL",
    "referrals.empty": "No referrals yet. Press a to add one.",
    "referrals.mark.no_evidence": "⚠ none",
    "referrals.channel.meldknop": "Meldknop",
    "referrals.channel.helpwanted": "Helpwanted/Offlimits",
    "referrals.channel.platform": "the platform's form",
    "referrals.channel.police": "police",
    "referrals.status.draft": "draft",
    "referrals.status.sent": "sent",
    "referrals.status.removed": "removed",
    "referrals.status.refused": "refused",
    "referrals.status.no_answer": "no answer",
    "referrals.event.created": "recorded",
    "referrals.event.status": "status",
    "referrals.event.update": "updated",
    "referrals.add.title": "Ask for content to be taken down",
    "referrals.field.channel": "Where to report it",
    "referrals.field.platform": "Platform (needed for the platform's own form)",
    "referrals.field.urls": "Exact address(es) of the content, one a line",
    "referrals.field.what": "What the content shows",
    "referrals.field.why": "Why it is illegal or harmful",
    "referrals.field.accounts": "Accounts that posted or spread it",
    "referrals.field.evidence": "Captured evidence of the content",
    "referrals.field.sent": "Date sent (empty: a draft to send later)",
    "referrals.field.reference": "Their reference number (optional)",
    "referrals.field.follow_up": "Follow-up date (in the agenda)",
    "referrals.field.status": "New status",
    "referrals.field.answer_on": "Date of their answer (empty: today)",
    "referrals.field.note": "Note (optional)",
    "referrals.sent_placeholder": "YYYY-MM-DD, once sent",
    "referrals.follow_up_placeholder": "YYYY-MM-DD (default: a week after sending)",
    "referrals.answer_placeholder": "YYYY-MM-DD",
    "referrals.capture_first": (
        "Capture the content before reporting it (a screenshot under Evidence): it may "
        "vanish once reported."
    ),
    "referrals.choose_channel": (
        "Choose where to report it: Meldknop, Helpwanted, the platform or the police."
    ),
    "referrals.nothing": "Nothing changed: choose a status or fill in what is new.",
    "referrals.update.title": "Update referral {id}",
    "referrals.update.now": "Now: {status} ({channel})",
    "referrals.detail.title": "Referral {id} · {channel}",
    "referrals.detail.url": "URL",
    "referrals.detail.what": "What",
    "referrals.detail.why": "Why",
    "referrals.detail.accounts": "Accounts",
    "referrals.detail.evidence": "Evidence",
    "referrals.detail.no_evidence": (
        "No captured evidence linked: capture the content now and link it (u), it may "
        "vanish once reported."
    ),
    "referrals.detail.sent": "Sent",
    "referrals.detail.reference": "Their reference",
    "referrals.detail.follow_up": "Follow-up",
    "referrals.detail.in_agenda": "{day} (in the agenda)",
    "referrals.detail.history": "History",
    "referrals.detail.on": "on {day}",
    "referrals.added": "Referral {id} recorded ({status}). Press t for the request text.",
    "referrals.updated": "Referral {id}: {status}.",
    "referrals.text.title": "Request text for referral {id}",
    "referrals.text.hint": (
        "Paste this into the platform's report form or an e-mail (EU Digital Services Act, "
        "art. 16). Your name and e-mail address are optional."
    ),
    "referrals.text.lang": "Language",
    "referrals.text.name": "Name (optional)",
    "referrals.text.email": "E-mail (optional)",
    "referrals.text.copy": "Copy to clipboard",
    "referrals.text.copied": "The request text is on the clipboard: paste it into the form.",
    "police.col.kind": "Kind",
    "police.col.offence": "Offence",
    "police.col.reported": "Reported",
    "police.col.victim": "Victim",
    "police.col.suspects": "Suspects",
    "police.col.appointment": "Appointment",
    "police.col.reference": "Reference",
    "police.empty": "No police reports or notifications yet. Press a to record one.",
    "police.route": "POLICE ROUTE:",
    "police.kind.aangifte": "aangifte (report)",
    "police.kind.melding": "melding (notification)",
    "police.kind_short.aangifte": "aangifte",
    "police.kind_short.melding": "melding",
    "police.offence.discriminatie": "discrimination (discriminatie)",
    "police.offence.smaad": "defamation (smaad)",
    "police.offence.laster": "slander (laster)",
    "police.offence.belediging": "insult (belediging)",
    "police.offence.bedreiging": "threat (bedreiging)",
    "police.offence.stalking": "stalking (belaging)",
    "police.offence.sexual_images": "sexual images of a minor",
    "police.offence.other": "other (say which)",
    "police.add.title": "Record a police report or notification",
    "police.update.title": "Update police record {id}",
    "police.field.kind": "Kind",
    "police.field.offence": "Offence",
    "police.field.offence_note": "Which offence, or more detail (needed with 'other')",
    "police.field.victim": "Victim",
    "police.field.suspects": "Suspects (their age counts on the day of the offence)",
    "police.field.accounts": "Accounts involved",
    "police.field.reported_on": "Date of the report",
    "police.field.offence_on": "Date of the offence (optional)",
    "police.field.appointment": "Appointment with the police (optional)",
    "police.field.reference": "Police reference (optional)",
    "police.field.export": "Evidence bundle that went with it (optional)",
    "police.field.filed_by": "Filed by (optional)",
    "police.field.notes": "Notes (optional)",
    "police.appointment_placeholder": "YYYY-MM-DD or YYYY-MM-DD HH:MM",
    "police.filed_by_placeholder": "e.g. mother of the victim",
    "police.export_option": "#{id} {kind} · {file} · {when}",
    "police.choose_kind": "Choose the kind: aangifte or melding.",
    "police.choose_offence": "Choose the offence.",
    "police.nothing": "Nothing changed: fill in what is new.",
    "police.detail.title": "Police record {id} · {kind} · {offence}",
    "police.detail.reported": "Reported on",
    "police.detail.offence_on": "Offence on",
    "police.detail.ages_on": "Ages counted on",
    "police.detail.age_on": "{age} on {day}",
    "police.detail.victim": "Victim",
    "police.detail.suspects": "Suspects",
    "police.detail.who_can_file": "Who can file",
    "police.detail.appointment": "Appointment",
    "police.detail.reference": "Police reference",
    "police.detail.export": "Evidence bundle",
    "police.detail.filed_by": "Filed by",
    "police.detail.notes": "Notes",
    "police.detail.accounts": "Accounts",
    "police.added": "Police record {id} recorded ({kind}).",
    "police.updated": "Police record {id} updated.",
    "case.tab.agreements": "Agreements",
    "key.add_agreement": "New agreement",
    "key.add_point": "Add point",
    "key.remove_point": "Remove point",
    "key.review": "Review",
    "key.agreement_status": "Status",
    "key.save_pdf": "Save form (PDF)",
    "agreements.col.pupil": "Pupil",
    "agreements.col.status": "Status",
    "agreements.col.agreed": "Agreed",
    "agreements.col.review": "Review",
    "agreements.col.points": "Points",
    "agreements.col.parents": "Parents",
    "agreements.empty": "No smartphone agreements yet. Press a to draw one up with the parents.",
    "agreements.status.draft": "draft",
    "agreements.status.agreed": "agreed",
    "agreements.status.reviewed": "reviewed",
    "agreements.status.ended": "ended",
    "agreements.add.title": "Smartphone agreement with the parents",
    "agreements.add.hint": (
        "The points come from the school's template; while it is a draft you can add or "
        "remove points. With a date agreed it is signed and its points are fixed."
    ),
    "agreements.field.pupil": "Pupil",
    "agreements.field.parents": "Parents",
    "agreements.field.review": "Review on (in the agenda)",
    "agreements.field.agreed": "Date agreed and signed (empty: a draft)",
    "agreements.field.template": "The school's own template file (optional)",
    "agreements.field.point_nl": "The point in Dutch (as printed on the form)",
    "agreements.field.point_en": "In English (optional)",
    "agreements.field.point": "Point",
    "agreements.field.reviewed_on": "Date of the review",
    "agreements.field.outcome": "How it went, what changes",
    "agreements.field.next_review": "Next review (optional)",
    "agreements.field.end": "End the agreement with this review",
    "agreements.field.status": "New status",
    "agreements.field.status_on": "On",
    "agreements.field.path": "Save as",
    "agreements.parents_placeholder": "e.g. mother and father",
    "agreements.agreed_placeholder": "YYYY-MM-DD, once signed",
    "agreements.template_placeholder": "empty: the default template",
    "agreements.choose_pupil": "Choose the pupil the agreement is for.",
    "agreements.choose_point": "Choose the point to remove.",
    "agreements.choose_status": "Choose the new status: agreed or ended.",
    "agreements.point.add_title": "Add a point to agreement {id} ({pupil})",
    "agreements.point.remove_title": "Remove a point from agreement {id} ({pupil})",
    "agreements.point.remove": "Remove",
    "agreements.point.hint": "Points can change while the agreement is a draft.",
    "agreements.review.title": "Review of agreement {id} ({pupil})",
    "agreements.status.title": "Status of agreement {id} ({pupil})",
    "agreements.status.now": "Now: {status}",
    "agreements.pdf.title": "Save the form of agreement {id} ({pupil}) as PDF",
    "agreements.pdf.hint": (
        "A one-page Dutch form to print and sign. It holds the pupil's first name: keep "
        "it safe and delete the file once printed."
    ),
    "agreements.pdf.file": "smartphone-agreement-{ref}-A{id}.pdf",
    "agreements.pdf.save": "Save",
    "agreements.pdf.replace": "Replace the existing file",
    "agreements.pdf.no_path": "Type where to save the form.",
    "agreements.pdf.no_dir": "The folder {path} does not exist: choose another one.",
    "agreements.pdf.is_dir": "{path} is a folder: add a file name, e.g. form.pdf.",
    "agreements.pdf.exists": (
        "{path} already exists: tick 'Replace the existing file' or choose another name."
    ),
    "agreements.pdf.saving": "Saving the form to {path}…",
    "agreements.pdf.saved": "Form saved: {path}",
    "agreements.detail.title": "Agreement {id}",
    "agreements.detail.parents": "Parents",
    "agreements.detail.agreed": "Agreed",
    "agreements.detail.not_yet": "not yet (draft)",
    "agreements.detail.review": "Review on",
    "agreements.detail.ended": "Ended",
    "agreements.detail.template": "Template: {template}",
    "agreements.detail.points": "Points (printed in Dutch)",
    "agreements.detail.no_points": "No points: add at least one (p) before it is agreed.",
    "agreements.detail.reviews": "Reviews",
    "agreements.detail.no_reviews": "No reviews yet.",
    "agreements.detail.next": "next review {day}",
    "agreements.added": "Agreement {id} for {pupil}: {status}, {n} points.",
    "agreements.points_now": "Agreement {id} has {n} points.",
    "agreements.reviewed": "Review recorded; agreement {id} is {status}.",
    "agreements.status_set": "Agreement {id} is {status}.",
    "cmd.add_account": "Add an online account to case {ref}",
    "cmd.add_account.help": "Record an account seen in the case (fake, impersonation)",
    "cmd.add_referral": "Ask for content of case {ref} to be taken down",
    "cmd.add_referral.help": "Meldknop, Helpwanted, the platform's form or the police",
    "cmd.add_police": "Record a police report or notification for case {ref}",
    "cmd.add_police.help": "Aangifte or melding, with the suspects' ages",
    "cmd.add_agreement": "Draw up a smartphone agreement in case {ref}",
    "cmd.add_agreement.help": "Agreed points with the parents, a review date, a form to sign",
    # yearly figures (issue 9 in the app)
    "stats.title": "Yearly figures (no names)",
    "stats.year": "Year",
    "stats.summary": "{cases} case(s) opened in {year}",
    "stats.col.value": "Value",
    "stats.col.count": "Cases",
    "stats.dim.phase_reached": "Highest phase reached",
    "stats.dim.platform": "Platform (evidence)",
    "stats.dim.offence": "Offence (evidence tags)",
    "stats.dim.group": "Group",
    "stats.dim.reported_via": "How it was reported",
    "stats.dim.triage": "Triage",
    "stats.dim.outcome": "Outcome",
    "stats.dim.time_to_resolution": "Time to resolution",
    "stats.dim.police_offence": "Offence (police records)",
    "stats.dim.account_platform": "Platform (accounts)",
    "key.stats": "Figures",
    "cmd.stats": "Yearly figures",
    "cmd.stats.help": "Counts per year without names; small counts hidden",
    # --- privacy in the app (issue 6): corrections, restriction, access requests, retention
    "key.correct": "Correct…",
    "correct.f.name": "Name",
    "correct.f.born": "Date of birth",
    "correct.f.group": "Group",
    "correct.f.role": "Role in the case",
    "correct.f.sg_role": "Role in the support group",
    "correct.f.title": "Title",
    "correct.f.summary": "Summary",
    "correct.f.reported_by": "Reported by",
    "correct.f.reported_on": "Reported on",
    "correct.f.channel": "Reported via",
    "correct.f.outcome": "Outcome",
    "correct.f.description": "Description",
    "correct.f.platform": "Platform",
    "correct.f.url": "URL",
    "correct.f.captured_by": "Captured by",
    "correct.f.shown_time": "Time shown on screen",
    "correct.f.device": "Device",
    "correct.object.people": "person {id}",
    "correct.object.cases": "case",
    "correct.object.evidence_items": "evidence {id}",
    "correct.history": "Corrections",
    "correct.why": "why:",
    "correct.none": "No corrections recorded.",
    "correct.title": "Correct a recorded fact: {what}",
    "correct.what_person": "person {id} · {name}",
    "correct.what_case": "case {ref}",
    "correct.what_evidence": "evidence {id} · {name}",
    "correct.hint": (
        "The old value is kept in the history with who, when and why (right to "
        "rectification)."
    ),
    "correct.field": "Field",
    "correct.current": "Recorded now: {value}",
    "correct.value": "Correct value",
    "correct.reason": "Reason (required)",
    "correct.reason_placeholder": "why the recorded value was wrong",
    "correct.choose_value": "Choose the correct value.",
    "correct.submit": "Correct",
    "correct.done": "Corrected {field}: {old} → {new} (kept in the history).",
    "people.roles.reason": "Reason (kept in the history when a recorded role changes)",
    "people.roles.reason_hint": "why the role changes",
    "subject.requests": "Access requests",
    "subject.request_line": "received {received} · answer by {due}",
    "subject.answered": "answered {when}",
    "subject.open": "open",
    "key.restrict": "Restrict…",
    "key.unrestrict": "Lift restriction",
    # vault administration in the app (issue 6: users, verify, audit, backup, bundle, keys)
    "key.admin": "Admin",
    "cmd.admin": "Administration",
    "cmd.admin.help": "Users, verify the vault, audit log, backup, police bundle check, keys",
    "admin.title": "Administration",
    "admin.tab.users": "Users",
    "admin.role.coordinator": "Coordinator (everything)",
    "admin.role.ict": "ICT (accounts, evidence)",
    "admin.role.viewer": "Viewer (reads only)",
    "admin.users.hint": (
        "Everyone who may open this vault, each with their own passphrase. Only a "
        "coordinator may add or remove users or change someone else's passphrase."
    ),
    "admin.users.col.name": "User",
    "admin.users.col.role": "Role",
    "admin.users.col.added": "Added",
    "admin.users.col.by": "By",
    "admin.users.weak": (
        "Passphrases of {names} use test-only key derivation: change them."
    ),
    "key.add_user": "Add user",
    "key.remove_user": "Remove user",
    "key.passwd": "Change passphrase",
    "admin.users.add_title": "Add a user",
    "admin.users.add_submit": "Add",
    "admin.users.add_hint": (
        "The new user chooses a passphrase of their own; type it twice. Tell them to keep "
        "it to themselves."
    ),
    "admin.users.field.name": "User name",
    "admin.users.field.role": "Role",
    "admin.users.field.user": "User",
    "admin.users.field.confirm": "Type {name} to confirm",
    "admin.users.choose_role": "Choose a role.",
    "admin.users.choose_user": "Choose the user whose passphrase changes.",
    "admin.users.remove_title": "Remove user {name}",
    "admin.users.remove_submit": "Remove",
    "admin.users.remove_hint": (
        "{name}'s passphrase will no longer open the vault. If they may have kept a copy "
        "of the vault, rekey it afterwards (tab Keys)."
    ),
    "admin.users.confirm_mismatch": "Type the user name {name} exactly to remove them.",
    "admin.users.passwd_title": "Change a passphrase",
    "admin.users.passwd_submit": "Change",
    "admin.users.passwd_hint": (
        "The old passphrase stops working at once. A coordinator may set a new "
        "passphrase for another user."
    ),
    "admin.users.added": "Added user {name}.",
    "admin.users.removed": (
        "Removed {name}. Rekey the vault (tab Keys) if they may have kept a copy of it."
    ),
    "admin.users.passwd_done": "Changed the passphrase of {name}.",
    "admin.confirm.type": "Type {word} to confirm",
    "admin.confirm.mismatch": "Type {word} exactly to go ahead.",
    "admin.tab.verify": "Verify",
    "key.verify": "Verify now",
    "admin.verify.hint": (
        "Checks the whole vault: the key file, every database page, the audit log's hash "
        "chain and the SHA-256 of every evidence item. With much evidence this takes a "
        "while; you can keep working meanwhile."
    ),
    "admin.verify.run": "Verify the vault",
    "admin.verify.running": "Verifying… (every evidence item is hashed again)",
    "admin.verify.none_yet": "Not verified yet in this session.",
    "admin.verify.col.result": "Result",
    "admin.verify.col.what": "What",
    "admin.verify.checked": "checked",
    "admin.verify.problem": "PROBLEM",
    "admin.verify.ok": "OK: the vault verifies; nothing is damaged or changed.",
    "admin.verify.failed": (
        "FAILED: {n} problem(s) found. Each line says what is wrong and what to do."
    ),
    "admin.verify.count.audit_entries": "{n} audit entries (hash chain)",
    "admin.verify.count.evidence_items": "{n} evidence items",
    "admin.verify.count.evidence_bytes_rehashed": "{n} bytes of evidence hashed again",
    "admin.verify.count.deletion_receipts": "{n} deletion receipts",
    "admin.tab.audit": "Audit log",
    "key.filter": "Filter",
    "admin.audit.case": "Case",
    "admin.audit.case_placeholder": "e.g. 2026-001",
    "admin.audit.user": "User",
    "admin.audit.user_placeholder": "user name",
    "admin.audit.apply": "Show",
    "admin.audit.clear": "All",
    "admin.audit.col.case": "Case",
    "admin.audit.none": "No audit entries match.",
    "admin.audit.count": "{n} entries, newest first.",
    "admin.audit.count_filtered": "{n} of {total} entries match, newest first.",
    "admin.audit.details_hidden": "(details only for coordinators)",
    "admin.audit.chain_ok": (
        "Hash chain intact: all {n} entries are unchanged and none is missing."
    ),
    "admin.audit.chain_broken": (
        "Hash chain BROKEN ({n} problem(s)): {problem}. Run Verify and restore a backup."
    ),
    "admin.tab.backup": "Backup",
    "admin.backup.hint": (
        "A backup is one file with a consistent copy of the whole vault, still encrypted: "
        "safe to make while the vault is in use. Keep it apart from the recovery key: "
        "together they open the vault."
    ),
    "admin.backup.field.out": "Backup file (a folder gets a dated file name)",
    "admin.backup.run": "Make the backup",
    "admin.backup.running": "Making the backup…",
    "admin.backup.no_path": "Type where the backup should go.",
    "admin.backup.absolute": "Give the whole path, starting with / or ~.",
    "admin.backup.done": (
        "Backup written to {path}\nDatabase SHA-256: {db}\nKey file SHA-256: {keys}"
    ),
    "admin.backup.restore_hint": (
        "Restoring a backup happens before unlocking: on the screen for a new vault "
        "(\"Restore a backup\"), or with `cybercase restore FILE --vault NEW-FOLDER`. "
        "A vault is never overwritten."
    ),
    "admin.tab.bundle": "Police bundle",
    "admin.bundle.hint": (
        "Check a police bundle (a .zip made by cybercase): every file, hash and the "
        "signature. Where it comes from only the school can confirm: compare the SHA-256 "
        "and key fingerprint computed here with what they read out by phone."
    ),
    "admin.bundle.field.expect": (
        "Expected key fingerprint (as the school read it out; optional)"
    ),
    "admin.bundle.check.lists": (
        "evidence.json, evidence.csv and the report's item list match the files"
    ),
    "admin.bundle.check.key": "The key is the one the school read out",
    "admin.bundle.computed": (
        "SHA-256 of the ZIP (computed): {sha}\nKey fingerprint (computed): {fingerprint}"
    ),
    "admin.bundle.field.path": "Bundle file (.zip)",
    "admin.bundle.path_placeholder": "/path/to/cybercase-2026-001.zip",
    "admin.bundle.field.passphrase": "Passphrase (only for an encrypted bundle)",
    "admin.bundle.run": "Check the bundle",
    "admin.bundle.running": "Checking every file of the bundle…",
    "admin.bundle.no_path": "Type the path of the bundle's .zip file.",
    "admin.bundle.need_pass": (
        "This bundle is encrypted: type its passphrase (ask whoever sent it)."
    ),
    "admin.bundle.col.file": "File",
    "admin.bundle.passed": "passed",
    "admin.bundle.check.format": "A readable BagIt bundle in one folder",
    "admin.bundle.check.complete": "Complete: every listed file is there, nothing extra",
    "admin.bundle.check.hashes": "Every SHA-256 and SHA-512 matches; Payload-Oxum agrees",
    "admin.bundle.check.signature": "The signature over the tag manifest is valid",
    "admin.bundle.ok": (
        "OK: complete, every hash matches, signature valid. The bundle says: case {ref} "
        "from {school}, made {date}. Compare the two values below with what the school "
        "reads out by phone."
    ),
    "admin.bundle.ok_key": (
        "OK: complete, every hash matches, signed with the expected key. Case {ref} from "
        "{school}, made {date}."
    ),
    "admin.bundle.failed": (
        "NOT OK: {n} problem(s). Do not rely on this bundle; ask the school for a new one."
    ),
    "admin.tab.keys": "Keys",
    "admin.keys.recovery_title": "Recovery key",
    "admin.keys.recovery_hint": (
        "The recovery key opens the vault when every passphrase is lost. A new one is "
        "shown once; from then on the old one no longer works."
    ),
    "admin.keys.recovery_run": "Make a new recovery key",
    "admin.keys.recovery_confirm": (
        "The recovery key you have on paper stops working at once. The new one is shown "
        "once: have pen and paper ready, and keep it locked away."
    ),
    "admin.keys.recovery_done": (
        "A new recovery key was made; the old one no longer opens the vault."
    ),
    "admin.keys.rekey_title": "Rekey the vault",
    "admin.keys.rekey_hint": (
        "Gives the vault a new master key and re-encrypts it, so an old copy of the key "
        "file no longer opens today's vault. Do this after removing a user who may have "
        "kept a copy. Every remaining passphrase and the recovery key keep working. Close "
        "the vault in every other program first."
    ),
    "admin.keys.rekey_run": "Rekey the vault",
    "admin.keys.rekey_confirm": (
        "The whole vault is re-encrypted with a new master key. This cannot be undone, "
        "but nobody's passphrase changes."
    ),
    "admin.keys.rekey_word": "REKEY",
    "admin.keys.rekey_done": (
        "The vault now has a new master key; every user's passphrase still works."
    ),
    "cmd.admin.users": "Users and passphrases",
    "cmd.admin.verify": "Verify the vault",
    "cmd.admin.audit": "Audit log of the whole vault",
    "cmd.admin.backup": "Make a backup of the vault",
    "cmd.admin.bundle": "Check a police bundle",
    "cmd.admin.keys": "Recovery key and rekey",
    "restore.offer": "Or bring back a vault from a backup file:",
    "restore.button": "Restore a backup",
    "restore.title": "Restore a backup",
    "restore.submit": "Restore",
    "restore.hint": (
        "The backup is unpacked into {path} and checked against its recorded SHA-256s. "
        "An existing vault is never overwritten. Afterwards, unlock it with a passphrase "
        "that was valid when the backup was made (or the recovery key)."
    ),
    "restore.field.source": "Backup file",
    "restore.source_placeholder": "/path/to/cybercase-backup-2026-11-21.zip",
    "restore.no_source": "Type the path of the backup file.",
    "restore.word": "RESTORE",
    "restore.done": (
        "Restored the backup of {when} (made by {by}). Unlock it, then check it: "
        "F3, Verify."
    ),
    # end: vault administration
    # roles as words (header, restriction dialog)
    "role.coordinator": "anti-bullying coordinator",
    "role.ict": "ICT coordinator",
    "role.viewer": "reads along (management)",
    "restrict.open": "Visible to every user (within their role).",
    "restrict.shown": "Restricted to:",
    "restrict.title": "Who may see case {ref}",
    "restrict.submit": "Restrict",
    "restrict.hint": (
        "Only the users ticked here will see this case (need to know). Tick at least one "
        "coordinator, so someone can still run the case. The change is logged."
    ),
    "restrict.users": "Users who may see the case",
    "restrict.user": "{name} · {role}",
    "restrict.self_warning": (
        "{user}, you are not ticked: after this you will no longer see the case. A "
        "coordinator can still lift the restriction on the Privacy screen (logged as "
        "break-glass)."
    ),
    "restrict.done": "Case {ref} is now visible only to {users}.",
    "restrict.left": "You are not on the list, so the case was closed.",
    "unrestrict.title": "Lift the restriction of case {ref}",
    "unrestrict.submit": "Lift",
    "unrestrict.hint": (
        "Now visible only to: {users}. After lifting, every user sees the case again (within "
        "their role). This is logged."
    ),
    "unrestrict.done": "Case {ref} is visible to every user again (within their role).",
    "cmd.correct_case": "Correct a fact of the case…",
    "cmd.correct_person": "Correct a person's details…",
    "cmd.correct_evidence": "Correct what was stated about evidence…",
    "cmd.restrict": "Restrict who may see the case…",
    "cmd.unrestrict": "Lift the case's restriction",
    "key.subject_request": "Access request",
    "key.subject_export": "Access export",
    "subject.request_title": "Access request for person {id} · {name}",
    "subject.register": "Register",
    "subject.request_hint": (
        "The parents ask which data the school keeps about their child. Answer within four "
        "weeks of receipt; until then the request is in the agenda."
    ),
    "subject.received": "Received on",
    "subject.note": "Note (optional)",
    "subject.note_hint": "who asked, and how",
    "subject.registered": "Access request {id} registered: answer by {due}.",
    "subject.file_person": "person",
    "subject.export_title": "Export for the parents of person {id} · {name}",
    "subject.export_submit": "Make the export",
    "subject.export_hint": (
        "A ZIP with a readable PDF (in Dutch) and the same data as JSON. Other children, "
        "their parents and account names are masked; the support-group role is never given. "
        "Making it answers the open access requests."
    ),
    "subject.out": "Save as (ZIP)",
    "subject.include": "Evidence files to include (optional)",
    "subject.include_hint": (
        "None by default: images may show other children. The export lists what was left out."
    ),
    "subject.running": "Making the export for person {id}…",
    "subject.done_title": "Export ready",
    "subject.done": (
        "Saved {path}\nSHA-256 {sha}\nCases: {cases}; {files} evidence file(s) included."
    ),
    "subject.left_out": "Left out (stated in the export):",
    "subject.failed_title": "The export failed",
    "cmd.subject_request": "Register an access request…",
    "cmd.subject_export": "Make an access export for the parents…",
    "key.privacy": "Privacy",
    "cmd.privacy": "Privacy: retention and deletion",
    "cmd.privacy.help": "Retention period, cases due for deletion, purge, deletion receipts",
    "key.retention": "Retention…",
    "key.purge": "Purge…",
    "key.lift_hidden": "Lift restriction",
    "privacy.title": "Privacy",
    "privacy.retention": "Retention period",
    "privacy.retention_line": (
        "Closed cases are kept {days} days after closing; then they are deleted for good."
    ),
    "privacy.due": "Due for deletion",
    "privacy.col.case": "Case",
    "privacy.col.opened": "Opened",
    "privacy.col.closed": "Closed",
    "privacy.col.delete_after": "Delete after",
    "privacy.col.days_past": "Days past",
    "privacy.none_due": "No closed case is past its retention period.",
    "privacy.receipts": "Deletion receipts",
    "privacy.receipts_hint": "What purges removed: reference, dates and counts; no names.",
    "privacy.col.purged": "Deleted at",
    "privacy.col.by": "By",
    "privacy.col.records": "Records",
    "privacy.col.evidence": "Evidence",
    "privacy.col.erased": "Log details",
    "privacy.no_receipts": "Nothing deleted yet.",
    "privacy.hidden": "Restricted cases you cannot see",
    "privacy.hidden_hint": (
        "A coordinator may lift the restriction even when not named (break-glass: logged)."
    ),
    "privacy.col.restricted_to": "Visible to",
    "privacy.retention_set": "Closed cases are now kept {days} days after closing.",
    "privacy.nothing_to_purge": "Nothing to delete: no closed case is past its retention period.",
    "retention.title": "Retention period",
    "retention.hint": (
        "How many days a closed case is kept after closing (0 to 36500; the default is "
        "{default}, two years)."
    ),
    "retention.days": "Days",
    "retention.outside": (
        "Copies outside the vault are not touched: backups made before, exported bundles and "
        "extracted files. Delete those by hand."
    ),
    "purge.title": "Delete cases for good",
    "purge.submit": "Delete",
    "purge.intro": "Past the retention period, to be deleted with every trace of them:",
    "purge.line": "case {ref} · closed {closed} · delete after {after}",
    "purge.warning": "This cannot be undone. A deletion receipt without names remains.",
    "purge.type": "Type {word} to confirm",
    "purge.word": "DELETE",
    "purge.wrong_word": "Type {word} exactly (in capitals) to delete; nothing was deleted.",
    "purge.running": "Deleting {n} case(s)…",
    "purge.changed": (
        "The cases due for deletion changed meanwhile; nothing was deleted. Look at the list "
        "again."
    ),
    "purge.done_title": "Deleted",
    "purge.done_line": (
        "Case {ref}: {rows} record(s) and {evidence} evidence item(s) deleted; receipt "
        "{receipt}."
    ),
    "purge.not_compacted": (
        "Another program has the vault open, so the database log could not be emptied: close "
        "it and purge again."
    ),
    "purge.failed_title": "The deletion stopped",
    # --- case workflow actions in the app (caseapp: triage, close, agenda, notes, ...)
    "key.triage": "Triage",
    "key.edit_case": "Edit case",
    "key.add_follow_up": "Follow-up",
    "key.close_case": "Close case",
    "key.protocol": "Protocol",
    "cmd.triage": "Record the triage",
    "cmd.edit_case": "Edit the case (report, summary, group)",
    "cmd.add_follow_up": "Add a follow-up to the agenda",
    "cmd.close_case": "Close the case",
    "cmd.protocol": "Show the protocol of the case",
    "triage.section": "Triage",
    "triage.by": "{when} by {who}",
    "triage.yes": "yes",
    "triage.no": "no",
    "triage.unknown": "not assessed",
    "triage.title": "Triage: bullying, teasing, conflict or incident?",
    "triage.field.outcome": "Outcome",
    "triage.field.note": "Note (optional): why",
    "triage.choose": "Choose an outcome: bullying, teasing, conflict or incident.",
    "triage.saved": "Triage of case {ref} recorded.",
    "caseedit.title": "Edit case {ref}",
    "caseedit.hint": (
        "A value that was already recorded is kept in the correction history: give the reason "
        "when you change one. The title is corrected with c (Correct)."
    ),
    "caseedit.field.summary": "Summary",
    "caseedit.field.reported_by": "Reported by",
    "caseedit.field.channel": "Reported through",
    "caseedit.field.reported_on": "Reported on (YYYY-MM-DD)",
    "caseedit.field.group": "Group / class",
    "caseedit.field.reason": "Reason for the change",
    "caseedit.reason_placeholder": "required when you change a recorded value",
    "caseedit.nothing": "Nothing was changed: change a field, or press Cancel.",
    "caseedit.saved": "Case {ref} updated.",
    "close.title": "Close case {ref}",
    "close.submit": "Close the case",
    "close.hint": (
        "A closed case can no longer be changed and cannot be reopened. Its retention period "
        "starts today."
    ),
    "close.field.outcome": "Outcome: how did it end?",
    "close.field.confirm": "Type the case reference {ref} to confirm",
    "close.confirm_mismatch": "Type the case reference {ref} exactly to close the case.",
    "close.done": "Case {ref} is closed.",
    "followup.section": "Due in this case",
    "followup.none": "Nothing due in this case.",
    "followup.title": "Follow-up for case {ref}",
    "followup.field.kind": "Kind",
    "followup.field.due": "Due on (YYYY-MM-DD)",
    "followup.field.what": "What is to be done",
    "followup.kind.followup": "Follow-up",
    "followup.kind.monitoring": "Monitoring",
    "followup.added": "Added to the agenda: {due} {what}",
    "protocol.title": "Protocol of case {ref}",
    "protocol.hint": (
        "Read-only. Another protocol for new cases is installed with `cybercase protocol use`; "
        "a case keeps the protocol it was opened under."
    ),
    "protocol.version": "{id}, version {version}",
    "protocol.phases": "Phases",
    "protocol.current": "(this case)",
    "protocol.escalate": "Escalate when: {when}",
    "protocol.steps": "Support-group steps",
    "protocol.checklist": "Checklist",
    "protocol.stored": "Protocols in this vault",
    "protocol.stored_none": "None stored: new cases follow the built-in protocol.",
    "protocol.stored_row": "{row}. {id} {version} ({source}), {when} by {who}",
    "protocol.for_new_cases": "(new cases)",
    "key.agenda_done": "Done",
    "agenda.done.title": "Mark as done?",
    "agenda.done.submit": "Mark as done",
    "agenda.done.hint": "It leaves the agenda; the case's timeline keeps when and by whom.",
    "agenda.done.done": "Marked as done.",
    "agenda.not_markable": (
        "Only follow-ups and evaluations are marked done here. This item follows from the "
        "case (a takedown referral, a smartphone agreement, a police appointment, a "
        "subject access request) and goes when that is dealt with in the case: Enter "
        "opens it."
    ),
    "key.school_note": "School note",
    "key.link_parent": "Link parent",
    "cmd.school_note": "School-system note of the selected pupil",
    "cmd.link_parent": "Link a parent to a pupil",
    "notes.title": "School-system note: {name}",
    "notes.hint": (
        "To paste into the pupil administration. Parents may read it in the portal, so it "
        "names no other child and no support-group role. Showing it changes nothing."
    ),
    "notes.lang": "Language",
    "notes.category": "Category in the pupil administration",
    "notes.copy": "Copy",
    "notes.copied": "The note is on the clipboard.",
    "people.links.parents": "Parents of {name}",
    "people.links.children": "{name} is a parent of",
    "people.links.none": "none linked (l links them)",
    "people.link.title": "Link a parent to a pupil",
    "people.link.hint": "Both must be people in this case.",
    "people.link.parent": "Parent / guardian",
    "people.link.pupil": "Pupil",
    "people.link.choose": "Choose a parent and a pupil.",
    "people.linked": "{parent} is linked as a parent of {pupil}.",
    "key.save_original": "Save original",
    "key.minor_reports": "Reports",
    "cmd.save_original": "Save the original of the selected evidence as…",
    "cmd.minor_reports": "Descriptions of sexual images of a minor (no files)",
    "save.title": "Save the original of #{id} {name}",
    "save.hint": (
        "The original is written byte for byte and checked against its SHA-256; the audit log "
        "records who saved it, when and where. Outside the vault the file is not encrypted: "
        "keep it safe and delete it when it is no longer needed."
    ),
    "save.field.path": "Save as (a new file)",
    "save.submit": "Save",
    "save.no_path": "Type the path of the new file.",
    "save.no_dir": "The folder {path} does not exist: choose an existing folder.",
    "save.exists": "{path} already exists: choose a new file name (nothing is overwritten).",
    "save.busy": "Saving the original to {path}…",
    "save.done": "Saved evidence {id} to {path} (SHA-256 {sha} checked).",
    "minor.list.key": "M shows them.",
    "minor.list.title": "Sexual images of a minor in case {ref}: descriptions only",
    "minor.list.hint": "No file was stored for these; only what was described.",
    "minor.list.col.recorded": "Recorded",
    "minor.list.empty": "No descriptions recorded.",
    "minor.list.recorded": "Recorded",
    "key.find_account": "Find account",
    "cmd.find_account": "Find an account in all cases",
    "cmd.find_account.help": "Which cases know this handle, e-mail address or phone number",
    "findacc.title": "Which cases know this account?",
    "findacc.hint": (
        "A handle, e-mail address or phone number; it is matched however it was written (@ or "
        "not, capitals, 06- or +316). Only cases you may see are searched."
    ),
    "findacc.field.value": "Handle, e-mail address or phone number",
    "findacc.search": "Search",
    "findacc.col.case": "Case",
    "findacc.none": "No account found with this handle, e-mail address or phone number.",
    "findacc.count": "{n} account(s) in {cases} case(s). Enter opens the case.",
    "search.kind.account": "account",
    # footer labels (the footer is one line; help and palette use the full text)
    "key.change_phase.short": "Phase",
    "key.edit_case.short": "Edit",
    "key.add_follow_up.short": "Follow-up",
    "key.add_person.short": "Add",
    "key.change_role.short": "Role",
    "key.school_note.short": "Note",
    "key.add_informed.short": "Add",
    "key.add_meeting.short": "Meeting",
    "key.set_status.short": "Status",
    "key.ingest.short": "Add",
    "key.preview.short": "View",
    "key.minor_report.short": "Sexual image",
    "key.add_account.short": "Add",
    "key.attribute.short": "Who",
    "key.find_account.short": "Find",
    "key.add_referral.short": "Add",
    "key.update_referral.short": "Update",
    "key.request_text.short": "Text",
    "key.add_police.short": "Add",
    "key.update_police.short": "Update",
    "key.add_agreement.short": "New",
    "key.add_point.short": "Point",
    "key.review.short": "Review",
    "key.save_pdf.short": "PDF",
    "key.new_case.short": "New case",
    "key.settings.short": "Settings",
    "key.lock.short": "Lock",
    "key.add_user.short": "Add",
    "key.passwd.short": "Passphrase",
    "key.lift_hidden.short": "Lift",
    "key.export.short": "Export",
    # administration: the protocol section
    "admin.tab.protocol": "Protocol",
    "admin.tab.exports": "Bundles made",
    "cmd.admin.exports": "Police bundles made (SHA-256 and key to read out)",
    "admin.exports.hint": (
        "Every police bundle this vault made. When the police call to check one, read out "
        "its SHA-256 and key fingerprint from here (the handover sheet shows the same)."
    ),
    "admin.exports.col.id": "No.",
    "admin.exports.col.case": "Case",
    "admin.exports.col.when": "Made",
    "admin.exports.col.file": "File",
    "admin.exports.empty": "No police bundles made yet.",
    "admin.exports.detail": (
        "Export {id} of case {case}, made {when} by {by}: {file} ({items} item(s){enc})\n"
        "SHA-256 of the ZIP:  {sha}\nKey fingerprint:    {fingerprint}\n"
        "Handover sheet: {handover}"
    ),
    "admin.exports.encrypted": ", encrypted",
    "cmd.admin.protocol": "The school's protocol (check, use, template)",
    "admin.protocol.hint": (
        "New cases run under the current protocol (●); a case keeps the protocol it was "
        "opened under. To change it: write the default to a file, edit it, check it, then use"
        " it."
    ),
    "admin.protocol.col.current": "Now",
    "admin.protocol.col.id": "Protocol",
    "admin.protocol.col.version": "Version",
    "admin.protocol.col.added": "Added",
    "admin.protocol.col.by": "By",
    "admin.protocol.field.path": "Protocol file (full path)",
    "admin.protocol.path_placeholder": "/home/…/protocol.toml",
    "admin.protocol.check": "Check",
    "admin.protocol.use": "Use for new cases",
    "admin.protocol.template": "Write the default to this file",
    "admin.protocol.valid": "Valid: {id} {version} (SHA-256 {sha256}).",
    "admin.protocol.used": "New cases now run under {id} {version} (SHA-256 {sha256}).",
    "admin.protocol.written": "Written. Edit the file, then check it here.",
    "admin.protocol.exists": "That file exists already: choose another name (nothing was written).",
    "admin.protocol.no_path": "Type the full path of the protocol file.",
}

_NL: dict[str, str] = {
    "app.title": "cybercase",
    "app.demo_banner": "Demokluis · gebruiker {user} · wachtwoordzin: {passphrase}",
    "app.locked": "Vergrendeld: de kluis is gesloten.",
    "app.locked_idle": "Vergrendeld na {minutes} minuten zonder activiteit.",
    "app.error": "Fout",
    "app.internal_error": (
        "Er ging iets mis in cybercase ({name}); er is verder niets veranderd. "
        "Meld het alstublieft."
    ),
    "app.not_unlocked": "De kluis is vergrendeld: ontgrendel hem eerst.",
    "key.quit": "Afsluiten",
    "key.lock": "Vergrendelen",
    "key.help": "Help",
    "key.settings": "Instellingen",
    "key.new_case": "Nieuwe zaak",
    "key.open_case": "Openen",
    "key.refresh": "Vernieuwen",
    "key.back": "Terug",
    "key.cancel": "Annuleren",
    "key.save": "Opslaan",
    "key.unlock": "Ontgrendelen",
    "cmd.new_case": "Nieuwe zaak",
    "cmd.new_case.help": "Een nieuw zaakdossier openen",
    "cmd.lock": "Kluis vergrendelen",
    "cmd.lock.help": "De kluis sluiten en het scherm leegmaken",
    "cmd.settings": "Instellingen",
    "cmd.settings.help": "Taal, thema en automatisch vergrendelen",
    "cmd.help": "Help",
    "cmd.help.help": "Toetsen en wat ze doen",
    "cmd.dashboard": "Overzicht",
    "cmd.dashboard.help": "Terug naar de lijst met open zaken",
    "cmd.open_case": "Zaak {ref} openen",
    "cmd.open_case.help": "Het zaakdossier tonen",
    "cmd.theme_light": "Licht thema",
    "cmd.theme_dark": "Donker thema",
    "cmd.theme.help": "Andere kleuren",
    "cmd.language": "Taal: {name}",
    "cmd.language.help": "De taal van de app wisselen",
    "cmd.quit": "Afsluiten",
    "cmd.quit.help": "De kluis vergrendelen en cybercase verlaten",
    "unlock.title": "De kluis ontgrendelen",
    "unlock.vault": "Kluis: {path}",
    "unlock.user": "Gebruiker",
    "unlock.passphrase": "Wachtwoordzin",
    "unlock.button": "Ontgrendelen",
    "unlock.busy": "Bezig met ontgrendelen…",
    "unlock.empty": "Typ uw wachtwoordzin.",
    "unlock.choose_user": "Kies een gebruiker.",
    "unlock.recovery": "recovery (herstelsleutel)",
    "unlock.missing": "Er is nog geen kluis in {path}.",
    "unlock.create": "Een kluis aanmaken",
    "create.title": "Een nieuwe kluis aanmaken",
    "create.intro": "De eerste gebruiker wordt coördinator. Kies een lange wachtwoordzin.",
    "create.user": "Uw gebruikersnaam",
    "create.school": "School",
    "create.passphrase": "Wachtwoordzin",
    "create.passphrase2": "Wachtwoordzin nogmaals",
    "create.button": "Aanmaken",
    "create.busy": "De kluis wordt aangemaakt…",
    "create.mismatch": "De twee wachtwoordzinnen verschillen: typ twee keer dezelfde.",
    "recovery.title": "Uw herstelsleutel",
    "recovery.text": (
        "Met deze sleutel gaat de kluis open als alle wachtwoordzinnen kwijt zijn. Hij "
        "wordt alleen nu getoond: print hem of schrijf hem op en berg hem veilig op."
    ),
    "recovery.done": "Ik heb hem opgeschreven",
    "dash.title": "Open zaken",
    "dash.col.ref": "Zaak",
    "dash.col.title": "Titel",
    "dash.col.group": "Groep",
    "dash.col.phase": "Fase",
    "dash.col.status": "Status",
    "dash.col.activity": "Laatste activiteit",
    "dash.empty": "Geen open zaken. Druk op n om een nieuwe zaak te openen.",
    "dash.count": "{count} open zaken · a: ook gesloten zaken",
    "dash.count_all": "{count} zaken, {closed} gesloten · a: alleen open zaken",
    "dash.title_all": "Alle zaken",
    "dash.closed_mark": "gesloten",
    "key.toggle_closed": "Ook gesloten zaken tonen / alleen open zaken",
    "dash.created": "Zaak {ref} geopend.",
    "status.open": "open",
    "status.closed": "gesloten",
    "newcase.title": "Nieuwe zaak",
    "newcase.case_title": "Titel",
    "newcase.case_title.placeholder": "bijv. WhatsApp-groep 7b",
    "newcase.group": "Groep / klas (optioneel)",
    "newcase.phase": "Beginfase",
    "newcase.phase_option": "Fase {phase}",
    "newcase.create": "Zaak openen",
    "newcase.cancel": "Annuleren",
    "case.title": "Zaak {ref}",
    "case.vanished": (
        "Zaak {ref} is er niet meer: een ander programma heeft hem gewist of afgeschermd."
    ),
    "case.tab.overview": "Overzicht",
    "case.ref": "Zaak",
    "case.case_title": "Titel",
    "case.group": "Groep",
    "case.phase": "Fase",
    "case.status": "Status",
    "case.outcome": "Uitkomst",
    "case.summary": "Samenvatting",
    "case.reported_by": "Gemeld door",
    "case.channel": "Gemeld via",
    "case.reported_on": "Gemeld op",
    "case.triage": "Triage",
    "case.created": "Geopend",
    "case.updated": "Laatste activiteit",
    "case.closed": "Gesloten",
    "case.none": "—",
    "case.opened_by": "{when} door {who}",
    "help.title": "Help",
    "help.keys_here": "Toetsen op dit scherm",
    "help.keys_everywhere": "Toetsen overal",
    "help.palette": "Opdrachtenpalet: elke actie op naam",
    "help.close": "Sluiten",
    "help.intro": (
        "cybercase bewaart dossiers over cyberpesten en het bewijs daarbij in een "
        "versleutelde kluis. De kluis vergrendelt zich na {minutes} minuten zonder "
        "activiteit."
    ),
    "settings.title": "Instellingen",
    "settings.language": "Taal",
    "settings.theme": "Thema",
    "settings.theme.light": "Licht",
    "settings.theme.dark": "Donker",
    "settings.autolock": "Vergrendelen na zoveel minuten zonder activiteit",
    "settings.autolock.bad": (
        "Automatisch vergrendelen moet een heel aantal minuten zijn, van 1 tot 240."
    ),
    "settings.save": "Opslaan",
    "settings.cancel": "Annuleren",
    "settings.saved": "Instellingen opgeslagen.",
    # case panes (issue 6)
    "case.tab.people": "Betrokkenen",
    "case.tab.checklist": "Checklist",
    "case.tab.informed": "Geïnformeerd",
    "case.tab.support": "Supportgroep",
    "case.tab.timeline": "Tijdlijn",
    "case.tab.audit": "Logboek",
    "key.add_person": "Persoon toevoegen",
    "key.change_role": "Rol wijzigen",
    "key.set_status": "Status zetten",
    "key.change_phase": "Fase wijzigen",
    "key.add_informed": "Geïnformeerd toevoegen",
    "key.add_meeting": "Bijeenkomst toevoegen",
    "form.save": "Opslaan",
    "form.cancel": "Annuleren",
    "form.waiting": "Even wachten op de kluis (ander werk slaat iets op)…",
    "form.vault_busy": "De kluis is bezig met ander werk (bijvoorbeeld een import): er is "
                       "niets opgeslagen; probeer het zo opnieuw.",
    "form.none": "(geen)",
    "form.choose": "Kies…",
    "form.unchanged": "(ongewijzigd)",
    "form.date_placeholder": "JJJJ-MM-DD",
    "pane.loading": "Bezig met laden…",
    "people.empty": "Nog niemand. Druk op a om een persoon toe te voegen.",
    "people.col.id": "#",
    "people.col.name": "Naam",
    "people.col.kind": "Soort",
    "people.col.role": "Rol",
    "people.col.group": "Groep",
    "people.col.age": "Leeftijd",
    "people.col.sg_role": "Supportgroep",
    "people.kind.pupil": "leerling",
    "people.kind.parent": "ouder",
    "people.kind.staff": "personeel",
    "people.parent_role.parent": "ouder",
    "people.parent_role.guardian": "voogd",
    "people.add.title": "Een persoon toevoegen",
    "people.field.name": "Naam",
    "people.field.kind": "Soort",
    "people.field.role": "Rol in de zaak",
    "people.field.group": "Groep / klas (optioneel)",
    "people.field.born": "Geboortedatum (optioneel, JJJJ-MM-DD)",
    "people.field.sg_role": "Rol in de supportgroep (zorggegevens)",
    "people.added": "{name} toegevoegd (persoon {id}).",
    "people.roles.title": "Rollen van {name}",
    "people.roles_changed": "Rollen van {name} gewijzigd.",
    "checklist.col.status": "Status",
    "checklist.col.text": "Punt",
    "checklist.col.note": "Notitie",
    "checklist.status.open": "open",
    "checklist.status.done": "gedaan",
    "checklist.status.na": "niet van toepassing",
    "checklist.progress": "{done} gedaan · {na} niet van toepassing · {open} open",
    "checklist.note": "Notitie",
    "checklist.changed": "Laatst gezet {when} door {who}",
    "checklist.set.title": "Checklistpunt {id}",
    "checklist.field.status": "Status",
    "checklist.field.note": "Notitie (optioneel)",
    "checklist.saved": "Checklistpunt {id} opgeslagen.",
    "phase.history": "Fasegeschiedenis",
    "phase.col.at": "Wanneer",
    "phase.col.change": "Fase",
    "phase.col.by": "Door",
    "phase.col.reason": "Reden",
    "phase.title": "De fase wijzigen",
    "phase.current": "Nu: fase {phase}",
    "phase.escalate_when": "Opschalen als: {when}",
    "phase.field.phase": "Nieuwe fase",
    "phase.field.reason": "Reden (verplicht)",
    "phase.reason_placeholder": "waarom de zaak naar deze fase gaat",
    "phase.changed": "Fase {frm} → {to} vastgelegd.",
    "informed.col.on": "Datum",
    "informed.col.who": "Wie",
    "informed.col.how": "Hoe",
    "informed.col.note": "Notitie",
    "informed.col.by": "Vastgelegd door",
    "informed.empty": "Nog niemand als geïnformeerd vastgelegd. Druk op a om toe te voegen.",
    "informed.parents": "ouders",
    "informed.add.title": "Vastleggen wie is geïnformeerd",
    "informed.field.who": "Wie",
    "informed.field.on": "Datum (JJJJ-MM-DD)",
    "informed.field.how": "Hoe",
    "informed.how_placeholder": "telefoon, e-mail, persoonlijk",
    "informed.field.note": "Notitie (optioneel)",
    "informed.added": "Als geïnformeerd vastgelegd.",
    "sg.col.held_on": "Datum",
    "sg.col.step": "Stap",
    "sg.col.led_by": "Geleid door",
    "sg.col.people": "Leerlingen",
    "sg.col.decision": "Besluit",
    "sg.col.still_to_inform": "Nog informeren",
    "sg.empty": "Nog geen bijeenkomsten. Druk op a om er een vast te leggen.",
    "sg.status": "Supportgroep: {status}",
    "sg.status.none": "niet begonnen",
    "sg.status.active": "actief",
    "sg.status.ended": "beëindigd",
    "sg.status.not_bullying": "conclusie: geen pesten",
    "sg.status.second_evaluation": "tweede en laatste evaluatie gepland",
    "sg.evaluation_due": "Evaluatie op {due}",
    "sg.participants": "Doen mee",
    "sg.notes": "Notities",
    "sg.add.title": "Een supportgroepbijeenkomst vastleggen",
    "sg.field.step": "Stap",
    "sg.field.held_on": "Gehouden op (JJJJ-MM-DD)",
    "sg.field.led_by": "Geleid door (optioneel)",
    "sg.field.decision": "Besluit",
    "sg.field.pupils": "Leerlingen die meedoen, met hun actiepunt",
    "sg.field.notes": "Notities (optioneel)",
    "sg.no_pupils": "Nog geen leerlingen in deze zaak: voeg ze toe onder Betrokkenen.",
    "sg.action_placeholder": "actiepunt (wat deze leerling gaat doen)",
    "sg.decision.bullying": "het is pesten",
    "sg.decision.incident": "een incident, geen pesten",
    "sg.decision.end": "de groep beëindigen",
    "sg.decision.again": "nog één evaluatie",
    "sg.recorded": "Bijeenkomst vastgelegd.",
    "sg.scheduled": "Evaluatie gepland op {due}.",
    "timeline.col.when": "Wanneer",
    "timeline.col.kind": "Wat",
    "timeline.col.what": "Details",
    "timeline.col.by": "Door",
    "timeline.empty": "Nog niets op de tijdlijn.",
    "audit.col.when": "Wanneer",
    "audit.col.who": "Wie",
    "audit.col.action": "Handeling",
    "audit.col.object": "Op",
    "audit.col.details": "Details",
    "audit.empty": "Geen logboekregels voor deze zaak.",
    "audit.erased": "(details gewist)",
    # evidence pane (issue 6)
    "case.tab.evidence": "Bewijs",
    "key.ingest": "Toevoegen",
    "key.preview": "Afbeelding tonen",
    "key.withdraw": "Intrekken",
    "key.minor_report": "Seksuele afbeelding minderjarige",
    "evidence.col.name": "Bestand",
    "evidence.col.type": "Soort",
    "evidence.col.size": "Grootte",
    "evidence.col.ingested": "Toegevoegd",
    "evidence.col.state": "Staat",
    "evidence.col.description": "Beschrijving (verklaard)",
    "evidence.empty": (
        "Nog geen bewijs. Druk op i om bestanden toe te voegen, of sleep ze op het "
        "venster."
    ),
    "evidence.state.withdrawn": "ingetrokken",
    "evidence.state.flagged": "gemarkeerd",
    "evidence.meta.withdrawn": "Ingetrokken",
    "evidence.meta.withdrawn_value": "{when} door {who}: {reason}",
    "evidence.meta.size": "Grootte",
    "evidence.meta.type": "Soort",
    "evidence.meta.image": "Afbeelding",
    "evidence.meta.exif_time": "EXIF-tijd (klok van de camera)",
    "evidence.meta.file_time": "Bestandstijd",
    "evidence.meta.source": "Toegevoegd vanaf",
    "evidence.meta.ingested": "Toegevoegd",
    "evidence.meta.by": "{when} door {who}",
    "evidence.meta.stated": "Verklaard door een persoon",
    "evidence.stated.captured_by": "Vastgelegd door",
    "evidence.stated.device": "Apparaat / app",
    "evidence.stated.platform": "Platform",
    "evidence.stated.url": "URL",
    "evidence.stated.accounts": "Accounts",
    "evidence.stated.shown_time": "Tijd op het scherm",
    "evidence.stated.description": "Beschrijving",
    "evidence.stated.offence_tags": "Strafbare feiten",
    "evidence.minor_reports": (
        "{n} beschrijving(en) van seksuele afbeeldingen van een minderjarige vastgelegd "
        "(geen bestand bewaard)."
    ),
    "evidence.no_preview": (
        "Geen voorbeeld voor {mime}: haal het item uit de kluis om het te openen."
    ),
    "evidence.preview_loading": "De afbeelding wordt ontsleuteld (alleen in het geheugen)…",
    "evidence.preview_note": "Voorbeeld (bekijken wordt gelogd):",
    "evidence.preview_failed": (
        "Deze afbeelding kan hier niet worden getoond; het bewaarde origineel is "
        "onveranderd."
    ),
    "ingest.title": "Bestanden toevoegen aan zaak {ref}",
    "ingest.submit": "Toevoegen",
    "ingest.field.path": "Bestand of map (typ, plak of sleep een pad)",
    "ingest.path_placeholder": "/pad/naar/schermafbeelding.png",
    "ingest.add": "Toevoegen",
    "ingest.add_folder": "Map toevoegen",
    "ingest.remove": "Verwijderen",
    "ingest.chosen": "Toe te voegen",
    "ingest.no_paths": "Kies minstens één bestand of map om toe te voegen.",
    "ingest.stated_hint": (
        "Wat u erover weet (optioneel; vastgelegd als verklaring, voor elk bestand):"
    ),
    "ingest.field.captured_by": "Vastgelegd door",
    "ingest.captured.pupil": "een leerling",
    "ingest.captured.parent": "een ouder",
    "ingest.captured.staff": "personeel",
    "ingest.captured.other": "iemand anders",
    "ingest.captured_who": "wie (bijv. moeder van de leerling)",
    "ingest.field.platform": "Platform",
    "ingest.field.url": "URL",
    "ingest.field.accounts": "Geziene accounts",
    "ingest.accounts_placeholder": "gescheiden door komma's, bijv. @nep_juf, 0612345678",
    "ingest.field.shown_time": "Tijd op het scherm",
    "ingest.field.device": "Apparaat / app waarmee vastgelegd",
    "ingest.field.description": "Beschrijving",
    "ingest.field.tags": "Strafbare feiten",
    "ingest.busy": "Er worden nog bestanden toegevoegd: wacht tot dat klaar is.",
    "ingest.starting": "De bestanden worden gelezen…",
    "ingest.progress": "{done} van {total} bestanden · {current}",
    "ingest.results.title": "Resultaat van het toevoegen",
    "ingest.summary": "{files} bestand(en): {parts}",
    "ingest.count.stored": "{n} bewaard",
    "ingest.count.flagged": "{n} bewaard met een waarschuwing",
    "ingest.count.duplicate": "{n} al in deze zaak",
    "ingest.count.error": "{n} niet bewaard",
    "ingest.col.status": "Resultaat",
    "ingest.col.path": "Bestand",
    "ingest.col.note": "Waarom",
    "ingest.status.stored": "bewaard",
    "ingest.status.duplicate": "dubbel",
    "ingest.status.flagged": "gemarkeerd",
    "ingest.status.error": "fout",
    "ingest.looks_like": "lijkt op item(s) {items}",
    "minor.title": "Seksuele afbeelding van een minderjarige: alleen een beschrijving vastleggen",
    "minor.submit": "Beschrijving vastleggen",
    "minor.guidance": (
        "Seksuele afbeeldingen van minderjarigen worden NOOIT bewaard in cybercase: bezit"
        " ervan is strafbaar, ook als bewijs. Kopieer, bewaar, fotografeer, print of "
        "stuur de afbeelding niet door, ook niet naar collega's of per e-mail naar de "
        "politie. Ga naar de politie (0900-8844 of politie.nl): zij stellen het bewijs "
        "veilig. Meld de inhoud bij Meldpunt Kinderporno en help kind en ouders via "
        "Offlimits / Helpwanted. Hier legt u alleen vast wat er is gezien, waar en "
        "wanneer."
    ),
    "minor.field.where": "Waar het is gezien",
    "minor.field.when": "Wanneer het is gezien",
    "minor.field.platform": "Platform",
    "minor.field.url": "URL",
    "minor.field.accounts": "Accounts",
    "minor.field.description": "Beschrijving (geen afbeelding)",
    "minor.recorded": "Beschrijving {id} vastgelegd; er is geen bestand bewaard.",
    "withdraw.title": "Bewijs {id} intrekken",
    "withdraw.hint": (
        "{name} blijft met zijn gegevens in de kluis; het gaat niet meer mee in exports."
    ),
    "withdraw.field.reason": "Reden (verplicht)",
    "withdraw.submit": "Intrekken",
    "withdraw.done": "Bewijs {id} ingetrokken.",
    # dashboard: agenda and search (issue 6)
    "key.search": "Zoeken",
    "agenda.title": "Agenda",
    "agenda.count": "{n} te doen, {overdue} te laat",
    "agenda.empty": "Niets te doen.",
    "agenda.col.due": "Datum",
    "agenda.col.when": "Wanneer",
    "agenda.col.case": "Zaak",
    "agenda.col.what": "Wat",
    "agenda.overdue": "{n} dagen te laat",
    "agenda.overdue_one": "1 dag te laat",
    "agenda.today": "vandaag",
    "agenda.tomorrow": "morgen",
    "agenda.in_days": "over {n} dagen",
    "search.placeholder": "Zoek in zaken, personen en beschrijvingen van bewijs (/)",
    "search.col.kind": "Gevonden in",
    "search.col.case": "Zaak",
    "search.col.found": "Treffer",
    "search.none": "Niets gevonden.",
    "search.kind.case": "zaak",
    "search.kind.person": "persoon",
    "search.kind.evidence": "bewijs",
    "cmd.search": "Zoeken",
    "cmd.search.help": "Zoek in zaken, personen en beschrijvingen van bewijs",
    "cmd.case_action.help": "In zaak {ref}",
    "cmd.ingest": "Bewijs toevoegen",
    "cmd.withdraw": "Bewijs intrekken",
    "cmd.minor_report": "Seksuele afbeelding van een minderjarige: alleen beschrijving vastleggen",
    # export (issue 6)
    "key.export": "Exporteren",
    "cmd.export": "Het bewijspakket voor de politie exporteren",
    "export.title": "Zaak {ref} exporteren voor de politie",
    "export.submit": "Exporteren",
    "export.hint": (
        "Een ZIP met het bewijs, een manifest met hashes, het bewaarlogboek en een "
        "afdrukbaar rapport, ondertekend zodat de ontvanger het zonder cybercase kan "
        "controleren. Ingetrokken items gaan niet mee."
    ),
    "export.field.out": "Opslaan als",
    "export.field.passphrase": (
        "Wachtwoordzin om de ZIP te versleutelen (optioneel, voor een USB-stick)"
    ),
    "export.field.passphrase2": "Wachtwoordzin nogmaals",
    "export.no_path": "Typ waar het pakket moet worden opgeslagen.",
    "export.absolute": "Geef het volledige pad van het bestand, bijv. /home/anna/pakket.zip.",
    "export.running": "Zaak {ref} wordt geëxporteerd…",
    "export.progress": "{files} bestand(en) geschreven",
    "export.done_title": "Geëxporteerd",
    "export.done": (
        "Opgeslagen in: {path}\nSHA-256 van het bestand: {sha}\n{items} item(s) in het "
        "pakket, {left_out} weggelaten\nOndertekeningssleutel: {fingerprint}\n"
        "Overdrachtsformulier: {handover}\nGeef het overdrachtsformulier met de bundel mee. "
        "De politie vergelijkt de SHA-256 en de sleutel telefonisch met u; beide blijven "
        "in het register staan (beheer, f3)."
    ),
    "export.encrypted": "De ZIP is versleuteld (AES-256): geef de wachtwoordzin apart door.",
    "export.failed_title": "De export is niet voltooid",
    "key.next_tab": "Volgende tab",
    "key.previous_tab": "Vorige tab",
    "key.tab_number": "Tab op nummer (1-9)",
    # cyberwerk: accounts, verwijderverzoeken, politie, afspraken (issue 5 in de app)
    "case.tab.accounts": "Accounts",
    "key.add_account": "Account toevoegen",
    "key.attribute": "Wie zit erachter",
    "key.link_evidence": "Bewijs koppelen",
    "cyber.age": "{age} jr",
    "cyber.evidence.none": (
        "Nog geen bewijs in deze zaak: leg de inhoud eerst vast (tabblad Bewijs)."
    ),
    "cyber.evidence.all_linked": "Elk bewijsitem van deze zaak is al gekoppeld.",
    "cyber.evidence.more": "oudere items op nummer, bijv. 12, 15",
    "cyber.evidence.bad_number": (
        "'{value}' is geen bewijsnummer: typ nummers zoals 12, 15 (zie Bewijs)."
    ),
    "cyber.evidence.choose": "Kies minstens één bewijsitem.",
    "accounts.label": "{handle} op {platform}",
    "accounts.col.platform": "Platform",
    "accounts.col.handle": "Gebruikersnaam",
    "accounts.col.fake": "Nep",
    "accounts.col.attribution": "Erachter",
    "accounts.col.also_in": "Ook in",
    "accounts.empty": "Nog geen accounts. Druk op a om er een toe te voegen.",
    "accounts.mark.fake": "nep",
    "accounts.mark.impersonation": "imitatie",
    "accounts.current": "{status}: {person}",
    "accounts.status.suspected": "vermoed",
    "accounts.status.confirmed": "bevestigd",
    "accounts.status.refuted": "weerlegd",
    "accounts.basis.pupil_statement": "verklaring van een leerling",
    "accounts.basis.ict_trace": "ICT-onderzoek",
    "accounts.basis.admission": "bekentenis",
    "accounts.basis.parent": "ouder",
    "accounts.basis.other": "anders (zie de notitie)",
    "accounts.match.handle": "De gebruikersnaam",
    "accounts.match.email": "Het e-mailadres",
    "accounts.match.phone": "Het telefoonnummer",
    "accounts.also_in": "{field} {value} komt ook voor in zaak {ref} (account {id}, {platform}).",
    "accounts.add.title": "Een online account toevoegen",
    "accounts.field.platform": "Platform",
    "accounts.field.handle": "Gebruikersnaam",
    "accounts.field.display_name": "Getoonde naam (optioneel)",
    "accounts.field.profile_url": "Adres van het profiel (optioneel)",
    "accounts.field.email": "E-mailadres (optioneel)",
    "accounts.field.phone": "Telefoonnummer (optioneel)",
    "accounts.field.fake": "Nepaccount",
    "accounts.field.impersonates": "Doet zich voor als (optioneel; maakt het een nepaccount)",
    "accounts.field.impersonates_person": "Doet zich voor als deze persoon uit de zaak (optioneel)",
    "accounts.field.notes": "Notities (optioneel)",
    "accounts.field.evidence": "Gezien in deze bewijsitems",
    "accounts.field.person": "Persoon",
    "accounts.field.status": "Status",
    "accounts.field.basis": "Hoe het bekend is",
    "accounts.field.note": "Notitie (nodig bij 'anders')",
    "accounts.platform_placeholder": "Instagram, TikTok, Snapchat, WhatsApp, …",
    "accounts.handle_placeholder": "@naam, zoals op het platform",
    "accounts.phone_placeholder": "0612345678 of +31 6 12345678",
    "accounts.impersonates_placeholder": "bijv. leerkracht van 7b, of een leerling van 8a",
    "accounts.note_placeholder": "hoe het bekend is",
    "accounts.attribute.title": "Wie zit achter {account}?",
    "accounts.attribute.current": "Nu: {status}: {person}",
    "accounts.attribute.hint": (
        "Een nieuwe toeschrijving komt bij de geschiedenis; eerdere blijven zoals ze waren."
    ),
    "accounts.choose_person": "Kies de persoon achter het account.",
    "accounts.choose_status": "Kies een status: vermoed, bevestigd of weerlegd.",
    "accounts.choose_basis": "Kies hoe het bekend is.",
    "accounts.link.title": "{account} aan bewijs koppelen",
    "accounts.link.submit": "Koppelen",
    "accounts.link.already": "Al gekoppeld: {items}",
    "accounts.detail.display_name": "Getoonde naam",
    "accounts.detail.email": "E-mail",
    "accounts.detail.phone": "Telefoon",
    "accounts.detail.notes": "Notities",
    "accounts.detail.profile": "Profiel",
    "accounts.detail.fake": "NEPACCOUNT",
    "accounts.detail.pretends": "doet zich voor als {who}",
    "accounts.detail.evidence": "Bewijs",
    "accounts.detail.no_evidence": "nog niets gekoppeld (l: koppelen)",
    "accounts.detail.added": "Toegevoegd",
    "accounts.detail.by": "{when} door {who}",
    "accounts.detail.history": "Toeschrijvingen (→ huidige)",
    "accounts.detail.no_attribution": "Nog aan niemand toegeschreven (t: wie zit erachter).",
    "accounts.detail.also_in": "In andere zaken",
    "accounts.added": "Account {id} toegevoegd ({account}).",
    "accounts.attributed": "Account {id}: {status}, {person}.",
    "accounts.linked": "Account {id} gekoppeld aan {items}.",
    "accounts.linked_none": "Account {id} was al aan deze items gekoppeld.",
    "case.tab.referrals": "Verwijderverzoeken",
    "case.tab.police": "Politie",
    "key.add_referral": "Verzoek toevoegen",
    "key.update_referral": "Bijwerken",
    "key.request_text": "Verzoektekst",
    "key.add_police": "Vastleggen",
    "key.update_police": "Bijwerken",
    "referrals.col.channel": "Kanaal",
    "referrals.col.platform": "Platform",
    "referrals.col.status": "Status",
    "referrals.col.sent": "Verstuurd",
    "referrals.col.follow_up": "Nakijken",
    "referrals.col.evidence": "Bewijs",
    "referrals.col.url": "URL",
    "referrals.empty": "Nog geen verwijderverzoeken. Druk op a om er een toe te voegen.",
    "referrals.mark.no_evidence": "⚠ geen",
    "referrals.channel.meldknop": "Meldknop",
    "referrals.channel.helpwanted": "Helpwanted/Offlimits",
    "referrals.channel.platform": "formulier van het platform",
    "referrals.channel.police": "politie",
    "referrals.status.draft": "concept",
    "referrals.status.sent": "verstuurd",
    "referrals.status.removed": "verwijderd",
    "referrals.status.refused": "geweigerd",
    "referrals.status.no_answer": "geen antwoord",
    "referrals.event.created": "vastgelegd",
    "referrals.event.status": "status",
    "referrals.event.update": "bijgewerkt",
    "referrals.add.title": "Vragen om inhoud te verwijderen",
    "referrals.field.channel": "Waar melden",
    "referrals.field.platform": "Platform (nodig voor het formulier van het platform)",
    "referrals.field.urls": "Exacte adres(sen) van de inhoud, één per regel",
    "referrals.field.what": "Wat er te zien is",
    "referrals.field.why": "Waarom het illegaal of schadelijk is",
    "referrals.field.accounts": "Accounts die het plaatsten of verspreidden",
    "referrals.field.evidence": "Vastgelegd bewijs van de inhoud",
    "referrals.field.sent": "Verstuurd op (leeg: een concept om later te versturen)",
    "referrals.field.reference": "Hun kenmerk (optioneel)",
    "referrals.field.follow_up": "Nakijken op (in de agenda)",
    "referrals.field.status": "Nieuwe status",
    "referrals.field.answer_on": "Datum van hun antwoord (leeg: vandaag)",
    "referrals.field.note": "Notitie (optioneel)",
    "referrals.sent_placeholder": "JJJJ-MM-DD, na versturen",
    "referrals.follow_up_placeholder": "JJJJ-MM-DD (standaard: een week na versturen)",
    "referrals.answer_placeholder": "JJJJ-MM-DD",
    "referrals.capture_first": (
        "Leg de inhoud vast voordat u hem meldt (een schermafbeelding onder Bewijs): na een "
        "melding kan hij verdwijnen."
    ),
    "referrals.choose_channel": (
        "Kies waar u het meldt: Meldknop, Helpwanted, het platform of de politie."
    ),
    "referrals.nothing": "Er is niets veranderd: kies een status of vul in wat nieuw is.",
    "referrals.update.title": "Verwijderverzoek {id} bijwerken",
    "referrals.update.now": "Nu: {status} ({channel})",
    "referrals.detail.title": "Verwijderverzoek {id} · {channel}",
    "referrals.detail.url": "URL",
    "referrals.detail.what": "Wat",
    "referrals.detail.why": "Waarom",
    "referrals.detail.accounts": "Accounts",
    "referrals.detail.evidence": "Bewijs",
    "referrals.detail.no_evidence": (
        "Geen vastgelegd bewijs gekoppeld: leg de inhoud nu vast en koppel het (u), na een "
        "melding kan hij verdwijnen."
    ),
    "referrals.detail.sent": "Verstuurd",
    "referrals.detail.reference": "Hun kenmerk",
    "referrals.detail.follow_up": "Nakijken",
    "referrals.detail.in_agenda": "{day} (in de agenda)",
    "referrals.detail.history": "Geschiedenis",
    "referrals.detail.on": "op {day}",
    "referrals.added": (
        "Verwijderverzoek {id} vastgelegd ({status}). Druk op t voor de verzoektekst."
    ),
    "referrals.updated": "Verwijderverzoek {id}: {status}.",
    "referrals.text.title": "Verzoektekst voor verwijderverzoek {id}",
    "referrals.text.hint": (
        "Plak dit in het meldformulier van het platform of in een e-mail (EU Digital "
        "Services Act, art. 16). Uw naam en e-mailadres zijn optioneel."
    ),
    "referrals.text.lang": "Taal",
    "referrals.text.name": "Naam (optioneel)",
    "referrals.text.email": "E-mail (optioneel)",
    "referrals.text.copy": "Naar het klembord",
    "referrals.text.copied": "De verzoektekst staat op het klembord: plak hem in het formulier.",
    "police.col.kind": "Soort",
    "police.col.offence": "Strafbaar feit",
    "police.col.reported": "Gemeld",
    "police.col.victim": "Slachtoffer",
    "police.col.suspects": "Verdachten",
    "police.col.appointment": "Afspraak",
    "police.col.reference": "Kenmerk",
    "police.empty": "Nog geen aangiftes of meldingen. Druk op a om er een vast te leggen.",
    "police.route": "POLITIEROUTE:",
    "police.kind.aangifte": "aangifte",
    "police.kind.melding": "melding",
    "police.kind_short.aangifte": "aangifte",
    "police.kind_short.melding": "melding",
    "police.offence.discriminatie": "discriminatie",
    "police.offence.smaad": "smaad",
    "police.offence.laster": "laster",
    "police.offence.belediging": "belediging",
    "police.offence.bedreiging": "bedreiging",
    "police.offence.stalking": "stalking (belaging)",
    "police.offence.sexual_images": "seksuele afbeeldingen van een minderjarige",
    "police.offence.other": "anders (zeg welk)",
    "police.add.title": "Een aangifte of melding vastleggen",
    "police.update.title": "Politiedossier {id} bijwerken",
    "police.field.kind": "Soort",
    "police.field.offence": "Strafbaar feit",
    "police.field.offence_note": "Welk strafbaar feit, of meer details (nodig bij 'anders')",
    "police.field.victim": "Slachtoffer",
    "police.field.suspects": "Verdachten (hun leeftijd telt op de dag van het feit)",
    "police.field.accounts": "Betrokken accounts",
    "police.field.reported_on": "Datum van de aangifte of melding",
    "police.field.offence_on": "Datum van het feit (optioneel)",
    "police.field.appointment": "Afspraak met de politie (optioneel)",
    "police.field.reference": "Kenmerk van de politie (optioneel)",
    "police.field.export": "Bewijspakket dat erbij hoorde (optioneel)",
    "police.field.filed_by": "Gedaan door (optioneel)",
    "police.field.notes": "Notities (optioneel)",
    "police.appointment_placeholder": "JJJJ-MM-DD of JJJJ-MM-DD UU:MM",
    "police.filed_by_placeholder": "bijv. moeder van het slachtoffer",
    "police.export_option": "#{id} {kind} · {file} · {when}",
    "police.choose_kind": "Kies de soort: aangifte of melding.",
    "police.choose_offence": "Kies het strafbare feit.",
    "police.nothing": "Er is niets veranderd: vul in wat nieuw is.",
    "police.detail.title": "Politiedossier {id} · {kind} · {offence}",
    "police.detail.reported": "Gemeld op",
    "police.detail.offence_on": "Feit op",
    "police.detail.ages_on": "Leeftijden op",
    "police.detail.age_on": "{age} op {day}",
    "police.detail.victim": "Slachtoffer",
    "police.detail.suspects": "Verdachten",
    "police.detail.who_can_file": "Wie aangifte kan doen",
    "police.detail.appointment": "Afspraak",
    "police.detail.reference": "Kenmerk politie",
    "police.detail.export": "Bewijspakket",
    "police.detail.filed_by": "Gedaan door",
    "police.detail.notes": "Notities",
    "police.detail.accounts": "Accounts",
    "police.added": "Politiedossier {id} vastgelegd ({kind}).",
    "police.updated": "Politiedossier {id} bijgewerkt.",
    "case.tab.agreements": "Afspraken",
    "key.add_agreement": "Nieuwe afspraak",
    "key.add_point": "Punt toevoegen",
    "key.remove_point": "Punt weghalen",
    "key.review": "Evaluatie",
    "key.agreement_status": "Status",
    "key.save_pdf": "Formulier opslaan (pdf)",
    "agreements.col.pupil": "Leerling",
    "agreements.col.status": "Status",
    "agreements.col.agreed": "Afgesproken",
    "agreements.col.review": "Evaluatie",
    "agreements.col.points": "Punten",
    "agreements.col.parents": "Ouders",
    "agreements.empty": (
        "Nog geen smartphoneafspraken. Druk op a om er een met de ouders op te stellen."
    ),
    "agreements.status.draft": "concept",
    "agreements.status.agreed": "afgesproken",
    "agreements.status.reviewed": "geëvalueerd",
    "agreements.status.ended": "beëindigd",
    "agreements.add.title": "Smartphoneafspraken met de ouders",
    "agreements.add.hint": (
        "De punten komen uit het sjabloon van de school; zolang het een concept is, kunt u "
        "punten toevoegen of weghalen. Met een datum van afspraak is het ondertekend en "
        "liggen de punten vast."
    ),
    "agreements.field.pupil": "Leerling",
    "agreements.field.parents": "Ouders",
    "agreements.field.review": "Evaluatie op (in de agenda)",
    "agreements.field.agreed": "Afgesproken en ondertekend op (leeg: een concept)",
    "agreements.field.template": "Eigen sjabloonbestand van de school (optioneel)",
    "agreements.field.point_nl": "Het punt in het Nederlands (zoals op het formulier)",
    "agreements.field.point_en": "In het Engels (optioneel)",
    "agreements.field.point": "Punt",
    "agreements.field.reviewed_on": "Datum van de evaluatie",
    "agreements.field.outcome": "Hoe het ging, wat er verandert",
    "agreements.field.next_review": "Volgende evaluatie (optioneel)",
    "agreements.field.end": "De afspraken met deze evaluatie beëindigen",
    "agreements.field.status": "Nieuwe status",
    "agreements.field.status_on": "Op",
    "agreements.field.path": "Opslaan als",
    "agreements.parents_placeholder": "bijv. moeder en vader",
    "agreements.agreed_placeholder": "JJJJ-MM-DD, na ondertekenen",
    "agreements.template_placeholder": "leeg: het standaardsjabloon",
    "agreements.choose_pupil": "Kies de leerling voor wie de afspraken zijn.",
    "agreements.choose_point": "Kies het punt dat weg moet.",
    "agreements.choose_status": "Kies de nieuwe status: afgesproken of beëindigd.",
    "agreements.point.add_title": "Een punt toevoegen aan afspraak {id} ({pupil})",
    "agreements.point.remove_title": "Een punt weghalen uit afspraak {id} ({pupil})",
    "agreements.point.remove": "Weghalen",
    "agreements.point.hint": "Punten kunnen veranderen zolang de afspraak een concept is.",
    "agreements.review.title": "Evaluatie van afspraak {id} ({pupil})",
    "agreements.status.title": "Status van afspraak {id} ({pupil})",
    "agreements.status.now": "Nu: {status}",
    "agreements.pdf.title": "Het formulier van afspraak {id} ({pupil}) opslaan als pdf",
    "agreements.pdf.hint": (
        "Een formulier van één pagina om te printen en te ondertekenen. Er staat de "
        "voornaam van de leerling op: bewaar het veilig en verwijder het bestand na het "
        "printen."
    ),
    "agreements.pdf.file": "smartphoneafspraken-{ref}-A{id}.pdf",
    "agreements.pdf.save": "Opslaan",
    "agreements.pdf.replace": "Het bestaande bestand vervangen",
    "agreements.pdf.no_path": "Typ waar het formulier moet komen.",
    "agreements.pdf.no_dir": "De map {path} bestaat niet: kies een andere.",
    "agreements.pdf.is_dir": "{path} is een map: voeg een bestandsnaam toe, bijv. formulier.pdf.",
    "agreements.pdf.exists": (
        "{path} bestaat al: vink 'Het bestaande bestand vervangen' aan of kies een andere "
        "naam."
    ),
    "agreements.pdf.saving": "Het formulier wordt opgeslagen in {path}…",
    "agreements.pdf.saved": "Formulier opgeslagen: {path}",
    "agreements.detail.title": "Afspraak {id}",
    "agreements.detail.parents": "Ouders",
    "agreements.detail.agreed": "Afgesproken",
    "agreements.detail.not_yet": "nog niet (concept)",
    "agreements.detail.review": "Evaluatie op",
    "agreements.detail.ended": "Beëindigd",
    "agreements.detail.template": "Sjabloon: {template}",
    "agreements.detail.points": "Punten (in het Nederlands op het formulier)",
    "agreements.detail.no_points": (
        "Geen punten: voeg er minstens één toe (p) voordat het wordt afgesproken."
    ),
    "agreements.detail.reviews": "Evaluaties",
    "agreements.detail.no_reviews": "Nog geen evaluaties.",
    "agreements.detail.next": "volgende evaluatie {day}",
    "agreements.added": "Afspraak {id} voor {pupil}: {status}, {n} punten.",
    "agreements.points_now": "Afspraak {id} heeft {n} punten.",
    "agreements.reviewed": "Evaluatie vastgelegd; afspraak {id} is {status}.",
    "agreements.status_set": "Afspraak {id} is {status}.",
    "cmd.add_account": "Een online account toevoegen aan zaak {ref}",
    "cmd.add_account.help": "Een account uit de zaak vastleggen (nep, imitatie)",
    "cmd.add_referral": "Vragen om inhoud uit zaak {ref} te verwijderen",
    "cmd.add_referral.help": "Meldknop, Helpwanted, het formulier van het platform of de politie",
    "cmd.add_police": "Een aangifte of melding vastleggen voor zaak {ref}",
    "cmd.add_police.help": "Aangifte of melding, met de leeftijden van de verdachten",
    "cmd.add_agreement": "Smartphoneafspraken opstellen in zaak {ref}",
    "cmd.add_agreement.help": (
        "Afspraken met de ouders, een evaluatiedatum, een formulier om te tekenen"
    ),
    # yearly figures (issue 9 in the app)
    "stats.title": "Jaarcijfers (zonder namen)",
    "stats.year": "Jaar",
    "stats.summary": "{cases} zaak/zaken geopend in {year}",
    "stats.col.value": "Waarde",
    "stats.col.count": "Zaken",
    "stats.dim.phase_reached": "Hoogste fase bereikt",
    "stats.dim.platform": "Platform (bewijs)",
    "stats.dim.offence": "Strafbaar feit (bewijslabels)",
    "stats.dim.group": "Groep",
    "stats.dim.reported_via": "Hoe gemeld",
    "stats.dim.triage": "Triage",
    "stats.dim.outcome": "Afloop",
    "stats.dim.time_to_resolution": "Tijd tot afronding",
    "stats.dim.police_offence": "Strafbaar feit (politie)",
    "stats.dim.account_platform": "Platform (accounts)",
    "key.stats": "Cijfers",
    "cmd.stats": "Jaarcijfers",
    "cmd.stats.help": "Aantallen per jaar zonder namen; kleine aantallen verborgen",
    # --- privacy in the app (issue 6): corrections, restriction, access requests, retention
    "key.correct": "Corrigeren…",
    "correct.f.name": "Naam",
    "correct.f.born": "Geboortedatum",
    "correct.f.group": "Groep",
    "correct.f.role": "Rol in de zaak",
    "correct.f.sg_role": "Rol in de supportgroep",
    "correct.f.title": "Titel",
    "correct.f.summary": "Samenvatting",
    "correct.f.reported_by": "Gemeld door",
    "correct.f.reported_on": "Gemeld op",
    "correct.f.channel": "Gemeld via",
    "correct.f.outcome": "Afloop",
    "correct.f.description": "Beschrijving",
    "correct.f.platform": "Platform",
    "correct.f.url": "URL",
    "correct.f.captured_by": "Vastgelegd door",
    "correct.f.shown_time": "Tijd op het scherm",
    "correct.f.device": "Apparaat",
    "correct.object.people": "persoon {id}",
    "correct.object.cases": "zaak",
    "correct.object.evidence_items": "bewijs {id}",
    "correct.history": "Correcties",
    "correct.why": "reden:",
    "correct.none": "Geen correcties vastgelegd.",
    "correct.title": "Een vastgelegd gegeven corrigeren: {what}",
    "correct.what_person": "persoon {id} · {name}",
    "correct.what_case": "zaak {ref}",
    "correct.what_evidence": "bewijs {id} · {name}",
    "correct.hint": (
        "De oude waarde blijft bewaard in de geschiedenis, met wie, wanneer en waarom (recht "
        "op rectificatie)."
    ),
    "correct.field": "Gegeven",
    "correct.current": "Nu vastgelegd: {value}",
    "correct.value": "Juiste waarde",
    "correct.reason": "Reden (verplicht)",
    "correct.reason_placeholder": "waarom de vastgelegde waarde onjuist was",
    "correct.choose_value": "Kies de juiste waarde.",
    "correct.submit": "Corrigeren",
    "correct.done": "{field} gecorrigeerd: {old} → {new} (bewaard in de geschiedenis).",
    "people.roles.reason": "Reden (bewaard in de geschiedenis als een vastgelegde rol verandert)",
    "people.roles.reason_hint": "waarom de rol verandert",
    "subject.requests": "Inzageverzoeken",
    "subject.request_line": "ontvangen {received} · uiterlijk {due} beantwoorden",
    "subject.answered": "beantwoord {when}",
    "subject.open": "open",
    "key.restrict": "Afschermen…",
    "key.unrestrict": "Afscherming opheffen",
    # vault administration in the app (issue 6: users, verify, audit, backup, bundle, keys)
    "key.admin": "Beheer",
    "cmd.admin": "Beheer",
    "cmd.admin.help": (
        "Gebruikers, kluis controleren, auditlog, reservekopie, politiebundel "
        "controleren, sleutels"
    ),
    "admin.title": "Beheer",
    "admin.tab.users": "Gebruikers",
    "admin.role.coordinator": "Coördinator (alles)",
    "admin.role.ict": "ICT (accounts, bewijs)",
    "admin.role.viewer": "Meelezer (alleen lezen)",
    "admin.users.hint": (
        "Iedereen die deze kluis mag openen, elk met een eigen wachtwoordzin. Alleen een "
        "coördinator kan gebruikers toevoegen of verwijderen of de wachtwoordzin van een "
        "ander wijzigen."
    ),
    "admin.users.col.name": "Gebruiker",
    "admin.users.col.role": "Rol",
    "admin.users.col.added": "Toegevoegd",
    "admin.users.col.by": "Door",
    "admin.users.weak": (
        "De wachtwoordzinnen van {names} gebruiken sleutelafleiding die alleen voor tests "
        "bedoeld is: wijzig ze."
    ),
    "key.add_user": "Gebruiker toevoegen",
    "key.remove_user": "Gebruiker verwijderen",
    "key.passwd": "Wachtwoordzin wijzigen",
    "admin.users.add_title": "Een gebruiker toevoegen",
    "admin.users.add_submit": "Toevoegen",
    "admin.users.add_hint": (
        "De nieuwe gebruiker kiest een eigen wachtwoordzin; typ die twee keer. Vraag hem "
        "die voor zichzelf te houden."
    ),
    "admin.users.field.name": "Gebruikersnaam",
    "admin.users.field.role": "Rol",
    "admin.users.field.user": "Gebruiker",
    "admin.users.field.confirm": "Typ {name} ter bevestiging",
    "admin.users.choose_role": "Kies een rol.",
    "admin.users.choose_user": "Kies de gebruiker van wie de wachtwoordzin verandert.",
    "admin.users.remove_title": "Gebruiker {name} verwijderen",
    "admin.users.remove_submit": "Verwijderen",
    "admin.users.remove_hint": (
        "De wachtwoordzin van {name} opent de kluis dan niet meer. Kan hij of zij een "
        "kopie van de kluis hebben bewaard? Versleutel de kluis daarna opnieuw (tabblad "
        "Sleutels)."
    ),
    "admin.users.confirm_mismatch": (
        "Typ de gebruikersnaam {name} precies zo om de gebruiker te verwijderen."
    ),
    "admin.users.passwd_title": "Een wachtwoordzin wijzigen",
    "admin.users.passwd_submit": "Wijzigen",
    "admin.users.passwd_hint": (
        "De oude wachtwoordzin werkt meteen niet meer. Een coördinator mag een nieuwe "
        "wachtwoordzin instellen voor een andere gebruiker."
    ),
    "admin.users.added": "Gebruiker {name} toegevoegd.",
    "admin.users.removed": (
        "{name} verwijderd. Versleutel de kluis opnieuw (tabblad Sleutels) als hij of zij "
        "een kopie ervan kan hebben."
    ),
    "admin.users.passwd_done": "De wachtwoordzin van {name} is gewijzigd.",
    "admin.confirm.type": "Typ {word} ter bevestiging",
    "admin.confirm.mismatch": "Typ precies {word} om door te gaan.",
    "admin.tab.verify": "Controleren",
    "key.verify": "Nu controleren",
    "admin.verify.hint": (
        "Controleert de hele kluis: het sleutelbestand, elke databasepagina, de "
        "hashketen van het auditlog en de SHA-256 van elk bewijsstuk. Met veel bewijs "
        "duurt dat even; u kunt intussen doorwerken."
    ),
    "admin.verify.run": "De kluis controleren",
    "admin.verify.running": "Bezig met controleren… (elk bewijsstuk wordt opnieuw gehasht)",
    "admin.verify.none_yet": "In deze sessie nog niet gecontroleerd.",
    "admin.verify.col.result": "Uitkomst",
    "admin.verify.col.what": "Wat",
    "admin.verify.checked": "gecontroleerd",
    "admin.verify.problem": "PROBLEEM",
    "admin.verify.ok": "OK: de kluis klopt; er is niets beschadigd of gewijzigd.",
    "admin.verify.failed": (
        "MISLUKT: {n} probleem/problemen gevonden. Elke regel zegt wat er mis is en wat u "
        "kunt doen."
    ),
    "admin.verify.count.audit_entries": "{n} auditregels (hashketen)",
    "admin.verify.count.evidence_items": "{n} bewijsstukken",
    "admin.verify.count.evidence_bytes_rehashed": "{n} bytes bewijs opnieuw gehasht",
    "admin.verify.count.deletion_receipts": "{n} verwijderbewijzen",
    "admin.tab.audit": "Auditlog",
    "key.filter": "Filteren",
    "admin.audit.case": "Zaak",
    "admin.audit.case_placeholder": "bijv. 2026-001",
    "admin.audit.user": "Gebruiker",
    "admin.audit.user_placeholder": "gebruikersnaam",
    "admin.audit.apply": "Tonen",
    "admin.audit.clear": "Alles",
    "admin.audit.col.case": "Zaak",
    "admin.audit.none": "Geen auditregels gevonden.",
    "admin.audit.count": "{n} regels, nieuwste eerst.",
    "admin.audit.count_filtered": "{n} van {total} regels, nieuwste eerst.",
    "admin.audit.details_hidden": "(details alleen voor coördinatoren)",
    "admin.audit.chain_ok": (
        "Hashketen intact: alle {n} regels zijn ongewijzigd en er ontbreekt er geen."
    ),
    "admin.audit.chain_broken": (
        "Hashketen VERBROKEN ({n} probleem/problemen): {problem}. Controleer de kluis en "
        "zet een reservekopie terug."
    ),
    "admin.tab.backup": "Reservekopie",
    "admin.backup.hint": (
        "Een reservekopie is één bestand met een consistente kopie van de hele kluis, nog "
        "steeds versleuteld: veilig te maken terwijl de kluis in gebruik is. Bewaar hem "
        "apart van de herstelsleutel: samen openen ze de kluis."
    ),
    "admin.backup.field.out": "Bestand voor de reservekopie (bij een map: een naam met datum)",
    "admin.backup.run": "Reservekopie maken",
    "admin.backup.running": "Bezig met de reservekopie…",
    "admin.backup.no_path": "Typ waar de reservekopie moet komen.",
    "admin.backup.absolute": "Geef het hele pad, beginnend met / of ~.",
    "admin.backup.done": (
        "Reservekopie geschreven naar {path}\nSHA-256 van de database: {db}\n"
        "SHA-256 van het sleutelbestand: {keys}"
    ),
    "admin.backup.restore_hint": (
        "Een reservekopie terugzetten gebeurt vóór het ontgrendelen: op het scherm voor "
        "een nieuwe kluis (\"Reservekopie terugzetten\"), of met `cybercase restore "
        "BESTAND --vault NIEUWE-MAP`. Een kluis wordt nooit overschreven."
    ),
    "admin.tab.bundle": "Politiebundel",
    "admin.bundle.hint": (
        "Controleer een politiebundel (een .zip van cybercase): elk bestand, elke hash en "
        "de handtekening. Waar hij vandaan komt, kan alleen de school bevestigen: vergelijk "
        "de SHA-256 en de vingerafdruk die hier worden berekend met wat de school "
        "telefonisch voorleest."
    ),
    "admin.bundle.field.expect": (
        "Verwachte vingerafdruk van de sleutel (zoals de school die voorlas; optioneel)"
    ),
    "admin.bundle.check.lists": (
        "evidence.json, evidence.csv en de lijst in het rapport kloppen met de bestanden"
    ),
    "admin.bundle.check.key": "De sleutel is de sleutel die de school voorlas",
    "admin.bundle.computed": (
        "SHA-256 van de ZIP (berekend): {sha}\nVingerafdruk van de sleutel (berekend): "
        "{fingerprint}"
    ),
    "admin.bundle.field.path": "Bundelbestand (.zip)",
    "admin.bundle.path_placeholder": "/pad/naar/cybercase-2026-001.zip",
    "admin.bundle.field.passphrase": "Wachtwoordzin (alleen bij een versleutelde bundel)",
    "admin.bundle.run": "Bundel controleren",
    "admin.bundle.running": "Elk bestand van de bundel wordt gecontroleerd…",
    "admin.bundle.no_path": "Typ het pad van het .zip-bestand van de bundel.",
    "admin.bundle.need_pass": (
        "Deze bundel is versleuteld: typ de wachtwoordzin (vraag die aan de afzender)."
    ),
    "admin.bundle.col.file": "Bestand",
    "admin.bundle.passed": "in orde",
    "admin.bundle.check.format": "Een leesbare BagIt-bundel in één map",
    "admin.bundle.check.complete": "Compleet: elk genoemd bestand is er, niets extra",
    "admin.bundle.check.hashes": "Elke SHA-256 en SHA-512 klopt; Payload-Oxum klopt",
    "admin.bundle.check.signature": "De handtekening over het tagmanifest is geldig",
    "admin.bundle.ok": (
        "IN ORDE: compleet, elke hash klopt, handtekening geldig. Volgens de bundel: zaak "
        "{ref} van {school}, gemaakt {date}. Vergelijk de twee waarden hieronder met wat "
        "de school telefonisch voorleest."
    ),
    "admin.bundle.ok_key": (
        "IN ORDE: compleet, elke hash klopt, ondertekend met de verwachte sleutel. Zaak "
        "{ref} van {school}, gemaakt {date}."
    ),
    "admin.bundle.failed": (
        "NIET IN ORDE: {n} probleem/problemen. Vertrouw deze bundel niet; vraag de school "
        "om een nieuwe."
    ),
    "admin.tab.keys": "Sleutels",
    "admin.keys.recovery_title": "Herstelsleutel",
    "admin.keys.recovery_hint": (
        "De herstelsleutel opent de kluis als alle wachtwoordzinnen kwijt zijn. Een nieuwe "
        "wordt één keer getoond; daarna werkt de oude niet meer."
    ),
    "admin.keys.recovery_run": "Nieuwe herstelsleutel maken",
    "admin.keys.recovery_confirm": (
        "De herstelsleutel die u op papier hebt, werkt meteen niet meer. De nieuwe wordt "
        "één keer getoond: houd pen en papier klaar en berg hem veilig op."
    ),
    "admin.keys.recovery_done": (
        "Er is een nieuwe herstelsleutel gemaakt; de oude opent de kluis niet meer."
    ),
    "admin.keys.rekey_title": "Kluis opnieuw versleutelen",
    "admin.keys.rekey_hint": (
        "Geeft de kluis een nieuwe hoofdsleutel en versleutelt hem opnieuw, zodat een "
        "oude kopie van het sleutelbestand de kluis van vandaag niet meer opent. Doe dit "
        "na het verwijderen van een gebruiker die een kopie kan hebben. Alle overige "
        "wachtwoordzinnen en de herstelsleutel blijven werken. Sluit de kluis eerst in "
        "elk ander programma."
    ),
    "admin.keys.rekey_run": "Kluis opnieuw versleutelen",
    "admin.keys.rekey_confirm": (
        "De hele kluis wordt opnieuw versleuteld met een nieuwe hoofdsleutel. Dit kan "
        "niet ongedaan worden gemaakt, maar niemands wachtwoordzin verandert."
    ),
    "admin.keys.rekey_word": "VERSLEUTEL",
    "admin.keys.rekey_done": (
        "De kluis heeft nu een nieuwe hoofdsleutel; ieders wachtwoordzin werkt nog."
    ),
    "cmd.admin.users": "Gebruikers en wachtwoordzinnen",
    "cmd.admin.verify": "De kluis controleren",
    "cmd.admin.audit": "Auditlog van de hele kluis",
    "cmd.admin.backup": "Een reservekopie van de kluis maken",
    "cmd.admin.bundle": "Een politiebundel controleren",
    "cmd.admin.keys": "Herstelsleutel en opnieuw versleutelen",
    "restore.offer": "Of haal een kluis terug uit een reservekopie:",
    "restore.button": "Reservekopie terugzetten",
    "restore.title": "Een reservekopie terugzetten",
    "restore.submit": "Terugzetten",
    "restore.hint": (
        "De reservekopie wordt uitgepakt in {path} en gecontroleerd met de vastgelegde "
        "SHA-256-waarden. Een bestaande kluis wordt nooit overschreven. Ontgrendel hem "
        "daarna met een wachtwoordzin die gold toen de reservekopie werd gemaakt (of met "
        "de herstelsleutel)."
    ),
    "restore.field.source": "Bestand met de reservekopie",
    "restore.source_placeholder": "/pad/naar/cybercase-backup-2026-11-21.zip",
    "restore.no_source": "Typ het pad van het bestand met de reservekopie.",
    "restore.word": "TERUGZETTEN",
    "restore.done": (
        "De reservekopie van {when} (gemaakt door {by}) is teruggezet. Ontgrendel hem en "
        "controleer hem daarna: F3, Controleren."
    ),
    # end: vault administration
    # roles as words (header, restriction dialog)
    "role.coordinator": "anti-pestcoördinator",
    "role.ict": "ICT-coördinator",
    "role.viewer": "leest mee (directie)",
    "restrict.open": "Zichtbaar voor alle gebruikers (binnen hun rol).",
    "restrict.shown": "Afgeschermd, alleen zichtbaar voor:",
    "restrict.title": "Wie mag zaak {ref} zien",
    "restrict.submit": "Afschermen",
    "restrict.hint": (
        "Alleen de gebruikers die hier zijn aangevinkt zien deze zaak (need to know). Vink "
        "minstens één pestcoördinator aan, zodat iemand de zaak kan blijven behandelen. De "
        "wijziging wordt vastgelegd."
    ),
    "restrict.users": "Gebruikers die de zaak mogen zien",
    "restrict.user": "{name} · {role}",
    "restrict.self_warning": (
        "{user}, u bent niet aangevinkt: hierna ziet u de zaak niet meer. Een pestcoördinator"
        " kan de afscherming op het Privacy-scherm nog opheffen (vastgelegd als "
        "noodtoegang)."
    ),
    "restrict.done": "Zaak {ref} is nu alleen zichtbaar voor {users}.",
    "restrict.left": "U staat niet op de lijst, daarom is de zaak gesloten.",
    "unrestrict.title": "Afscherming van zaak {ref} opheffen",
    "unrestrict.submit": "Opheffen",
    "unrestrict.hint": (
        "Nu alleen zichtbaar voor: {users}. Na het opheffen ziet iedere gebruiker de zaak "
        "weer (binnen zijn rol). Dit wordt vastgelegd."
    ),
    "unrestrict.done": "Zaak {ref} is weer zichtbaar voor iedere gebruiker (binnen zijn rol).",
    "cmd.correct_case": "Een gegeven van de zaak corrigeren…",
    "cmd.correct_person": "Gegevens van een persoon corrigeren…",
    "cmd.correct_evidence": "Gegevens bij bewijs corrigeren…",
    "cmd.restrict": "Afschermen wie de zaak mag zien…",
    "cmd.unrestrict": "Afscherming van de zaak opheffen",
    "key.subject_request": "Inzageverzoek",
    "key.subject_export": "Inzage maken",
    "subject.request_title": "Inzageverzoek voor persoon {id} · {name}",
    "subject.register": "Registreren",
    "subject.request_hint": (
        "De ouders vragen welke gegevens de school over hun kind vastlegt. Beantwoord het "
        "verzoek binnen vier weken na ontvangst; tot dan staat het in de agenda."
    ),
    "subject.received": "Ontvangen op",
    "subject.note": "Notitie (optioneel)",
    "subject.note_hint": "wie het vroeg, en hoe",
    "subject.registered": "Inzageverzoek {id} geregistreerd: uiterlijk {due} beantwoorden.",
    "subject.file_person": "persoon",
    "subject.export_title": "Inzage voor de ouders van persoon {id} · {name}",
    "subject.export_submit": "Inzage maken",
    "subject.export_hint": (
        "Een ZIP met een leesbare pdf en dezelfde gegevens als JSON. Andere kinderen, hun "
        "ouders en accountnamen zijn afgeschermd; de rol in de supportgroep wordt nooit "
        "genoemd. Hiermee zijn de openstaande inzageverzoeken beantwoord."
    ),
    "subject.out": "Opslaan als (ZIP)",
    "subject.include": "Bewijsstukken om mee te geven (optioneel)",
    "subject.include_hint": (
        "Standaard geen: beelden kunnen andere kinderen tonen. De inzage vermeldt wat is "
        "weggelaten."
    ),
    "subject.running": "Inzage voor persoon {id} wordt gemaakt…",
    "subject.done_title": "Inzage klaar",
    "subject.done": (
        "Opgeslagen: {path}\nSHA-256 {sha}\nZaken: {cases}; {files} bewijsstuk(ken) "
        "meegegeven."
    ),
    "subject.left_out": "Weggelaten (staat in de inzage):",
    "subject.failed_title": "De inzage is mislukt",
    "cmd.subject_request": "Inzageverzoek registreren…",
    "cmd.subject_export": "Inzage voor de ouders maken…",
    "key.privacy": "Privacy",
    "cmd.privacy": "Privacy: bewaartermijn en verwijderen",
    "cmd.privacy.help": "Bewaartermijn, te verwijderen zaken, verwijderen, verwijderbewijzen",
    "key.retention": "Bewaartermijn…",
    "key.purge": "Verwijderen…",
    "key.lift_hidden": "Afscherming opheffen",
    "privacy.title": "Privacy",
    "privacy.retention": "Bewaartermijn",
    "privacy.retention_line": (
        "Gesloten zaken worden {days} dagen na het sluiten bewaard; daarna worden ze "
        "definitief verwijderd."
    ),
    "privacy.due": "Te verwijderen",
    "privacy.col.case": "Zaak",
    "privacy.col.opened": "Geopend",
    "privacy.col.closed": "Gesloten",
    "privacy.col.delete_after": "Verwijderen na",
    "privacy.col.days_past": "Dagen over",
    "privacy.none_due": "Geen gesloten zaak is over de bewaartermijn heen.",
    "privacy.receipts": "Verwijderbewijzen",
    "privacy.receipts_hint": "Wat er is verwijderd: zaaknummer, data en aantallen; geen namen.",
    "privacy.col.purged": "Verwijderd op",
    "privacy.col.by": "Door",
    "privacy.col.records": "Gegevens",
    "privacy.col.evidence": "Bewijs",
    "privacy.col.erased": "Logdetails",
    "privacy.no_receipts": "Nog niets verwijderd.",
    "privacy.hidden": "Afgeschermde zaken die u niet ziet",
    "privacy.hidden_hint": (
        "Een pestcoördinator mag de afscherming opheffen, ook als hij niet op de lijst staat "
        "(noodtoegang: wordt vastgelegd)."
    ),
    "privacy.col.restricted_to": "Zichtbaar voor",
    "privacy.retention_set": "Gesloten zaken worden nu {days} dagen na het sluiten bewaard.",
    "privacy.nothing_to_purge": (
        "Niets te verwijderen: geen gesloten zaak is over de bewaartermijn heen."
    ),
    "retention.title": "Bewaartermijn",
    "retention.hint": (
        "Hoeveel dagen een gesloten zaak na het sluiten wordt bewaard (0 tot 36500; standaard"
        " {default}, twee jaar)."
    ),
    "retention.days": "Dagen",
    "retention.outside": (
        "Kopieën buiten de kluis blijven staan: eerder gemaakte reservekopieën, geëxporteerde"
        " bundels en uitgepakte bestanden. Verwijder die zelf."
    ),
    "purge.title": "Zaken definitief verwijderen",
    "purge.submit": "Verwijderen",
    "purge.intro": "Over de bewaartermijn heen; deze worden met alle sporen verwijderd:",
    "purge.line": "zaak {ref} · gesloten {closed} · verwijderen na {after}",
    "purge.warning": (
        "Dit kan niet ongedaan worden gemaakt. Er blijft een verwijderbewijs zonder namen."
    ),
    "purge.type": "Typ {word} om te bevestigen",
    "purge.word": "VERWIJDER",
    "purge.wrong_word": (
        "Typ precies {word} (in hoofdletters) om te verwijderen; er is niets verwijderd."
    ),
    "purge.running": "{n} zaak/zaken worden verwijderd…",
    "purge.changed": (
        "De te verwijderen zaken zijn intussen veranderd; er is niets verwijderd. Bekijk de "
        "lijst opnieuw."
    ),
    "purge.done_title": "Verwijderd",
    "purge.done_line": (
        "Zaak {ref}: {rows} gegeven(s) en {evidence} bewijsstuk(ken) verwijderd; "
        "verwijderbewijs {receipt}."
    ),
    "purge.not_compacted": (
        "Een ander programma heeft de kluis open, daardoor kon het databaselogboek niet "
        "worden geleegd: sluit het en verwijder opnieuw."
    ),
    "purge.failed_title": "Het verwijderen is gestopt",
    # --- case workflow actions in the app (caseapp: triage, close, agenda, notes, ...)
    "key.triage": "Triage",
    "key.edit_case": "Zaak bewerken",
    "key.add_follow_up": "Vervolgafspraak",
    "key.close_case": "Zaak sluiten",
    "key.protocol": "Protocol",
    "cmd.triage": "Triage vastleggen",
    "cmd.edit_case": "Zaak bewerken (melding, samenvatting, groep)",
    "cmd.add_follow_up": "Vervolgafspraak in de agenda zetten",
    "cmd.close_case": "Zaak sluiten",
    "cmd.protocol": "Protocol van de zaak tonen",
    "triage.section": "Triage",
    "triage.by": "{when} door {who}",
    "triage.yes": "ja",
    "triage.no": "nee",
    "triage.unknown": "niet beoordeeld",
    "triage.title": "Triage: pesten, plagen, conflict of incident?",
    "triage.field.outcome": "Uitkomst",
    "triage.field.note": "Toelichting (optioneel): waarom",
    "triage.choose": "Kies een uitkomst: pesten, plagen, conflict of incident.",
    "triage.saved": "Triage van zaak {ref} vastgelegd.",
    "caseedit.title": "Zaak {ref} bewerken",
    "caseedit.hint": (
        "Een waarde die al was vastgelegd, blijft bewaard in de correctiegeschiedenis: geef de "
        "reden als u er een wijzigt. De titel corrigeert u met c (Corrigeren)."
    ),
    "caseedit.field.summary": "Samenvatting",
    "caseedit.field.reported_by": "Gemeld door",
    "caseedit.field.channel": "Gemeld via",
    "caseedit.field.reported_on": "Gemeld op (JJJJ-MM-DD)",
    "caseedit.field.group": "Groep / klas",
    "caseedit.field.reason": "Reden van de wijziging",
    "caseedit.reason_placeholder": "verplicht als u een vastgelegde waarde wijzigt",
    "caseedit.nothing": "Er is niets gewijzigd: pas een veld aan, of kies Annuleren.",
    "caseedit.saved": "Zaak {ref} bijgewerkt.",
    "close.title": "Zaak {ref} sluiten",
    "close.submit": "Zaak sluiten",
    "close.hint": (
        "Een gesloten zaak kan niet meer worden gewijzigd en niet worden heropend. De "
        "bewaartermijn gaat vandaag in."
    ),
    "close.field.outcome": "Uitkomst: hoe is het afgelopen?",
    "close.field.confirm": "Typ het zaaknummer {ref} ter bevestiging",
    "close.confirm_mismatch": "Typ precies het zaaknummer {ref} om de zaak te sluiten.",
    "close.done": "Zaak {ref} is gesloten.",
    "followup.section": "Te doen in deze zaak",
    "followup.none": "Niets te doen in deze zaak.",
    "followup.title": "Vervolgafspraak voor zaak {ref}",
    "followup.field.kind": "Soort",
    "followup.field.due": "Uiterlijk op (JJJJ-MM-DD)",
    "followup.field.what": "Wat moet er gebeuren",
    "followup.kind.followup": "Vervolgafspraak",
    "followup.kind.monitoring": "Monitoring",
    "followup.added": "In de agenda gezet: {due} {what}",
    "protocol.title": "Protocol van zaak {ref}",
    "protocol.hint": (
        "Alleen lezen. Een ander protocol voor nieuwe zaken installeert u met `cybercase "
        "protocol use`; een zaak houdt het protocol waarmee ze werd geopend."
    ),
    "protocol.version": "{id}, versie {version}",
    "protocol.phases": "Fasen",
    "protocol.current": "(deze zaak)",
    "protocol.escalate": "Opschalen als: {when}",
    "protocol.steps": "Stappen van de supportgroep",
    "protocol.checklist": "Checklist",
    "protocol.stored": "Protocollen in deze kluis",
    "protocol.stored_none": "Geen opgeslagen: nieuwe zaken volgen het ingebouwde protocol.",
    "protocol.stored_row": "{row}. {id} {version} ({source}), {when} door {who}",
    "protocol.for_new_cases": "(nieuwe zaken)",
    "key.agenda_done": "Afgehandeld",
    "agenda.done.title": "Als afgehandeld markeren?",
    "agenda.done.submit": "Afgehandeld",
    "agenda.done.hint": (
        "Het verdwijnt uit de agenda; de tijdlijn van de zaak bewaart wanneer en door wie."
    ),
    "agenda.done.done": "Als afgehandeld gemarkeerd.",
    "agenda.not_markable": (
        "Alleen vervolgafspraken en evaluaties markeert u hier als afgehandeld. Dit punt "
        "volgt uit de zaak (een verwijderverzoek, een smartphone-afspraak, een afspraak "
        "met de politie, een inzageverzoek) en verdwijnt als dat in de zaak is "
        "afgehandeld: Enter opent de zaak."
    ),
    "key.school_note": "Notitie",
    "key.link_parent": "Ouder koppelen",
    "cmd.school_note": "Notitie voor het leerlingvolgsysteem van de gekozen leerling",
    "cmd.link_parent": "Ouder aan een leerling koppelen",
    "notes.title": "Notitie voor het leerlingvolgsysteem: {name}",
    "notes.hint": (
        "Om in de leerlingadministratie te plakken. Ouders kunnen die in het ouderportaal "
        "lezen, dus er staat geen ander kind in en geen rol in de supportgroep. Tonen "
        "verandert niets."
    ),
    "notes.lang": "Taal",
    "notes.category": "Categorie in de leerlingadministratie",
    "notes.copy": "Kopiëren",
    "notes.copied": "De notitie staat op het klembord.",
    "people.links.parents": "Ouders van {name}",
    "people.links.children": "{name} is ouder van",
    "people.links.none": "niemand gekoppeld (l koppelt)",
    "people.link.title": "Ouder aan een leerling koppelen",
    "people.link.hint": "Beiden moeten betrokkenen in deze zaak zijn.",
    "people.link.parent": "Ouder / verzorger",
    "people.link.pupil": "Leerling",
    "people.link.choose": "Kies een ouder en een leerling.",
    "people.linked": "{parent} is gekoppeld als ouder van {pupil}.",
    "key.save_original": "Origineel opslaan",
    "key.minor_reports": "Meldingen",
    "cmd.save_original": "Origineel van het gekozen bewijs opslaan als…",
    "cmd.minor_reports": (
        "Beschrijvingen van seksuele afbeeldingen van een minderjarige (geen bestanden)"
    ),
    "save.title": "Origineel van #{id} {name} opslaan",
    "save.hint": (
        "Het origineel wordt byte voor byte geschreven en gecontroleerd tegen de SHA-256; het "
        "logboek legt vast wie het opsloeg, wanneer en waar. Buiten de kluis is het "
        "bestand niet versleuteld: bewaar het veilig en verwijder het als het niet meer nodig "
        "is."
    ),
    "save.field.path": "Opslaan als (een nieuw bestand)",
    "save.submit": "Opslaan",
    "save.no_path": "Typ het pad van het nieuwe bestand.",
    "save.no_dir": "De map {path} bestaat niet: kies een bestaande map.",
    "save.exists": "{path} bestaat al: kies een nieuwe bestandsnaam (er wordt niets overschreven).",
    "save.busy": "Het origineel wordt opgeslagen in {path}…",
    "save.done": "Bewijs {id} opgeslagen in {path} (SHA-256 {sha} gecontroleerd).",
    "minor.list.key": "M toont ze.",
    "minor.list.title": (
        "Seksuele afbeeldingen van een minderjarige in zaak {ref}: alleen beschrijvingen"
    ),
    "minor.list.hint": "Hiervan is geen bestand bewaard; alleen wat werd beschreven.",
    "minor.list.col.recorded": "Vastgelegd",
    "minor.list.empty": "Geen beschrijvingen vastgelegd.",
    "minor.list.recorded": "Vastgelegd",
    "key.find_account": "Account zoeken",
    "cmd.find_account": "Account zoeken in alle zaken",
    "cmd.find_account.help": (
        "Welke zaken kennen deze gebruikersnaam, dit e-mailadres of dit telefoonnummer"
    ),
    "findacc.title": "Welke zaken kennen dit account?",
    "findacc.hint": (
        "Een gebruikersnaam, e-mailadres of telefoonnummer; het wordt gevonden hoe het ook "
        "geschreven is (met of zonder @, hoofdletters, 06- of +316). Alleen zaken die u mag "
        "zien worden doorzocht."
    ),
    "findacc.field.value": "Gebruikersnaam, e-mailadres of telefoonnummer",
    "findacc.search": "Zoeken",
    "findacc.col.case": "Zaak",
    "findacc.none": (
        "Geen account gevonden met deze gebruikersnaam, dit e-mailadres of dit telefoonnummer."
    ),
    "findacc.count": "{n} account(s) in {cases} zaak/zaken. Enter opent de zaak.",
    "search.kind.account": "account",
    # footer labels (the footer is one line; help and palette use the full text)
    "key.change_phase.short": "Fase",
    "key.edit_case.short": "Bewerken",
    "key.add_follow_up.short": "Vervolg",
    "key.add_person.short": "Toevoegen",
    "key.change_role.short": "Rol",
    "key.school_note.short": "Notitie",
    "key.add_informed.short": "Toevoegen",
    "key.add_meeting.short": "Bijeenkomst",
    "key.set_status.short": "Status",
    "key.ingest.short": "Toevoegen",
    "key.preview.short": "Tonen",
    "key.minor_report.short": "Seksueel beeld",
    "key.add_account.short": "Toevoegen",
    "key.attribute.short": "Wie erachter",
    "key.find_account.short": "Zoeken",
    "key.add_referral.short": "Toevoegen",
    "key.update_referral.short": "Bijwerken",
    "key.request_text.short": "Tekst",
    "key.add_police.short": "Vastleggen",
    "key.update_police.short": "Bijwerken",
    "key.add_agreement.short": "Nieuw",
    "key.add_point.short": "Punt",
    "key.review.short": "Evaluatie",
    "key.save_pdf.short": "Pdf",
    "key.new_case.short": "Nieuwe zaak",
    "key.settings.short": "Instellingen",
    "key.lock.short": "Op slot",
    "key.add_user.short": "Toevoegen",
    "key.passwd.short": "Wachtwoordzin",
    "key.lift_hidden.short": "Opheffen",
    "key.export.short": "Export",
    # administration: the protocol section
    "admin.tab.protocol": "Protocol",
    "admin.tab.exports": "Gemaakte bundels",
    "cmd.admin.exports": "Gemaakte politiebundels (SHA-256 en sleutel om voor te lezen)",
    "admin.exports.hint": (
        "Alle politiebundels die deze kluis maakte. Belt de politie om er een te "
        "controleren, lees dan hier de SHA-256 en de vingerafdruk van de sleutel voor (het "
        "overdrachtsformulier noemt dezelfde waarden)."
    ),
    "admin.exports.col.id": "Nr.",
    "admin.exports.col.case": "Zaak",
    "admin.exports.col.when": "Gemaakt",
    "admin.exports.col.file": "Bestand",
    "admin.exports.empty": "Nog geen politiebundels gemaakt.",
    "admin.exports.detail": (
        "Export {id} van zaak {case}, gemaakt {when} door {by}: {file} ({items} item(s)"
        "{enc})\nSHA-256 van de ZIP:  {sha}\nVingerafdruk van de sleutel:  {fingerprint}\n"
        "Overdrachtsformulier: {handover}"
    ),
    "admin.exports.encrypted": ", versleuteld",
    "cmd.admin.protocol": "Het protocol van de school (controleren, gebruiken, sjabloon)",
    "admin.protocol.hint": (
        "Nieuwe zaken lopen volgens het huidige protocol (●); een zaak houdt het protocol "
        "waarmee ze geopend is. Aanpassen: schrijf het standaardprotocol naar een bestand, "
        "bewerk het, controleer het en neem het in gebruik."
    ),
    "admin.protocol.col.current": "Nu",
    "admin.protocol.col.id": "Protocol",
    "admin.protocol.col.version": "Versie",
    "admin.protocol.col.added": "Toegevoegd",
    "admin.protocol.col.by": "Door",
    "admin.protocol.field.path": "Protocolbestand (volledig pad)",
    "admin.protocol.path_placeholder": "/home/…/protocol.toml",
    "admin.protocol.check": "Controleren",
    "admin.protocol.use": "Gebruiken voor nieuwe zaken",
    "admin.protocol.template": "Standaard naar dit bestand schrijven",
    "admin.protocol.valid": "Geldig: {id} {version} (SHA-256 {sha256}).",
    "admin.protocol.used": "Nieuwe zaken lopen nu volgens {id} {version} (SHA-256 {sha256}).",
    "admin.protocol.written": "Geschreven. Bewerk het bestand en controleer het daarna hier.",
    "admin.protocol.exists": (
        "Dat bestand bestaat al: kies een andere naam (er is niets geschreven)."
    ),
    "admin.protocol.no_path": "Typ het volledige pad van het protocolbestand.",
}


def _add_core(into: dict[str, str], language: str) -> None:
    from cybercase.catalogue import merged

    for key, text in merged(language).items():
        if key in into:
            raise RuntimeError(f"message key {key!r} is defined twice")
        into[key] = text


_add_core(_EN, "EN")
_add_core(_NL, "NL")

CATALOGUES: Mapping[str, Mapping[str, str]] = {"en": _EN, "nl": _NL}

_current: list[str] = []  # process-wide choice; set_language replaces it


def language_from_locale(environ: Mapping[str, str] | None = None,
                         system: str | None = None) -> str:
    """The language the locale asks for (``nl_NL.UTF-8`` -> ``nl``), else English.

    The ``LANG``-style variables first; where none is set (Windows sets none, a Mac app
    started from the Dock neither) the system's setting: ``system`` when given, else, for
    the real environment, what :func:`oslayer.system_locale` reads (``nl-NL``, ``nl_NL``).
    """
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if not value or value in ("C", "POSIX") or value.startswith("C."):
            continue
        return _code(value)
    if system is None and environ is None:
        from cybercase.core import oslayer

        system = oslayer.system_locale()
    return _code(system) if system else DEFAULT


def _code(value: str) -> str:
    code = value.split(":")[0].split(".")[0].replace("-", "_").split("_")[0].lower()
    return code if code in CATALOGUES else DEFAULT


def get_language() -> str:
    if not _current:
        _current.append(language_from_locale())
    return _current[0]


def set_language(code: str) -> None:
    if code not in CATALOGUES:
        raise ValueError(f"unknown language {code!r}: choose one of {', '.join(CATALOGUES)}")
    _current[:] = [code]


def _render(language: str, key: str, kw: Mapping[str, object]) -> str:
    template = CATALOGUES[language].get(key) or _EN.get(key)
    if template is None:
        return key
    if not kw:
        return template
    try:
        return template.format(**kw)
    except (KeyError, IndexError, ValueError):
        return template


def t(key: str, **kw: object) -> str:
    """The message ``key`` in the current language, with ``kw`` filled in.

    A value that is itself a :class:`Msg` is shown in the current language too.
    """
    return _render(get_language(), key,
                   {k: safe(localize(v), multiline=True) for k, v in kw.items()})


class Msg(str):
    """A core message: the English text as a ``str``, plus its key and values.

    Everything that treats it as a string (the CLI, ``json``, ``==``) sees English.
    :func:`localize` renders it again in the current language. Values may be Msg too
    (a phase name inside a sentence); they follow the language of the outer message.
    """

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Msg:
        obj = super().__new__(cls, _render("en", key, params))
        obj.key = key
        obj.params = params
        return obj

    def localized(self, language: str | None = None) -> str:
        code = language or get_language()
        values = {k: _shown(v, code) for k, v in self.params.items()}
        return _render(code, self.key, values)

    def __reduce__(self) -> tuple[object, ...]:  # pickles as a plain string
        return (str, (str(self),))


def _shown(value: object, language: str) -> object:
    """A message's value for the screen: numbers as they are (``{mp:.0f}``), text escaped."""
    if isinstance(value, Msg):
        return value.localized(language)
    if isinstance(value, (int, float)):
        return value
    return safe(value, multiline=True)


def msg(key: str, **params: object) -> Msg:
    """A core message by key (see :mod:`cybercase.catalogue`), English unless localized."""
    return Msg(key, **params)


def localize(value: object) -> str:
    """``value`` for the screen: a :class:`Msg` in the current language, anything else as is.

    Lists of Msg joined by the core (``"; ".join(...)``) lose their keys; join after
    localizing instead.
    """
    if isinstance(value, Msg):
        return value.localized()
    return str(value)


__all__ = ["CATALOGUES", "LANGUAGES", "Msg", "get_language", "language_from_locale",
           "localize", "msg", "set_language", "t"]
