"""Whole-file problems found before any write: encoding, binary junk, gzip damage, emptiness.

The file is read as pass 1 reads it (header, then every record), before any write.
"""

import re

import pytest

from imports.pipeline.problems import BadFile
from imports.pipeline.reading import layout

from .helpers import gz, read_through


def check(data: bytes):
    return read_through(data)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\r\n\n", b"\xef\xbb\xbf\n\n"])
def test_empty_file(data):
    with pytest.raises(BadFile, match="The file is empty: it needs a header row"):
        check(data)


def test_empty_gzip_file():
    with pytest.raises(BadFile, match="The file is empty"):
        check(gz(b""))


@pytest.fixture
def small_sample(monkeypatch):
    """Encodings are detected from the start of a file: make that start 16 bytes."""
    monkeypatch.setattr(layout, "SAMPLE_BYTES", 16)


def test_latin1_byte_past_the_sample_names_line_and_byte(small_sample):
    data = b"sku,name\na,Alpha\nb,Caf\xe9 au lait\n"
    with pytest.raises(BadFile) as info:
        check(data)
    message = str(info.value)
    assert "not UTF-8" in message
    assert "byte 0xe9 on line 3" in message
    assert "(byte 23 of the file)" in message


def test_latin1_byte_far_into_a_big_file_is_located_exactly():
    head = b"sku,name\n" + b"".join(b"sku-%d,Name %d\n" % (i, i) for i in range(200_000))
    data = head + b"x,\xff\n"
    with pytest.raises(BadFile) as info:
        check(data)
    assert "byte 0xff on line 200002" in str(info.value).replace(",", "")
    assert f"byte {len(head) + 3:,} of the file" in str(info.value)


def test_latin1_file_is_read_as_windows_1252():
    reader = check(b"sku,name\na,Alpha\nb,Caf\xe9 au lait \x80\n")
    assert reader.lines_read() == 3


def test_latin1_in_gzip_reports_position_in_the_csv(small_sample):
    with pytest.raises(BadFile, match=r"byte 0xe9 on line 3 \(byte 23 of the file\)"):
        check(gz(b"sku,name\nbeta,xy\nb,Caf\xe9\n"))


def test_binary_junk_is_not_text():
    junk = bytes(range(256)) * 40
    with pytest.raises(BadFile, match="neither UTF-8 text nor text in a known encoding"):
        check(junk)


def test_mostly_nul_bytes_mean_binary_file():
    with pytest.raises(BadFile, match="NUL or other control bytes .the first on line 2.; it looks"):
        check(b"sku,name\n" + b"\x00" * 200 + b"\n")


def test_corrupt_gzip_says_where():
    good = gz(b"sku,name\n" + b"a,b\n" * 50_000)
    bad = bytearray(good)
    for i in range(40, 60):
        bad[i] ^= 0x55
    with pytest.raises(BadFile) as info:
        check(bytes(bad))
    match = re.search(r"The gzip data is corrupt between bytes ([\d,]+) and ([\d,]+) of the file",
                      str(info.value))
    assert match
    first, last = (int(g.replace(",", "")) for g in match.groups())
    assert first <= 41 and 60 <= last <= len(bad)


def test_gzip_with_bad_checksum_is_corrupt():
    good = bytearray(gz(b"sku,name\na,b\n"))
    good[-8] ^= 0xFF  # CRC32 of the member
    with pytest.raises(BadFile, match="gzip data is corrupt .*incorrect data check"):
        check(bytes(good))


def test_truncated_gzip_says_where_it_ends():
    good = gz(b"sku,name\n" + b"".join(b"s%d,n%d\n" % (i, i) for i in range(100_000)))
    cut = good[: len(good) // 2]
    with pytest.raises(BadFile) as info:
        check(cut)
    assert f"The gzip file is truncated: it ends at byte {len(cut):,}" in str(info.value)


def test_whitespace_only_file_has_no_header_columns():
    with pytest.raises(BadFile, match="The header .line 1. has no 'sku' column "
                                      ".found: nothing."):
        check(b"  \r\n\n")


def test_gzip_is_detected_by_content_and_multi_member_is_read():
    data = gz(b"sku,name\na,b\n") + gz(b"c,d\n")
    reader = check(data)
    assert reader.source.is_gzip
    assert reader.position().offset == len(b"sku,name\na,b\nc,d\n")
    assert reader.lines_read() == 3


def test_plain_file_facts():
    reader = check(b"\xef\xbb\xbfsku,name\r\na,b\r\n")
    assert not reader.source.is_gzip
    assert reader.lines_read() == 2
