"""Read back the text a PDF shows, as a reader does when text is selected and copied: each `Tj` string
decoded through its font's ToUnicode map. Works on the uncompressed output of `render_pdf(…,
compress=False)`; needs no PDF library (the renderer's own reportlab would prove nothing)."""

from __future__ import annotations

import re
from typing import NamedTuple

OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
FONT = re.compile(rb"/BaseFont /(\S+)(?:(?!>>).)*?/Name /(\S+)", re.S)
TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
BFCHAR = re.compile(rb"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4,})>")
OPERATION = re.compile(rb"/(\S+) [\d.]+ Tf|\(((?:[^()\\]|\\.)*)\) Tj", re.S)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


class Shown(NamedTuple):
    text: str
    font: str  # the BaseFont, e.g. AAAAAA+DejaVuSans
    selectable: bool  # the font maps its codes to Unicode


def _literal(raw: bytes) -> bytes:
    """A PDF string literal's bytes: octal and character escapes resolved."""

    def unescape(m: re.Match) -> bytes:
        code = m.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8)])
        return ESCAPES.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", unescape, raw)


def _fonts(objects: dict[int, bytes]) -> dict[bytes, tuple[str, dict[int, str] | None]]:
    fonts = {}
    for body in objects.values():
        found = FONT.search(body)
        if not found:
            continue
        cmap = None
        link = TO_UNICODE.search(body)
        if link:
            pairs = BFCHAR.findall(objects[int(link.group(1))])
            cmap = {int(code, 16): bytes.fromhex(uni.decode()).decode("utf-16-be") for code, uni in pairs}
        fonts[found.group(2)] = (found.group(1).decode(), cmap)
    return fonts


def shown(data: bytes) -> list[Shown]:
    """Every string the pages show, in order, with its font."""
    objects = {int(m.group(1)): m.group(2) for m in OBJECT.finditer(data)}
    fonts = _fonts(objects)
    # The page streams: every stream but the embedded font files and the ToUnicode maps.
    pages = [b for b in objects.values() if b"stream" in b and b"/Length1" not in b and b"begincmap" not in b]
    if any(b"/FlateDecode" in b for b in pages):
        raise ValueError("compressed page streams: render with compress=False")
    current: tuple[str, dict[int, str] | None] = ("", None)
    result = []
    for m in OPERATION.finditer(b"\n".join(pages)):
        if m.group(1) is not None:
            current = fonts.get(m.group(1), (m.group(1).decode(), None))
            continue
        raw = _literal(m.group(2))
        name, cmap = current
        text = "".join(cmap.get(b, "\ufffd") for b in raw) if cmap else raw.decode("cp1252")
        result.append(Shown(text, name, cmap is not None))
    return result


def pdf_text(data: bytes) -> str:
    """The shown strings joined by spaces (one string is one line of a paragraph or a table cell)."""
    return " ".join(s.text for s in shown(data))
