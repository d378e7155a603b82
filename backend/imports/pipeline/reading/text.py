"""Text of an import file: line-aligned blocks of the decompressed bytes, decoded as UTF-8.

Offsets are positions in the decompressed data (the same as file positions for a plain
UTF-8 CSV), which is what a checkpoint records. Blocks end at a line break, so a block never
splits a character or a line. A file in another encoding (UTF-16, Windows-1252, ...) is
first transcoded to UTF-8 as it streams (`transcode`); its offsets are then positions in the
transcoded stream, which a resumed import re-creates the same way.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from ..problems import BadFile

BOM = b"\xef\xbb\xbf"
MAX_LINE_BYTES = 64 << 20

# Text holds few control characters: past this share of NUL and other C0 controls (tab, CR
# and LF excepted) the data is binary, not a CSV. Fewer are bad rows of a text file.
BINARY_SHARE = 0.10
# A block shorter than this says too little on its own (the layout's sample covers small files).
BINARY_MIN_CHARS = 4096
_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def _fmt(n: int) -> str:
    return f"{n:,}"


def iter_blocks(
    pieces: Iterator[bytes], start: int = 0, first_offset: int = 0
) -> Iterator[tuple[int, bytes]]:
    """Yield `(offset, block)` where each block ends with a newline (except the last one).

    Starting at `start` (a line start) skips the bytes before it, so a resumed import
    re-reads a gzip stream up to its checkpoint without parsing it; `first_offset` is the
    offset of the first piece when the stream itself began there (a plain file read from
    its checkpoint on).
    """
    offset = first_offset
    rest = b""
    for piece in pieces:
        if offset + len(rest) + len(piece) <= start:
            offset += len(piece)
            continue
        if offset < start:
            piece = piece[start - offset :]
            offset = start
        buf = rest + piece if rest else piece
        cut = buf.rfind(b"\n") + 1
        if cut == 0:
            if len(buf) > MAX_LINE_BYTES:
                raise BadFile(
                    f"A line starting at byte {_fmt(offset + 1)} is longer than "
                    f"{_fmt(MAX_LINE_BYTES)} bytes; this does not look like a CSV file."
                )
            rest = buf
            continue
        yield offset, buf[:cut]
        offset += cut
        rest = buf[cut:]
    if rest:
        yield offset, rest


UTF8_CODECS = frozenset({"utf-8", "utf-8-sig"})


def transcode(pieces: Iterator[bytes], encoding: str) -> Iterator[bytes]:
    """The UTF-8 bytes of text in `encoding` (a UTF-16 BOM becomes the UTF-8 BOM).

    Raises BadFile naming the byte (of the decompressed file) that is not valid in
    `encoding`.
    """
    if encoding in UTF8_CODECS:
        yield from pieces
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = 0
    for piece in pieces:
        try:
            text = decoder.decode(piece)
        except UnicodeDecodeError as exc:
            raise BadFile(
                f"Byte 0x{piece[exc.start]:02x} (byte {_fmt(offset + exc.start + 1)} of the "
                f"file) is not valid {encoding} text. Choose the file's encoding, or save it "
                "as CSV UTF-8 and upload it again."
            ) from exc
        offset += len(piece)
        if text:
            yield text.encode("utf-8")
    try:
        rest = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise BadFile(
            f"The file ends inside a character of its {encoding} text (byte {_fmt(offset)}). "
            "Upload the complete file, or choose its encoding."
        ) from exc
    if rest:
        yield rest.encode("utf-8")


def decode_block(block: bytes, offset: int, line: int) -> str:
    """Decode a block as UTF-8; `line` is the number of lines before the block.

    Raises BadFile naming the line and byte of the first invalid byte, or when the block is
    mostly NUL bytes (a NUL here and there is left to the reader: a bad row).
    """
    try:
        text = block.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = line + block.count(b"\n", 0, exc.start) + 1
        raise BadFile(
            f"The file is not UTF-8 text: byte 0x{block[exc.start]:02x} on line {_fmt(bad_line)} "
            f"(byte {_fmt(offset + exc.start + 1)} of the file) is not valid UTF-8. Save or "
            "export the CSV as UTF-8 and upload it again."
        ) from exc
    if "\0" in text and len(text) >= BINARY_MIN_CHARS:
        refuse_binary(text, line, f"bytes {_fmt(offset + 1)} to {_fmt(offset + len(block))}")
    return text


def control_count(text: str) -> int:
    """How many NUL and other C0 control characters (tab, CR, LF excepted) `text` holds."""
    return len(text) - len(text.translate(_CONTROLS))


def refuse_binary(text: str, line: int, where: str, encoding: str = "utf-8") -> None:
    """Raise BadFile when more than `BINARY_SHARE` of `text` (the file's `where`, starting
    after `line` lines) are control characters: the file is binary, not a CSV."""
    controls = control_count(text)
    if not text or controls <= BINARY_SHARE * len(text):
        return
    first = next(i for i, c in enumerate(text) if ord(c) in _CONTROLS)
    bad_line = line + text.count("\n", 0, first) + 1
    hint = ""
    if encoding in UTF8_CODECS and text.count("\0") * 3 > len(text):
        hint = (" If it is UTF-16 text without a byte order mark, choose the encoding "
                "utf-16-le or utf-16-be.")
    raise BadFile(
        f"The file is not text: {controls * 100 // len(text)}% of the characters in its "
        f"{where} are NUL or other control bytes (the first on line {_fmt(bad_line)}); it looks "
        "like a binary file, not a CSV. Upload the CSV or .xlsx file itself." + hint
    )
