"""Problems found while normalizing or validating, before they become `issues` rows.

Kept as plain data with stable codes (the frictionless-py idea): a finding never raises, it is
reported, so one odd table does not cost the rest of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"

# Codes that mean rows could not be extracted (they make a document `partial`), as opposed to
# findings about the content itself (a budget that does not add up is extracted faithfully).
EXTRACTION_CODES: frozenset[str] = frozenset(
    {"layout_unrecognized", "table_unrecognized", "indicator_header_missing", "content_unread"}
)


@dataclass(frozen=True, slots=True)
class Finding:
    severity: str
    code: str
    message: str
    location: str | None = None
    project_seq: int | None = None
