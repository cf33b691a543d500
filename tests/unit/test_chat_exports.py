"""Chat exports through a real ingest into a real vault: an iOS ZIP with a Pillow-made
photo, hostile ZIPs (path escapes, links, duplicates, a bomb), a streamed big ZIP, the
audit, verify and the purge."""

from __future__ import annotations

import io
import os
import stat
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.cases import close_case, create_case
from cybercase.evidence.chat import chat_summary, list_messages, zipread
from cybercase.evidence.ingest import ingest
from cybercase.evidence.items import get_item
from cybercase.privacy import retention
from cybercase.vault import Vault
from cybercase.views.verify import verify_vault

LRM = "\u200e"
PHOTO = "00000003-PHOTO-2024-01-13-18-48-00.jpg"
CHAT = (
    f"[13-01-2024, 18:47:25] Groep 7B Chill: {LRM}Berichten en gesprekken worden end-to-end "
    "versleuteld. Niemand buiten deze chat kan ze lezen of beluisteren, zelfs WhatsApp niet."
    "\r\n"
    f"[13-01-2024, 18:47:30] Groep 7B Chill: {LRM}Juf Anja heeft Daan toegevoegd\r\n"
    "[13-01-2024, 18:47:59] Daan: kijk wat ik heb\r\n"
    f"{LRM}[13-01-2024, 18:48:00] Daan: {LRM}<bijgevoegd: {PHOTO}>\r\n"
    "[13-01-2024, 18:49:01] Sanne 🦄: haha\r\nnog een regel\r\n"
)


def jpeg() -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", (64, 48), (200, 30, 30))
    img.paste((255, 255, 255), (8, 8, 30, 30))
    img.save(buf, "JPEG")
    return buf.getvalue()


def export_zip(path: Path, extra: dict[str, bytes] | None = None, chat: str = CHAT) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", chat.encode("utf-8"))
        zf.writestr(PHOTO, jpeg())
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def test_an_ios_zip_becomes_messages_and_its_photo_an_item(vault: Vault,
                                                          tmp_path: Path) -> None:
    ref = create_case(vault, "Groep 7B").ref
    path = export_zip(tmp_path / "WhatsApp Chat - Groep 7B.zip")
    [result] = ingest(vault, ref, [str(path)])
    assert result.status == "stored", result.to_json()
    assert result.sha256 is not None and result.id is not None
    export = get_item(vault, result.id)
    assert export.mime == "application/zip" and export.size == path.stat().st_size
    chat = result.chat
    assert chat is not None
    assert (chat["messages"], chat["notices"], chat["participants"]) == (3, 2, 2)
    [media] = chat["media"]
    photo = get_item(vault, media["id"])
    assert photo.original_name == PHOTO and photo.mime == "image/jpeg"
    assert photo.image is not None and photo.image["width"] == 64
    assert photo.source_path == f"from chat export item {export.id}: {PHOTO}"
    summary, messages = list_messages(vault, export.id)
    assert summary.member == "_chat.txt" and summary.date_order == "dmy"
    linked = [m for m in messages if m.media]
    assert [(m.n, m.media, m.media_item) for m in linked] == [(4, PHOTO, photo.id)]
    assert messages[4].text == "haha\nnog een regel"
    assert messages[0].system and messages[0].sender == "Groep 7B Chill"
    assert summary.first == "2024-01-13T18:47:59+01:00"
    assert summary.last == "2024-01-13T18:49:01+01:00"
    actions = [r[0] for r in vault.conn.execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-4:] == ["evidence.ingest", "evidence.ingest", "evidence.chat_import",
                            "evidence.messages"]
    assert chat_summary(vault, photo.id) is None
    assert verify_vault(vault).ok
    # the same export again is a duplicate: nothing read twice
    [again] = ingest(vault, ref, [str(path)])
    assert again.status == "duplicate" and again.chat is None


def test_a_hostile_zip_unpacks_only_what_is_safe(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "hostile").ref
    path = export_zip(tmp_path / "WhatsApp Chat - x.zip", {
        "../../escape.jpg": b"evil", "/etc/abs.jpg": b"evil", "C:\\win.jpg": b"evil",
        "sub/../../up.jpg": b"evil",
    })
    with zipfile.ZipFile(path, "a") as zf:
        link = zipfile.ZipInfo("link.jpg")
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(link, "/etc/passwd")
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr(PHOTO, b"a second photo with the same name")
    [result] = ingest(vault, ref, [str(path)])
    assert result.status == "flagged" and result.chat is not None
    flags = "\n".join(result.flags)
    for name in ("../../escape.jpg", "/etc/abs.jpg", "C:\\win.jpg", "sub/../../up.jpg"):
        assert f"{name!r} in the chat export ZIP has a name that points outside" in flags, name
    assert "'link.jpg' in the chat export ZIP is a symbolic link" in flags
    assert f"second file named {PHOTO!r}: only the first was unpacked" in flags
    [media] = result.chat["media"]  # only the real photo became an item
    assert get_item(vault, media["id"]).image is not None
    assert result.chat["messages"] == 3
    assert not list(tmp_path.parent.rglob("escape.jpg")) and not (tmp_path / "up.jpg").exists()


