"""The text of a stored (compressed) decision letter PDF: its streams decoded (ASCII85, Flate), then read
back as a reader copying text does (`tests/letters/pdftext.py`)."""

import base64
import re
import zlib

from tests.letters.pdftext import pdf_text

OBJECT = re.compile(rb"(/Filter \[ ([^\]]*)\])(.*?stream\r?\n)(.*?)(\s*endstream)", re.S)


def _decode(match: re.Match) -> bytes:
    filters, data = match.group(2).split(), match.group(4)
    for name in filters:
        if name == b"/ASCII85Decode":
            data = (
                base64.a85decode(data.strip(), adobe=True)
                if data.strip().startswith(b"<~")
                else (base64.a85decode(data.strip().removesuffix(b"~>")))
            )
        elif name == b"/FlateDecode":
            data = zlib.decompressobj().decompress(data)
    return match.group(3) + data + match.group(5)


def stored_text(pdf: bytes) -> str:
    return pdf_text(OBJECT.sub(_decode, pdf))
