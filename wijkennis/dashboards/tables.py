"""The shapes the dashboard figures come in: a period, and tables of `Figure`s."""

import datetime
from dataclasses import dataclass, field

from .suppression import Figure


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass
class Row:
    label: str
    cells: list[Figure]


@dataclass
class FigureTable:
    """A table of figures with a caption; `chart_columns` are the columns the chart beside it
    draws (as bars, one colour per column), `chart_max` fixes the scale (100 for percentages)."""

    key: str
    caption: str
    row_header: str
    columns: list[str]
    rows: list[Row]
    chart_columns: tuple[int, ...] = (0,)
    chart_max: int | None = None
    note: str = ""

    def cell(self, row: int, column: int) -> Figure:
        return self.rows[row].cells[column]

    @property
    def has_figures(self) -> bool:
        """Whether any figure is shown. Without one, the page says there is not enough data
        yet instead of drawing a chart without bars."""
        return any(cell.shown for row in self.rows for cell in row.cells)


@dataclass
class Section:
    key: str
    title: str
    intro: str
    tables: list[FigureTable] = field(default_factory=list)