def test_a_zip_bomb_fails_in_one_line_and_the_zip_is_still_stored(
    vault: Vault, tmp_path: Path,
) -> None:
    ref = create_case(vault, "bomb").ref
    path = tmp_path / "WhatsApp Chat - bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("_chat.txt", CHAT.encode())
        with zf.open("00000009-VIDEO.mp4", "w", force_zip64=True) as fh:
            zeros = bytes(1024 * 1024)
            for _ in range(64):
                fh.write(zeros)
    assert path.stat().st_size < 1024 * 1024
    [result] = ingest(vault, ref, [str(path)])
    assert result.status == "flagged"
    assert len(result.flags) == 1 and "\n" not in result.flags[0]
    assert "'00000009-VIDEO.mp4' is a ZIP bomb" in result.flags[0]
    assert "the ZIP is stored as it came" in result.flags[0]
    assert result.id is not None and get_item(vault, result.id).size == path.stat().st_size
    assert chat_summary(vault, result.id) is None  # not read: no half import
    assert result.chat == {"refused": result.flags[0]}
    count = vault.conn.execute("SELECT count(*) FROM evidence_items").fetchone()[0]
    assert count == 1


def test_too_many_members_is_refused_before_anything_is_read(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(zipread, "MAX_MEMBERS", 3)
    ref = create_case(vault, "many").ref
    path = export_zip(tmp_path / "WhatsApp Chat - many.zip",
                      {f"f{i}.jpg": b"x" for i in range(3)})
    [result] = ingest(vault, ref, [str(path)])
    assert result.flags == ["chat export ZIP not unpacked: it holds 5 files, more than the "
                            "limit of 3; the ZIP is stored as it came"]
    other = tmp_path / "photos.zip"
    other.write_bytes(path.read_bytes())
    [plain] = ingest(vault, create_case(vault, "other").ref, [str(other)])
    assert plain.status == "stored" and plain.chat is None and plain.flags == []


def test_a_big_zip_is_read_from_the_vault_in_chunks(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "big").ref
    video = os.urandom(34 * 1024 * 1024)  # bigger than what is read into memory at once
    chat = CHAT + "[13-01-2024, 18:50:00] Daan: \u200e<bijgevoegd: 00000004-VIDEO.mp4>\r\n"
    path = tmp_path / "WhatsApp Chat - big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("_chat.txt", chat.encode())
        zf.writestr(PHOTO, jpeg())
        zf.writestr("00000004-VIDEO.mp4", video)
    [result] = ingest(vault, ref, [str(path)])
    assert result.status == "stored", result.flags
    assert result.chat is not None and result.chat["messages"] == 4
    ids = {m["name"]: m["id"] for m in result.chat["media"]}
    big = get_item(vault, ids["00000004-VIDEO.mp4"])
    assert big.size == len(video)
    import hashlib
    assert big.sha256 == hashlib.sha256(video).hexdigest()
    staging = vault.conn.execute(
        "SELECT count(*) FROM blobs WHERE sha256 LIKE 'staging:%'").fetchone()[0]
    assert staging == 0
    assert verify_vault(vault).ok


def test_missing_and_left_over_media_are_flagged(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "media").ref
    chat = CHAT + "[13-01-2024, 18:50:00] Daan: \u200e<bijgevoegd: 00000005-GONE.jpg>\r\n"
    path = export_zip(tmp_path / "x.zip", {"00000006-EXTRA.opus": b"OggS extra"}, chat=chat)
    [result] = ingest(vault, ref, [str(path)])
    assert "1 file the chat refers to is not in the ZIP: 00000005-GONE.jpg" in result.flags
    assert "1 file in the ZIP is not mentioned in the chat: 00000006-EXTRA.opus" in \
        result.flags
    assert result.chat is not None and len(result.chat["media"]) == 2


def test_a_plain_zip_or_text_stays_an_opaque_item(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "plain").ref
    plain = tmp_path / "photos.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("notes.md", "# not a chat")
        zf.writestr("a.jpg", jpeg())
    note = tmp_path / "note.txt"
    note.write_text("12:01 you are nothing\n" * 5)
    results = ingest(vault, ref, [str(plain), str(note)])
    assert [r.chat for r in results] == [None, None]
    assert vault.conn.execute("SELECT count(*) FROM evidence_items").fetchone()[0] == 2


def test_the_purge_removes_messages_and_media_items_with_the_case(
    vault: Vault, tmp_path: Path,
) -> None:
    gone = create_case(vault, "to purge")
    ingest(vault, gone.ref, [str(export_zip(tmp_path / "x.zip"))])
    close_case(vault, gone.ref, "solved")
    retention.set_retention(vault, 0)
    counts = retention.purge(vault, yes=True).receipts[0].counts
    assert counts["chat_messages"] == 5 and counts["chat_exports"] == 1
    assert counts["chat_media"] == 1 and counts["evidence_items"] == 2
    for table in ("chat_messages", "chat_exports", "chat_media", "evidence_items", "blobs"):
        assert vault.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    assert verify_vault(vault).ok


def test_android_media_beside_the_text_are_linked(vault: Vault, tmp_path: Path) -> None:
    ref = create_case(vault, "android").ref
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "IMG-20261120-WA0001.jpg").write_bytes(jpeg())
    (folder / "WhatsApp-chat met Daan.txt").write_text(
        "20-11-2026 14:32 - Daan: IMG-20261120-WA0001.jpg (bestand bijgevoegd)\nkijk dan\n"
        "20-11-2026 14:33 - Daan: IMG-20261120-WA0002.jpg (bestand bijgevoegd)\n",
        encoding="utf-8")
    photo, chat = ingest(vault, ref, [str(folder)])
    assert photo.chat is None and chat.chat is not None and chat.id is not None
    _summary, messages = list_messages(vault, chat.id)
    assert [(m.media, m.media_item) for m in messages] == [
        ("IMG-20261120-WA0001.jpg", photo.id), ("IMG-20261120-WA0002.jpg", None)]
    assert messages[0].text == "IMG-20261120-WA0001.jpg (bestand bijgevoegd)\nkijk dan"


