"""Catalogue entries of the media branch (HEIC photos, videos): tools/po_add.py."""

ENTRIES = [
    # image flags: no Python error text (it reached the police report); the key says it
    ("evidence.flag.bomb",
     "image is a decompression bomb (far more pixels than its size allows): stored but "
     "not decoded",
     "afbeelding is een decompressiebom (veel meer pixels dan de bestandsgrootte "
     "toelaat): bewaard, maar niet gedecodeerd"),
    ("evidence.flag.damaged",
     "damaged or truncated image: stored as received",
     "beschadigde of afgebroken afbeelding: bewaard zoals ontvangen"),
    ("evidence.flag.unreadable",
     "the content looks like an image but cannot be read: stored as received",
     "de inhoud lijkt een afbeelding, maar kan niet gelezen worden: bewaard zoals "
     "ontvangen"),
    ("evidence.flag.crashed",
     "the image decoder stopped on this file: stored but not checked",
     "het decoderen van de afbeelding stopte bij dit bestand: bewaard, maar niet "
     "gecontroleerd"),
    ("evidence.flag.no_heif_reader",
     "iPhone photo (HEIC/HEIF), but no HEIC reader (pillow-heif) is installed here: "
     "stored as received, not checked",
     "iPhone-foto (HEIC/HEIF), maar hier is geen HEIC-lezer (pillow-heif) "
     "geïnstalleerd: bewaard zoals ontvangen, niet gecontroleerd"),
    ("evidence.flag.video_unreadable",
     "the content looks like a video but cannot be read (damaged, cut off or an unknown "
     "format): stored as received",
     "de inhoud lijkt een video, maar kan niet gelezen worden (beschadigd, afgebroken "
     "of een onbekend formaat): bewaard zoals ontvangen"),
    # measured facts of photos and videos (app details, CLI, report)
    ("media.camera", "Camera", "Camera"),
    ("media.exif_offset", "EXIF time offset", "Tijdzone van EXIF-tijd"),
    ("media.orientation", "Orientation (EXIF)", "Oriëntatie (EXIF)"),
    ("media.duration", "Duration", "Duur"),
    ("media.duration_value", "{seconds:.1f} s", "{seconds:.1f} s"),
    ("media.created", "Recorded", "Opgenomen"),
    ("media.created.local_offset", "{time} (phone's local time with offset)",
     "{time} (lokale tijd van de telefoon, met tijdzone)"),
    ("media.created.utc_header", "{time} (movie header, UTC by the MP4 standard)",
     "{time} (filmkop, UTC volgens de MP4-standaard)"),
    ("media.codec", "Codec", "Codec"),
    ("media.codec_value", "video {video}, audio {audio}", "video {video}, audio {audio}"),
    ("media.frame", "Frame size", "Beeldformaat"),
    ("media.frame_value", "{width} × {height} pixels, {fps} frames/s",
     "{width} × {height} pixels, {fps} beelden/s"),
    ("media.no_reader",
     "video not read: PyAV is not installed here (duration, time and still unknown)",
     "video niet gelezen: PyAV is hier niet geïnstalleerd (duur, tijd en stilstaand "
     "beeld onbekend)"),
    ("media.still_note", "still frame at 1 s (derived, not evidence)",
     "stilstaand beeld op 1 s (afgeleid, geen bewijs)"),
    ("report.itempage.still", "Still frame from the video at about 1 second (derived "
     "from the original, not evidence of its own).",
     "Stilstaand beeld uit de video op ongeveer 1 seconde (afgeleid van het origineel, "
     "geen apart bewijs)."),
    ("report.itempage.video", "Video", "Video"),
]
