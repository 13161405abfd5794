"""Geometry of the server-side SVG bar charts. A chart is drawn from a `FigureTable`, so it can
only show what the table beside it shows: a hidden or small figure gets no bar, only its text."""

from django.utils.translation import gettext as _

from .figures import FigureTable

WIDTH = 460
LABEL_WIDTH = 180  # left column with the row labels
VALUE_ROOM = 64  # right of the longest bar, for its value
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
TOP = 8
# Colours with at least 3:1 contrast against white, told apart by the legend and the table.
COLOURS = ("#0b4f8a", "#a4161a", "#2f6b2f", "#6b4c00")


def bar_chart(table: FigureTable) -> dict | None:
    """Horizontal bars: one group per table row, one bar per charted column."""
    if not table.chart_columns or not table.rows:
        return None
    values = [
        row.cells[c].value for row in table.rows for c in table.chart_columns if row.cells[c].shown
    ]
    top = table.chart_max or max(values + [1])
    plot = WIDTH - LABEL_WIDTH - VALUE_ROOM
    groups = []
    y = TOP
    for row in table.rows:
        bars = []
        for position, column in enumerate(table.chart_columns):
            figure = row.cells[column]
            length = round(plot * figure.value / top, 1) if figure.shown else 0
            bars.append(
                {
                    "y": y,
                    "text_y": y + BAR_HEIGHT - 4,
                    "length": length,
                    "text_x": LABEL_WIDTH + length + 6,
                    "colour": COLOURS[position % len(COLOURS)],
                    "text": str(figure),
                }
            )
            y += BAR_HEIGHT + BAR_GAP
        groups.append({"label": row.label, "label_y": bars[0]["text_y"], "bars": bars})
        y += GROUP_GAP - BAR_GAP
    return {
        "width": WIDTH,
        "height": y + TOP,
        "label_x": LABEL_WIDTH - 8,
        "left": LABEL_WIDTH,
        "groups": groups,
        "legend": [
            {"label": table.columns[column], "colour": COLOURS[position % len(COLOURS)]}
            for position, column in enumerate(table.chart_columns)
        ],
        "title": _("%(caption)s. The table beside the chart has the same numbers.")
        % {"caption": table.caption},
    }
