"""What an uploaded file is, from its content (never its name): format, compression, encoding.

`detect_kind` looks at the magic bytes: an `.xlsx` workbook (a ZIP with `xl/workbook.xml`),
gzip (CSV inside), or text. Files people often upload by mistake are refused with a message
that says what the file is and what to save it as: an Excel 97-2003 `.xls` or a
password-protected workbook (both OLE2 compound files), an OpenDocument `.ods` (a ZIP whose
`mimetype` says so), other ZIP archives, PDF documents and images.

`detect_encoding` names the text encoding of a sample of the (decompressed) bytes: a BOM
(UTF-8, UTF-16 LE/BE) first; then UTF-8 when the bytes are valid UTF-8; otherwise the legacy
single-byte encoding `charset-normalizer` finds most likely (Windows-1252 on a tie).
"""

from __future__ import annotations

import codecs
import zipfile
from typing import BinaryIO

from ..problems import BadFile

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
GZIP_MAGIC = b"\x1f\x8b"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
SCAN_PIECE = 1 << 20

SAVE_AS = (
    "save it as an Excel Workbook (.xlsx) or as CSV UTF-8 (comma delimited) (.csv), then "
    "upload that file"
)

IMAGES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"BM": "a BMP image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}

TEXT_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Encodings that are supersets of others for every printable character people type:
# Windows-1252 rather than ISO-8859-1 (it adds the euro sign, curly quotes, dashes).
PREFERRED = {"iso8859-1": "cp1252", "ascii": "utf-8"}


def _picture(head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return "a PDF document"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "a WebP image"
    for magic, what in IMAGES.items():
        if head.startswith(magic):
            return what
    return None


def _refuse_picture(what: str) -> BadFile:
    return BadFile(
        f"This file is {what}, not a spreadsheet or a CSV file: product rows cannot be read "
        f"from it. Export the catalogue from the program that holds it as a CSV file or an "
        f"Excel workbook (.xlsx) and upload that."
    )


def _cfb_is_encrypted(raw: BinaryIO) -> bool:
    """Whether an OLE2 compound file holds an `EncryptedPackage` stream (a password-protected
    Office document); the name sits in its directory, anywhere in the file."""
    raw.seek(0)
    tail = b""
    while piece := raw.read(SCAN_PIECE):
        if ENCRYPTED_PACKAGE in tail + piece:
            return True
        tail = piece[-len(ENCRYPTED_PACKAGE):]
    return False


def _zip_kind(raw: BinaryIO) -> str:
    raw.seek(0)
    try:
        with zipfile.ZipFile(raw) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return "XLSX"
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype.startswith(ODS_MIMETYPE):
                    raise BadFile(
                        "This file is an OpenDocument spreadsheet (.ods, from LibreOffice or "
                        f"OpenOffice), which is not read here. Open it and {SAVE_AS}."
                    )
                raise BadFile(
                    f"This file is an OpenDocument file ({mimetype.decode(errors='replace')}), "
                    f"not a spreadsheet. Open it and {SAVE_AS}."
                )
            if "word/document.xml" in names:
                raise BadFile(
                    f"This file is a Word document (.docx), not a spreadsheet. Open the "
                    f"catalogue in Excel and {SAVE_AS}."
                )
    except zipfile.BadZipFile as exc:
        raise BadFile(
            f"This file starts like a ZIP archive or an Excel workbook (.xlsx) but is damaged "
            f"({exc}). Save the workbook again, or {SAVE_AS}."
        ) from exc
    raise BadFile(
        "This file is a ZIP archive, not an Excel workbook (.xlsx) or a CSV file. Unpack it and "
        "upload the CSV or .xlsx file inside (a CSV file may be compressed with gzip)."
    )


def detect_kind(raw: BinaryIO) -> tuple[str, str]:
    """`(format, compression)` of the file `raw` (seekable, left at its start): format "CSV"
    or "XLSX", compression "gzip" or "". Raise BadFile for a format that is refused."""
    raw.seek(0)
    head = raw.read(16)
    raw.seek(0)
    if head.startswith(CFB_MAGIC):
        encrypted = _cfb_is_encrypted(raw)
        raw.seek(0)
        if encrypted:
            raise BadFile(
                "This workbook is protected with a password, so its rows cannot be read. Open "
                "it in Excel, remove the password (File > Info > Protect Workbook > Encrypt "
                f"with Password, then clear it) and upload it again, or {SAVE_AS}."
            )
        raise BadFile(
            "This file is an Excel 97-2003 workbook (.xls, or another old Office file), which "
            f"is not read here. Open it in Excel or LibreOffice and {SAVE_AS}."
        )
    if head.startswith(ZIP_MAGIC):
        kind = _zip_kind(raw)
        raw.seek(0)
        return kind, ""
    what = _picture(head)
    if what:
        raise _refuse_picture(what)
    if head.startswith(GZIP_MAGIC):
        return "CSV", "gzip"
    return "CSV", ""


def check_gzip_content(head: bytes) -> None:
    """Refuse a gzip file whose content is not text (a compressed workbook or document)."""
    if head.startswith((ZIP_MAGIC, CFB_MAGIC)):
        raise BadFile(
            "This gzip file holds a workbook or an archive; only CSV files are read compressed. "
            "Upload the .xlsx workbook itself (it is already compressed), or a CSV file."
        )
    what = _picture(head)
    if what:
        raise _refuse_picture(f"{what} compressed with gzip")


def _valid_utf8_prefix(sample: bytes, complete: bool) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A sample cut inside a character is still UTF-8.
        cut = exc.reason == "unexpected end of data" and exc.start >= len(sample) - 3
        return cut and not complete
    return True


def codec_name(name: str) -> str:
    """Python's canonical codec name for an encoding name (`latin-1` -> `latin_1`); raise
    LookupError when Python does not know it."""
    return codecs.lookup(name).name


def detect_encoding(sample: bytes, complete: bool) -> str:
    """The encoding of text whose first bytes are `sample` (`complete`: the whole text).

    Returns a Python codec name: `utf-8`, `utf-8-sig`, `utf-16-le`, `utf-16-be` or the legacy
    encoding charset-normalizer finds (e.g. `cp1252`); raise BadFile when none fits.
    """
    for bom, name in TEXT_BOMS:
        if sample.startswith(bom):
            return name
    if _valid_utf8_prefix(sample, complete):
        return "utf-8"
    from charset_normalizer import from_bytes

    results = from_bytes(sample[: 256 << 10])
    best = results.best()
    if best is None:
        raise BadFile(
            "The file is neither UTF-8 text nor text in a known encoding (it may be a binary "
            "file). Save or export it as CSV UTF-8 and upload it again, or choose its "
            "encoding."
        )
    # Short texts fit several code pages equally well (cp1250 and cp1252 share most
    # accented letters); on a tie Windows-1252, the most common, wins.
    for match in results:
        tie = match.chaos <= best.chaos + 0.01 and match.coherence >= best.coherence - 0.05
        if tie and "cp1252" in match.could_be_from_charset:
            return "cp1252"
    name = codec_name(best.encoding)
    return PREFERRED.get(name, name)
