"""What a reader yields instead of an article when it cannot read one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ReadError:
    """A file or record that could not be read, with the reason.

    `source` names the file, with `:LINE` for a line of JSON Lines or CSV and
    `:record N` for a WARC record, so the user can find it.
    """

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
