"""Reading report files: UTF-8, UTF-8 with BOM or GB18030, told apart without being told."""

from __future__ import annotations

import re
from pathlib import Path

from giaparse.core.errors import ParseError, UnreadableFileError


def decode(data: bytes) -> str:
    """Text bytes to text (documents are told apart before, by :mod:`giaparse.sources.kinds`);
    bytes that are no text raise :class:`ParseError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return check_text(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ParseError(
                "报告文本",
                "无法解码的 UTF-16 字节",
                1,
                expected_en="report text",
                found_en="undecodable UTF-16 bytes",
            ) from None
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return check_text(data.decode("gb18030"))
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise ParseError(
            "UTF-8 或 GB18030 文本",
            f"两者都不是的字节（偏移 {err.start}）",
            line,
            expected_en="UTF-8 or GB18030 text",
            found_en=f"bytes that are neither (offset {err.start})",
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
        raise ParseError(
            "报告文本",
            "二进制数据（控制字符）",
            line,
            expected_en="report text",
            found_en="binary data (control bytes)",
        )
    return text


def read_bytes(path: str | Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        reason = err.strerror or type(err).__name__
        raise UnreadableFileError(
            err.errno or 0, f"无法读取文件 {path}：{reason}", str(path)
        ) from None


def read_text(path: str | Path) -> str:
    return decode(read_bytes(path))
