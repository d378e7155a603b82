"""Inspect a stored import file without writing anything: what was detected, the mapping, a
preview of the first rows as they would be imported, each cell with its problem.

Reads only the start of the file (the layout's sample and the first `PREVIEW_ROWS` records),
so it answers while the person waits. The result is plain JSON, kept on the job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from ..pipeline.problems import BadFile, BadOption, RowProblem
from ..pipeline.reading import Layout, ReadOptions, Record, find_layout, open_reader
from ..pipeline.reading.header import FIELDS, check_mapping, resolve_header, suggest_mapping
from ..pipeline.rules import ProductRow, clean_row, fill_variants

PREVIEW_ROWS = 20


@dataclass
class Inspection:
    """What inspecting a file found: its layout and the JSON kept on the job."""

    layout: Layout
    header: list[str]
    mapping: dict[str, str | None]
    details: dict[str, Any]


def inspect_file(
    raw: BinaryIO, size: int, options: dict, saved: dict | None = None,
    keep_empty: bool = False,
) -> Inspection:
    """Inspect the file `raw` with `options` (a mapping among them is checked: BadOption);
    `saved` is the mapping last confirmed for the same column names, suggested when it fits;
    `keep_empty`: an empty cell keeps the stored value (`emptyCells: KEEP`).
    """
    layout = find_layout(raw, ReadOptions.of(options), size)
    reader = open_reader(raw, layout=layout, size=size)
    fields = reader.header_fields()
    line = reader.header_line
    suggested, notes = suggest_mapping(fields)
    chosen = options.get("mapping")
    problem = None
    if chosen is not None:
        try:
            check_mapping(fields, chosen, line)
        except BadOption as exc:
            if exc.code != "required":
                raise
            # Mapping one field at a time: say what is still missing, keep the choices.
            problem = {"field": exc.field, "message": str(exc), "code": exc.code}
        mapping, source = {f: chosen.get(f) or None for f in FIELDS}, "CHOSEN"
    elif saved is not None and _fits(fields, saved, line):
        mapping, source = {f: saved.get(f) or None for f in FIELDS}, "SAVED"
    else:
        mapping, source = suggested, "DETECTED"
    try:
        if problem:
            raise BadOption(problem["field"], problem["message"], problem["code"])
        header = resolve_header(fields, None if source == "DETECTED" else mapping, line)
    except BadOption as exc:
        header, problem = None, {"field": exc.field, "message": str(exc), "code": exc.code}
    except BadFile as exc:
        header = None
        missing = next((f for f in ("sku", "name") if not mapping.get(f)), None)
        problem = {"field": f"mapping.{missing or 'sku'}", "message": str(exc),
                   "code": "required" if missing else "ambiguous_column"}
    if header and keep_empty:
        header = replace(header, columns=header.columns._replace(keep_empty=True))
    preview = _preview(reader, header) if header else _raw_preview(reader)
    details = {
        "sheet_names": list(layout.sheet_names),
        "sheet_note": layout.sheet_note,
        "suggested_mapping": suggested,
        "mapping_source": source,
        "notes": notes,
        "row_estimate": layout.row_estimate,
        "preview": preview,
        "mapping_problem": problem,
    }
    return Inspection(layout, list(fields), mapping, details)


def _fits(fields: list[str], mapping: dict, line: int) -> bool:
    try:
        check_mapping(fields, mapping, line)
    except BadOption:
        return False
    return True


def _preview(reader, header) -> list[dict]:
    columns = header.columns
    where = {f: getattr(columns, f) for f in FIELDS}
    rows = []
    for record in fill_variants(reader.records(), columns):
        if type(record) is not Record:
            rows.append({"line": record.line, "values": [], "cells": [],
                         "problem": record.message})
        else:
            result = clean_row(record.line, list(record.fields), columns)
            cells = []
            for name in FIELDS:
                at = where[name]
                if at is None:
                    continue
                value = record.fields[at] if at < len(record.fields) else ""
                if type(result) is ProductRow:
                    kept = getattr(result, name)
                    if kept is None:  # no name, or an empty cell kept: the stored value stays
                        value = ""
                    else:
                        value = ("TRUE" if kept else "FALSE") if name == "active" else kept
                problem = None
                if type(result) is RowProblem and result.field == name:
                    problem = result.message
                cells.append({"field": name, "column": header.mapping.get(name),
                              "value": value, "problem": problem})
            row_problem = result.message if type(result) is RowProblem else None
            rows.append({"line": record.line, "values": list(record.fields), "cells": cells,
                         "problem": row_problem})
        if len(rows) >= PREVIEW_ROWS:
            break
    return rows


def _raw_preview(reader) -> list[dict]:
    rows = []
    for record in reader.records():
        fields = record.fields if type(record) is Record else []
        rows.append({"line": record.line, "values": list(fields), "cells": [],
                     "problem": None if type(record) is Record else record.message})
        if len(rows) >= PREVIEW_ROWS:
            break
    return rows
