"""What kind of document some bytes are, and which reader turns them into items.

The kind is sniffed from the bytes, never from the name alone (``%PDF-``; a zip holding
``word/document.xml``; markup), in the order of how certain each sign is. Each document kind
names its reader module and the optional extra its packages come from; a reader whose
package is missing fails with one error naming the ``pip install`` command, before any
parsing. A reader that fails is the answer: nothing falls back to reading the bytes as text.
"""

from __future__ import annotations

import importlib
import io
import re
import zipfile
from collections.abc import Callable
from typing import Literal

import attrs

from giaparse.core.errors import MissingExtraError, ParseError
from giaparse.core.items import TokenStream

DocumentKind = Literal["text", "html", "docx", "pdf"]


@attrs.frozen
class Reader:
    kind: DocumentKind
    extra: str  # pip install 'giaparse[extra]'
    modules: tuple[str, ...]  # third-party modules the reader imports
    module: str  # giaparse's reader module
    function: str
    suffixes: tuple[str, ...]  # what a folder search picks up as this kind


READERS: dict[str, Reader] = {
    "html": Reader(
        "html",
        "html",
        ("lxml",),
        "giaparse.sources.html",
        "read_html",
        (".html", ".htm", ".shtml", ".xhtml"),
    ),
    "docx": Reader("docx", "docx", ("lxml",), "giaparse.sources.docx", "read_docx", (".docx",)),
    "pdf": Reader("pdf", "pdf", ("pypdfium2",), "giaparse.sources.pdf", "read_pdf", (".pdf",)),
}
# .doc and .wps are picked up too, so a batch lists them with how to convert them
DOCUMENT_SUFFIXES = frozenset(s for r in READERS.values() for s in r.suffixes) | {".doc", ".wps"}

_MARKUP = re.compile(rb"<(?:!doctype\s+html|html|head|body|table|meta|div|p|title)\b", re.I)
_LEAD = re.compile(rb"^(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*", re.S)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REFUSED = {  # magic: (Chinese, English)
    b"\x89PNG": ("PNG 图片（扫描件？请先做 OCR）", "a PNG image (a scan? run OCR first)"),
    b"\xff\xd8\xff": ("JPEG 图片（扫描件？请先做 OCR）", "a JPEG image (a scan? run OCR first)"),
    b"GIF8": ("GIF 图片", "a GIF image"),
    b"\x7fELF": ("可执行文件", "an executable"),
    b"MZ": ("Windows 可执行文件", "a Windows executable"),
    b"{\\rtf": ("RTF 文件：请在 Word 或 WPS 中另存为 .docx", "an RTF file; save it as .docx"),
}
_A_REPORT = ("文本、HTML、Word .docx 或 PDF 格式的报告", "a report as text, HTML, .docx or PDF")


def sniff(data: bytes) -> DocumentKind:
    """The kind of document ``data`` is; refuses kinds giaparse does not read, saying why."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE):
        raise ParseError(
            _A_REPORT[0],
            "Word 97-2003（.doc）或 WPS（.wps）文件：请在 Word 或 WPS 中打开并另存为 .docx，"
            "或运行 `libreoffice --headless --convert-to docx FILE`",
            None,
            expected_en=_A_REPORT[1],
            found_en="a Word 97-2003 (.doc) or WPS (.wps) file: open it in Word or WPS and save "
            "it as .docx, or run `libreoffice --headless --convert-to docx FILE`",
        )
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, (what, what_en) in _REFUSED.items():
        if data.startswith(magic):
            raise ParseError(_A_REPORT[0], what, None, expected_en=_A_REPORT[1], found_en=what_en)
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    rest = head[_LEAD.match(head).end() :]  # type: ignore[union-attr]
    if rest.startswith(b"<") and _MARKUP.search(head):
        return "html"
    return "text"


def _zip_kind(data: bytes) -> DocumentKind:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise ParseError(
            "Word .docx 文件",
            f"损坏的 ZIP 压缩包（{err}）",
            None,
            expected_en="a .docx file",
            found_en=f"a damaged ZIP archive ({err})",
        ) from None
    if "word/document.xml" in names:
        return "docx"
    office = bool(names & {"xl/workbook.xml", "ppt/presentation.xml"})
    what = "Excel 或 PowerPoint 文件" if office else "ZIP 压缩包"
    what_en = "an Excel or PowerPoint file" if office else "a ZIP archive"
    raise ParseError(
        _A_REPORT[0],
        f"{what}，不是 Word .docx",
        None,
        expected_en=_A_REPORT[1],
        found_en=f"{what_en}, not a Word .docx",
    )


def reader_for(kind: str) -> Callable[[bytes], TokenStream]:
    """The reader function of a document kind, imported on first use."""
    spec = READERS[kind]
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as err:
        if err.name in spec.modules:
            raise MissingExtraError(
                f"读取 {kind.upper()} 文件需要 {err.name}（缺少可选依赖）："
                f"pip install 'giaparse[{spec.extra}]'"
            ) from None
        raise
    read: Callable[[bytes], TokenStream] = getattr(module, spec.function)
    return read
