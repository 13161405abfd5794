import csv
import io

from wijkennis.core.exports import csv_text


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted():
    rows = [{"title": "=SUM(A1:A9)", "note": "-1+2", "count": 3, "empty": None, "ok": "a-b"}]
    [row] = list(csv.DictReader(io.StringIO(csv_text(rows))))
    assert row == {"title": "'=SUM(A1:A9)", "note": "'-1+2", "count": "3", "empty": "", "ok": "a-b"}
    assert csv_text([]) == ""
