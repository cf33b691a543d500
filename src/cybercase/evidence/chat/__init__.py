"""WhatsApp chat exports ("Chat exporteren") read as conversations.

- ``patterns``: what the format looks like, as data (headers, notices, media);
- ``parse``: the text split into entries in file order;
- ``dates``: the day/month order of a file and times in Europe/Amsterdam and UTC;
- ``zipread``: an export ZIP read as hostile input, from the vault, never from disk;
- ``importer``: the ingest hook (messages and media items with the export item);
- ``messages``: reading messages back (audited), choosing the date order;
- ``pages``: a page at a time for the viewer, search within, jump to a date;
- ``keymsg``: key messages (kernberichten) with a note; ``senders``: who a sender is.
"""

from cybercase.evidence.chat.messages import (
    ChatSummary,
    Message,
    chat_summary,
    list_messages,
    set_date_order,
)

__all__ = ["ChatSummary", "Message", "chat_summary", "list_messages", "set_date_order"]
