"""Header resolution: which column of the file fills the sku, the name, the description, active.

Without a mapping, a column whose name is the field's own name wins (letter case, spaces,
underscores, hyphens and brackets ignored), then the first of the field's common names in
`SYNONYMS` order (the exports of Shopify and WooCommerce, everyday names, and their German,
French, Spanish, Italian, Dutch and Portuguese equivalents). When two
columns could fill one field, the first match wins and a note says which one and why.
Unknown columns are ignored.

With a mapping (field -> column as written, or None for a field not imported), the mapping
decides: a missing column, two fields on one column, or sku/name left out is a `BadOption` on
that field, before any work starts.

Shopify exports one row per variant: `Variant SKU` is the product and `Handle` groups the
rows of one product, so a variant row's empty title, description and status come from the
first row of its handle (`Columns.group`, used by `rules.fill_variants`), and a variant is
named from its option values (`Columns.options`: "Tee - Green / S").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from ..problems import BadFile, BadOption

FIELDS = ("sku", "name", "description", "active")
# Only the SKU names the product: a file without a name column updates the products it
# lists (a row that would create one needs a name; see `pipeline.modes`).
REQUIRED_COLUMNS = ("sku",)

# Common names per field, best first (compared after `normalise`). Documented in the README.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": ("Variant SKU", "SKU", "Item Code", "Product Code", "Article Number", "Part Number",
            "Item Number", "Article",
            # German, French (WooCommerce's "UGS"), Spanish, Italian, Dutch, Portuguese.
            "Artikelnummer", "Artikel-Nr.", "Art.-Nr.", "Referenz", "UGS", "Référence", "Réf.",
            "Referencia", "Código", "Codice", "Codice articolo", "Artikelcode",
            "Product ID", "Handle"),
    "name": ("Title", "Product Name", "Name", "Item Name", "Product Title",
             "Bezeichnung", "Artikelname", "Artikelbezeichnung", "Produktname", "Titel", "Nom",
             "Désignation", "Nom du produit", "Libellé", "Titre", "Nombre",
             "Nombre del producto", "Título", "Nome", "Nome prodotto", "Titolo", "Naam",
             "Productnaam", "Nome do produto", "Product"),
    "description": ("Description", "Body (HTML)", "Long Description", "Product Description",
                    "Body", "Beschreibung", "Artikelbeschreibung", "Produktbeschreibung",
                    "Descripción", "Descrizione", "Omschrijving", "Beschrijving", "Descrição",
                    "Short description", "Kurzbeschreibung", "Description courte",
                    "Descripción corta", "Descrizione breve", "Korte beschrijving",
                    "Descrição curta", "Details"),
    "active": ("Status", "Published", "Enabled", "Active", "Is Active", "Visible",
               "Aktiv", "Veröffentlicht", "Actif", "Publié", "Activo", "Publicado", "Attivo",
               "Pubblicato", "Actief", "Gepubliceerd", "Ativo"),
}
# The Shopify column that groups variant rows (when another column is the sku).
GROUP_COLUMN = "handle"
# Shopify's option values of a variant (normalised), in order.
OPTION_COLUMNS = ("option1value", "option2value", "option3value")

_NOT_NAME = re.compile(r"[\s_\-()\[\].:/]+")


def normalise(name: str) -> str:
    """A column name as compared: case-folded, without accents (so "Désignation" is
    "designation" and "ß" is "ss"), spaces, underscores, hyphens, brackets, dots or colons."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return _NOT_NAME.sub("", "".join(c for c in decomposed if not unicodedata.combining(c)))


def header_key(names: list[str]) -> str:
    """A hash of the set of normalised column names (what a saved mapping is kept under)."""
    normalised = sorted({normalise(n) for n in names if n.strip()})
    return hashlib.sha256("\x1f".join(normalised).encode()).hexdigest()


class Columns(NamedTuple):
    """Positions of the known columns in the header (`None` when the file lacks the column).

    `group` is the column whose rows belong to one product family (Shopify's Handle);
    `options` are its variants' option value columns (Shopify's Option1 Value, ...).
    """

    count: int
    sku: int
    name: int | None
    description: int | None
    active: int | None
    group: int | None = None
    keep_empty: bool = False  # an empty cell keeps the stored value (`emptyCells: KEEP`)
    options: tuple[int, ...] = ()


@dataclass(frozen=True)
class Header:
    """The header row: its names as written, where the known columns are, the mapping used
    (field -> column name) and notes on the choices made (field -> why)."""

    names: list[str]
    columns: Columns
    mapping: dict[str, str | None] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    line: int = 1


def _where(line: int) -> str:
    return f"The header (line {line})"


