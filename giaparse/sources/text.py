"""Reading report files: UTF-8, UTF-8 with BOM or GB18030, told apart without being told."""

from __future__ import annotations

import re
from pathlib import Path

from giaparse.core.errors import ParseError

_BINARY_MAGIC = {
    b"%PDF": "a PDF file (extract its text first)",
    b"PK\x03\x04": "a ZIP container such as .docx or .xlsx (extract its text first)",
    b"\xd0\xcf\x11\xe0": "an OLE file such as .doc (extract its text first)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
}


def decode(data: bytes) -> str:
    """Bytes to text; binary data raises :class:`ParseError` naming what it looks like."""
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ParseError("report text", what, 1)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return check_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ParseError("report text", "undecodable UTF-16 bytes", 1) from None
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return check_text(data.decode("gb18030"))
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ParseError(
            "UTF-8 or GB18030 text", f"bytes that are neither (offset {err.start})", line
        ) from None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CONTROL_BYTES = bytes(range(0x09)) + bytes(range(0x0E, 0x20))


def check_text(text: str) -> str:
    sample = text[:4096]
    # Counted on UTF-8 bytes, in C: multi-byte sequences never contain bytes below 0x80.
    data = sample.encode("utf-8", "surrogatepass")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(sample) // 100):
        first = _CONTROL.search(sample)
        line = sample[: first.start()].count("\n") + 1 if first else 1
        raise ParseError("report text", "binary data (control bytes)", line)
    return text


def read_text(path: str | Path) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise ParseError(
            "a readable file", f"{type(err).__name__}: {err.strerror or err}", None
        ) from None
    return decode(data)
