"""Near-duplicates: an image that looks like an earlier one (cybercase.evidence.imaging
``near_distance``: the 1024-bit fine hashes within ``FINE_NEAR_BITS``, or for items stored
before the fine hash dHash and aHash both within ``NEAR_BITS``) is reported as "looks
like item N in case X" (a forwarded, recompressed copy). See docs/evidence.md for how the
threshold was measured on chat screenshots."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from cybercase.evidence import imaging

NEAR_BITS = 10  # the old rule, for items without a fine hash: dHash and aHash both within
MAX_NEAR = 5


def near_distance(a: dict[str, Any], b: dict[str, Any]) -> int | None:
    """How far apart two images are (their hashes as ``{"dhash", "ahash", "fhash"}``),
    or None when they do not look alike: the fine hashes when both have one, else the
    old rule on dHash and aHash."""
    if a.get("fhash") and b.get("fhash"):
        distance = imaging.hamming(a["fhash"], b["fhash"])
        return distance if distance <= imaging.FINE_NEAR_BITS else None
    if not (a.get("dhash") and a.get("ahash") and b.get("dhash") and b.get("ahash")):
        return None
    distance = max(imaging.hamming(a["dhash"], b["dhash"]), imaging.hamming(a["ahash"], b["ahash"]))
    return distance if distance <= NEAR_BITS else None


def looks_alike(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return near_distance(a, b) is not None


def near_items(
    known: Iterable[tuple[int, str, dict[str, Any], str]], hidden_refs: Collection[str],
    info: imaging.ImageInfo | None, sha256: str,
) -> tuple[list[dict[str, Any]], bool]:
    """Similar items (``known``: id, case, hashes ``{"dhash", "ahash", "fhash"}``, SHA-256)
    in cases this user may see, and whether a case hidden from them (``hidden_refs``) has
    one."""
    if info is None or not info.dhash or not info.ahash:
        return [], False
    found = []
    hidden = False
    hashes = info.to_json()
    for item_id, ref, known_hashes, sha in known:
        if sha == sha256:
            continue  # exact copies are reported as duplicate / also_in
        distance = near_distance(known_hashes, hashes)
        if distance is None:
            continue
        if ref in hidden_refs:
            hidden = True
        else:
            found.append({"id": item_id, "case": ref, "distance": distance})
    found.sort(key=lambda f: (f["distance"], f["id"]))
    return found[:MAX_NEAR], hidden