def suggest_mapping(fields: list[str]) -> tuple[dict[str, str | None], dict[str, str]]:
    """The mapping found from the names alone, and a note per field on how it was chosen."""
    norms = [normalise(f) for f in fields]
    mapping: dict[str, str | None] = {}
    notes: dict[str, str] = {}
    taken: set[int] = set()
    for name in FIELDS:
        candidates = [name, *(normalise(s) for s in SYNONYMS[name])]
        found = [i for c in dict.fromkeys(candidates) for i, n in enumerate(norms)
                 if n == c and i not in taken]
        if not found:
            mapping[name] = None
            continue
        best = found[0]
        taken.add(best)
        mapping[name] = fields[best]
        others = [fields[i] for i in dict.fromkeys(found[1:])]
        if norms[best] != name:
            notes[name] = f"{fields[best]!r} is a common name for {name}"
        if others:
            why = (f"its name is {name!r}" if norms[best] == name
                   else f"it comes first in the list of common names for {name}")
            notes[name] = (f"{fields[best]!r} was taken ({why}); "
                           f"{', '.join(repr(o) for o in others)} not used")
    if mapping.get("sku") and normalise(mapping["sku"]) != GROUP_COLUMN and GROUP_COLUMN in norms:
        handle = fields[norms.index(GROUP_COLUMN)]
        notes["sku"] = (notes.get("sku", "") + "; " if notes.get("sku") else "") + (
            f"{handle!r} groups variant rows: their empty name, description and active come "
            "from the first row of the same handle")
    return mapping, notes


def check_mapping(fields: list[str], mapping: dict[str, str | None], line: int = 1) -> None:
    """Raise BadOption on the first field a mapping gets wrong."""
    unknown = set(mapping) - set(FIELDS)
    if unknown:
        raise BadOption("mapping", f"Unknown product field {sorted(unknown)[0]!r}; the fields "
                        f"are {', '.join(FIELDS)}.", "unknown_field")
    names = [f.strip() for f in fields]
    used: dict[str, str] = {}
    for name in FIELDS:
        column = mapping.get(name)
        if column is None or not column.strip():
            if name in REQUIRED_COLUMNS:
                raise BadOption(f"mapping.{name}", f"Choose the column that holds the {name}: "
                                "every product needs one.", "required")
            continue
        if column.strip() not in names:
            raise BadOption(
                f"mapping.{name}",
                f"The header (line {line}) has no column {column!r}; its columns are "
                f"{', '.join(repr(n) for n in names if n) or 'none'}.", "missing_column")
        if column.strip() in used:
            raise BadOption(f"mapping.{name}", f"The column {column!r} is already mapped to "
                            f"{used[column.strip()]}; a column fills one field.",
                            "duplicate_column")
        used[column.strip()] = name


def looks_like_header(fields: list[str]) -> bool:
    """Whether a row's names give both a sku and a name column."""
    mapping, _ = suggest_mapping(fields)
    return bool(mapping["sku"] and mapping["name"])


def names_sku_column(fields: list[str]) -> bool:
    """Whether a row's names give a sku column (the header of a partial file)."""
    return bool(suggest_mapping(fields)[0]["sku"])


def resolve_header(
    fields: list[str], mapping: dict[str, str | None] | None = None, line: int = 1
) -> Header:
    """Find the known columns in the header row's `fields` (by `mapping` when given); raise
    BadFile when it cannot."""
    notes: dict[str, str] = {}
    if mapping is None:
        mapping, notes = suggest_mapping(fields)
        missing = [c for c in REQUIRED_COLUMNS if not mapping[c]]
        if missing:
            found = ", ".join(n.strip() for n in fields if n.strip()) or "nothing"
            raise BadFile(
                f"{_where(line)} has no {' and no '.join(repr(m) for m in missing)} column "
                f"(found: {found}). The first row must name the columns; sku is required, "
                "name, description and active are optional (common names such as 'Title' "
                "or 'Variant SKU' are recognised), or map the columns yourself."
            )
        _no_twins(fields, mapping, line)
    else:
        check_mapping(fields, mapping, line)
        mapping = {f: (mapping.get(f) or "").strip() or None for f in FIELDS}
    names = [f.strip() for f in fields]
    at = {f: (names.index(c.strip()) if c else None) for f, c in mapping.items()}
    norms = [normalise(f) for f in fields]
    group, options = None, ()
    if at["sku"] is not None and norms[at["sku"]] != GROUP_COLUMN and GROUP_COLUMN in norms:
        group = norms.index(GROUP_COLUMN)
        options = tuple(norms.index(o) for o in OPTION_COLUMNS if o in norms)
    columns = Columns(len(fields), at["sku"], at["name"], at["description"], at["active"], group,
                      options=options)
    return Header(list(fields), columns, dict(mapping), notes, line)


def _no_twins(fields: list[str], mapping: dict[str, str | None], line: int) -> None:
    """Two columns with the same name as a chosen one: which one is meant is unclear."""
    norms = [normalise(f) for f in fields]
    for name, column in mapping.items():
        if not column:
            continue
        twins = [i for i, n in enumerate(norms) if n == normalise(column)]
        if len(twins) > 1:
            shown = name if normalise(column) == name else column.strip()
            raise BadFile(
                f"{_where(line)} has the column {shown!r} twice (columns "
                f"{twins[0] + 1} and {twins[1] + 1}); keep one of them, or map the columns "
                "yourself."
            )
