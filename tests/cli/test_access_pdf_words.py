"""The access-export PDF speaks Dutch to a parent: its access log shows Dutch moments and
the audit actions in words, never an ISO timestamp or a code such as ``person.add``
(issue 19; real CLI, real vault, text read back with pypdf)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from cybercase.core.timeutil import local_today

CODE = re.compile(r"\b[a-z]+(?:_[a-z]+)*\.[a-z_]+\b")  # person.add, subject.export, ...
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
         "|december")


def test_access_log_in_dutch_words(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref = cli.json("case", "new", "--title", "Groepsapp 6a")["ref"]
    lisa = cli.json("person", "add", ref, "Lisa de Vries", "--kind", "pupil", "--role",
                    "bullied")["id"]
    eva = cli.json("person", "add", ref, "Eva de Vries", "--kind", "parent")["id"]
    cli.ok("person", "link", str(eva), str(lisa))
    received = (local_today() - timedelta(days=3)).isoformat()
    cli.json("subject-request", str(lisa), "--received", received)
    out = tmp_path / "inzage.zip"
    cli.json("subject-export", str(lisa), "--out", str(out))
    with zipfile.ZipFile(out) as zf:
        pdf = PdfReader(io.BytesIO(zf.read("inzage.pdf")))
        text = "\n".join(page.extract_text() for page in pdf.pages)
    log = text[text.index("Inzage"):]  # everything after the title
    assert "persoon toegevoegd" in text and "inzageverzoek" in text, text
    assert CODE.findall(log) == [], CODE.findall(log)
    assert ISO.findall(text) == [], ISO.findall(text)
    # the moments are written the Dutch way: "3 december 2026, 08:43"
    assert re.search(rf"\b\d{{1,2}} ({MONTH}) \d{{4}}, \d{{2}}:\d{{2}}\b", text), text
