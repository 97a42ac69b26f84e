"""The journal of a file in processing/: where it came from and how far its handling got.

Each file in processing/ has a `NAME.claim.json` beside it, written (atomically) *before*
every step that changes anything, so a watcher restarted after a crash knows what the dead
one was doing and finishes it without doing anything twice:

    route None        taken from INBOX, nothing decided yet
    route "process"   not a known document: being read and stored
    route "done"      its record is committed
    route "failed"    reading it failed; `reason` says why
    route "duplicate" the store already held it; `duplicate_of` says which document
    dest              the name chosen in archive/, failed/ or duplicates/ (set before the move)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from dispatch_reader.watch.places import Identity, write_atomic

Route = Literal["process", "done", "failed", "duplicate"]
SUFFIX = ".claim.json"


@dataclass
class Claim:
    name: str  # the file's name in processing/
    original: str  # where it was dropped (INBOX/…)
    identity: dict[str, int]  # stat of the dropped file, to remove only that very file
    received: str  # ISO time it was taken; picks archive/YYYY/MM/
    sha256: str | None = None
    route: Route | None = None
    reason: str | None = None
    duplicate_of: dict[str, Any] | None = None
    number: str | None = None
    dest: str | None = None
    seconds: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def journal_path(self, processing: Path) -> Path:
        return processing / (self.name + SUFFIX)

    def original_identity(self) -> Identity:
        return Identity(**self.identity)

    def save(self, processing: Path) -> None:
        text = json.dumps(asdict(self), ensure_ascii=False, indent=1)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            # a dropped name that is not UTF-8 (its bytes kept as surrogates): JSON escapes
            # round-trip them, raw they cannot be written
            text = json.dumps(asdict(self), ensure_ascii=True, indent=1)
        write_atomic(self.journal_path(processing), text)

    @classmethod
    def load(cls, journal: Path) -> Claim:
        data = json.loads(journal.read_text("utf-8"))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def journals(processing: Path) -> list[Path]:
    """Claim journals in processing/, oldest first (so recovery keeps the dropping order)."""
    found = [p for p in processing.glob("*" + SUFFIX) if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name))
