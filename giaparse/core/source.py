"""Where a report came from: the path or name it was given by, its kind, a hash of its bytes."""

from __future__ import annotations

import hashlib

import attrs


@attrs.frozen(slots=True)
class Source:
    """The input a report was read from; travels into exports, outcomes and series checks."""

    name: str | None = attrs.field(default=None, metadata={"label": "来源"})
    kind: str | None = attrs.field(default=None, metadata={"label": "来源类型"})
    sha256: str | None = attrs.field(default=None, metadata={"label": "内容哈希"})

    @classmethod
    def of(cls, data: bytes, kind: str, name: str | None = None) -> Source:
        return cls(name, kind, hashlib.sha256(data).hexdigest())

    def __str__(self) -> str:
        return self.name or (f"{self.kind}:{self.sha256[:12]}" if self.sha256 else "")
