"""Measured facts of photos and videos beyond the image columns (issue #17, item 5).

``evidence_items.media`` is a JSON object (NULL when nothing was measured): for a photo
the EXIF time's offset (``OffsetTimeOriginal``), make, model and orientation tag; for a
video its duration, creation time (with the basis of its zone), codecs, frame size and
rate, the reader that measured them, or a note when no video reader was available.
Measured by cybercase at ingest, never stated by a person; the original is unchanged.
"""

SQL = """
ALTER TABLE evidence_items ADD COLUMN media TEXT;
"""
