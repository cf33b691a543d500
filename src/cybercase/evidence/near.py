"""Near-duplicates: an image within ``NEAR_BITS`` (dHash and aHash both) of an earlier one
is reported as "looks like item N in case X" (a forwarded, recompressed copy)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from cybercase.evidence import imaging

NEAR_BITS = 10  # dHash and aHash both within this many bits: "looks like"
MAX_NEAR = 5


def near_items(
    known: Iterable[tuple[int, str, str, str, str]], hidden_refs: Collection[str],
    info: imaging.ImageInfo | None, sha256: str,
) -> tuple[list[dict[str, Any]], bool]:
    """Similar items (``known``: id, case, dHash, aHash, SHA-256) in cases this user may
    see, and whether a case hidden from them (``hidden_refs``) has one."""
    if info is None or not info.dhash or not info.ahash:
        return [], False
    found = []
    hidden = False
    for item_id, ref, dh, ah, sha in known:
        if sha == sha256:
            continue  # exact copies are reported as duplicate / also_in
        dd = imaging.hamming(dh, info.dhash)
        if dd > NEAR_BITS:
            continue
        da = imaging.hamming(ah, info.ahash)
        if da > NEAR_BITS:
            continue
        if ref in hidden_refs:
            hidden = True
        else:
            found.append({"id": item_id, "case": ref, "distance": max(dd, da)})
    found.sort(key=lambda f: (f["distance"], f["id"]))
    return found[:MAX_NEAR], hidden
