"""CSV and XLSX of a dashboard: the same `FigureTable`s as the page, cell for cell, so the
small-group rule holds in the files too. Both are long tables: one row per figure."""

import io

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from wijkennis.core.exports import csv_text, safe_cell

from .figures import Period, Section

HEADER = ("subject", "period_start", "period_end", "table", "row", "column", "value")


def export_rows(subject: str, period: Period, sections: list[Section]) -> list[dict]:
    """One row per figure; `value` is the number, or the page's text ("< 5", "hidden")."""
    rows = []
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                for column, cell in zip(table.columns, row.cells, strict=True):
                    rows.append(
                        {
                            "subject": subject,
                            "period_start": period.start.isoformat(),
                            "period_end": period.end.isoformat(),
                            "table": table.caption,
                            "row": row.label,
                            "column": column,
                            "value": cell.export_value(),
                        }
                    )
    return rows


def as_csv(rows: list[dict]) -> str:
    return csv_text(rows)


def _xlsx_cell(value):
    value = safe_cell(value)
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)  # control characters cannot be stored
    return value


def as_xlsx(rows: list[dict]) -> bytes:
    """One sheet with a header row; text cells made formula-safe like `csv_text`."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dashboard"
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([_xlsx_cell(row[key]) for key in HEADER])
    for column, width in zip("ABCDEFG", (30, 12, 12, 50, 40, 40, 12), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
