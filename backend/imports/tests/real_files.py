"""Files as people really have them, made by the tests (none is committed).

Each builder returns the bytes of one kind of file a catalogue arrives as: a Windows-1252
semicolon CSV from a German Excel, Excel's "Unicode text" (UTF-16 LE with tabs), an .xlsx
workbook written by openpyxl, Shopify and WooCommerce product exports, a CSV with a title
line, and the formats that are refused (.xls, .ods, a password-protected workbook, PDF,
PNG).
"""

from __future__ import annotations

import datetime
import io
import zipfile


def windows_1252_semicolons() -> bytes:
    """A German Excel "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, CRLF."""
    rows = [
        "sku;name;description;active",
        'CAF-1;Café crème;"Tasse 0,2 l; porcelaine";yes',
        "MUE-2;Kaffeemühle Öko;Größe 20 cm – für Küche;no",
        "EUR-3;Prix 5 €;Œuvre “spéciale”;TRUE",
    ]
    return ("\r\n".join(rows) + "\r\n").encode("cp1252")


def utf16_unicode_text() -> bytes:
    """Excel's "Unicode text" export: UTF-16 LE with a BOM, tab-separated, CRLF."""
    rows = [
        "SKU\tProduct Name\tLong Description\tEnabled",
        "U-1\tŻółw 🐢\tZażółć gęślą jaźń\tyes",
        "U-2\t日本の茶\t緑茶 100g\tno",
    ]
    return "\ufeff".encode("utf-16-le") + ("\r\n".join(rows) + "\r\n").encode("utf-16-le")


def xlsx_workbook() -> bytes:
    """A workbook by openpyxl: numbers, a date, booleans, blank rows, and a second sheet."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Products"
    sheet.append(["Item Code", "Title", "Description", "Active"])
    sheet.append([12, "Twelve", 3.5, True])
    sheet.append([])
    sheet.append(["D-1", "Dated", datetime.date(2024, 3, 1), False])
    sheet.append([None, None, None, None])
    sheet.append(["T-2", "Timed", datetime.datetime(2024, 3, 1, 13, 45), 1])
    sheet.append(["BAD", "", "no name", True])
    other = book.create_sheet("Prices")
    other.append(["sku", "name", "active"])
    other.append(["P-1", "From the second sheet", "yes"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def shopify_export() -> bytes:
    """A Shopify product export: one row per variant, the title only on a handle's first row,
    an image-only row."""
    header = ("Handle,Title,Body (HTML),Vendor,Published,Option1 Name,Option1 Value,"
              "Variant SKU,Variant Price,Image Src,Status")
    rows = [
        'tee,Classic Tee,"<p>Soft cotton</p>",Acme,TRUE,Size,S,TEE-S,10.00,https://x/1.jpg,active',
        "tee,,,,,,M,TEE-M,10.00,,",
        "tee,,,,,,L,TEE-L,12.00,,",
        "tee,,,,,,,,,https://x/2.jpg,",
        "mug,Big Mug,<b>Ceramic</b>,Acme,FALSE,Title,Default Title,MUG-1,8.00,,draft",
    ]
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def shopify_product_template() -> bytes:
    """Shopify's product template: a T-shirt in 3 colours x 4 sizes (the title only on the
    first row, the options on every variant row), an image-only row, and 4 products of one
    "Default Title" variant each: 17 rows, 16 products."""
    header = ("Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,Option1 Value,"
              "Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,"
              "Variant Price,Image Src,Image Position,Status")
    rows = []
    for n, (color, size) in enumerate((c, s) for c in ("Green", "Blue", "Black")
                                      for s in ("S", "M", "L", "XL")):
        first = n == 0
        rows.append(",".join([
            "example-t-shirt", "Example T-Shirt" if first else "",
            "<p>A plain tee</p>" if first else "", "Acme" if first else "",
            "Shirts" if first else "", "", "TRUE" if first else "",
            "Color" if first else "", color, "Size" if first else "", size, "", "",
            f"TS-{color[:3].upper()}-{size}", "19.99",
            "https://cdn.example/front.jpg" if first else "", "1" if first else "",
            "active" if first else ""]))
    rows.append(",".join(["example-t-shirt"] + [""] * 14 + ["https://cdn.example/back.jpg", "2",
                                                             ""]))
    for i in range(1, 5):
        rows.append(f"example-{i},Example {i},<p>Item {i}</p>,Acme,Things,,TRUE,Title,"
                    f"Default Title,,,,,EX-{i},5.00,,,active")
    return (header + "\n" + "\n".join(rows) + "\n").encode()


def woocommerce_export() -> bytes:
    """A WooCommerce product export (UTF-8 with BOM): ID, Type, SKU, Name, Published
    (1/0/-1), both descriptions."""
    rows = [
        "ID,Type,SKU,Name,Published,Is featured?,Short description,Description,Regular price",
        '11,simple,WOO-1,Hoodie,1,0,Warm,"A warm hoodie, with pockets",45',
        "12,simple,WOO-2,Beanie,-1,0,Soft,A draft beanie,18",
        "13,simple,WOO-3,Belt,0,0,Leather,A private belt,55",
    ]
    return "\ufeff".encode() + ("\n".join(rows) + "\n").encode()


def title_line_above_header() -> bytes:
    """A supplier's CSV with a title line and a blank line above the header."""
    return (b"Price list Spring 2024 - Supplier ACME\n\n"
            b"sku,name,active\nT-1,First,yes\nT-2,Second,no\n")


def _cfb(stream_names: list[str]) -> bytes:
    """The start of an OLE2 compound file with directory entries named `stream_names`."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    entries = b"".join(n.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for n in stream_names)
    return header + entries + b"\0" * 512


def xls_workbook() -> bytes:
    """An Excel 97-2003 workbook (the directory names its `Workbook` stream)."""
    return _cfb(["Root Entry", "Workbook", "SummaryInformation"])


def encrypted_workbook() -> bytes:
    """A password-protected .xlsx (an OLE2 file holding EncryptionInfo and EncryptedPackage)."""
    return _cfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"])


def ods_spreadsheet() -> bytes:
    """An OpenDocument spreadsheet: a ZIP whose first entry is its mimetype."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def pdf_document() -> bytes:
    """The start of a PDF."""
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def png_image() -> bytes:
    """The start of a PNG image."""
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 20