def test_a_damaged_photo_in_the_zip_is_listed_and_the_rest_is_read(
    vault: Vault, tmp_path: Path,
) -> None:
    ref = create_case(vault, "damaged").ref
    path = tmp_path / "x.zip"
    photo = jpeg()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("_chat.txt", CHAT.encode())
        zf.writestr(PHOTO, photo)
    raw = bytearray(path.read_bytes())
    at = raw.index(photo[100:120]) + 5
    raw[at] ^= 0xFF  # the CRC no longer matches
    path.write_bytes(bytes(raw))
    [result] = ingest(vault, ref, [str(path)])
    assert result.chat is not None and result.chat["messages"] == 3
    [media] = result.chat["media"]
    assert media["status"] == "unreadable" and media["id"] is None
    assert media["reason"] == (f"file {PHOTO!r} in the chat export ZIP cannot be read "
                               "(damaged); the ZIP is stored as it came")  # no Python text
    assert result.id is not None
    summary, messages = list_messages(vault, result.id)
    assert summary.problems == [media["reason"]]
    assert [m.media_item for m in messages if m.media] == [None]
    assert vault.conn.execute("SELECT count(*) FROM evidence_items").fetchone()[0] == 1


def test_a_directory_declaring_too_many_files_is_never_parsed(vault: Vault,
                                                              tmp_path: Path) -> None:
    ref = create_case(vault, "declared").ref
    raw = bytearray(export_zip(tmp_path / "a.zip").read_bytes())
    end = raw.rindex(b"PK\x05\x06")
    declared = zipread.directory_size(io.BytesIO(bytes(raw)))
    assert declared is not None and declared[0] == 2
    raw[end + 8:end + 12] = (60000).to_bytes(2, "little") * 2  # entries on disk and in all
    path = tmp_path / "WhatsApp Chat - declared.zip"
    path.write_bytes(bytes(raw))
    [result] = ingest(vault, ref, [str(path)])
    assert result.flags == ["chat export ZIP not unpacked: it holds 60000 files, more than "
                            "the limit of 20000; the ZIP is stored as it came"]


def test_contradicting_dates_are_flagged_and_no_order_fits(vault: Vault,
                                                           tmp_path: Path) -> None:
    from cybercase.core.errors import UsageError
    from cybercase.evidence.chat import set_date_order

    ref = create_case(vault, "conflict").ref
    path = tmp_path / "chat.txt"
    path.write_text("13/02/26, 10:00 - Daan: a\n02/13/26, 10:00 - Sem: b\n", encoding="utf-8")
    [result] = ingest(vault, ref, [str(path)])
    assert result.status == "flagged" and result.id is not None
    assert any("contradict each other" in f for f in result.flags)
    assert result.chat is not None and result.chat["date_order_basis"] == "conflict"
    for order in ("dmy", "mdy"):
        with pytest.raises(UsageError, match=f"are not real dates in the order {order}"):
            set_date_order(vault, result.id, order)
