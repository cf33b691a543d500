"""Evidence: ingest (sniff, hash, metadata, store), extract, withdraw, verify."""

from cybercase.evidence.ingest import ingest
from cybercase.evidence.items import Item, extract, get_item, list_items, withdraw
from cybercase.evidence.minor import MinorReport, list_minor_reports, record_minor_report
from cybercase.evidence.stated import OFFENCE_TAGS, FileResult, Progress, Stated

__all__ = [
    "OFFENCE_TAGS",
    "FileResult",
    "Item",
    "MinorReport",
    "Progress",
    "Stated",
    "extract",
    "get_item",
    "ingest",
    "list_items",
    "list_minor_reports",
    "record_minor_report",
    "withdraw",
]
