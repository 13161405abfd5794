"""Reading a CSV file of people to invite: columns, roles and teams, before anything is saved.

Columns (the first row): `email`, `role` and optionally `team` and `first_name`; the Dutch
headers `e-mail`, `rol`, `team` and `voornaam` work too. A role is written as its value
(`ervaringswerker`) or its name in Dutch or English (`Collega-professional`). The file is UTF-8
(with or without BOM), separated by `;` or `,`, at most 1 MB and 2,000 rows. Row numbers are
the rows as a spreadsheet shows them: the header is row 1.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from wijkennis.core.security import is_plain_text
from wijkennis.organisations.models import Role, Team

MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
COLUMNS = {
    "email": "email",
    "e-mail": "email",
    "emailadres": "email",
    "e-mailadres": "email",
    "role": "role",
    "rol": "role",
    "team": "team",
    "first_name": "first_name",
    "first name": "first_name",
    "firstname": "first_name",
    "voornaam": "first_name",
}
REQUIRED = ("email", "role")
EXAMPLE = (
    "e-mail;rol;team;voornaam\r\n"
    "fatima@voorbeeld.nl;ervaringswerker;;Fatima\r\n"
    "jeroen@voorbeeld.nl;collega;;Jeroen\r\n"
)


@dataclass(order=True)
class RowError:
    row: int
    column: str
    reason: str


class CsvImportError(Exception):
    """Nothing was imported. `errors` names each bad row (row number, column, reason)."""

    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} problem(s) in the file")
        self.errors = errors


@dataclass
class Row:
    number: int
    values: dict[str, str]  # canonical column → text
    columns: dict[str, str]  # canonical column → header as written in the file
    role: str = ""  # a Role value, or "" when unknown
    team: Team | None = None


def _plain(text: str) -> str:
    """Lower case, no accents, single spaces: 'Coördinator ' → 'coordinator'."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(text.lower().replace("_", " ").split())


def role_names() -> dict[str, str]:
    """Every way to write a role → its value: the value and the name in Dutch and English
    (also each half of a name like 'Coordinator / kwartiermaker')."""
    names = {}
    for role in Role:
        names[_plain(role.value)] = role.value
        for language in ("nl", "en"):
            with translation.override(language):
                label = str(role.label)
            names[_plain(label)] = role.value
            for part in label.split("/"):
                names.setdefault(_plain(part), role.value)
    return names


def _decode(uploaded_file) -> str:
    if uploaded_file.size is not None and uploaded_file.size > MAX_BYTES:
        raise CsvImportError([RowError(0, "", _("The file is too big. The limit is 1 MB."))])
    data = uploaded_file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise CsvImportError([RowError(0, "", _("The file is too big. The limit is 1 MB."))])
    if not is_plain_text(data[:8192]):  # by content: a PDF or picture renamed to .csv
        raise CsvImportError(
            [
                RowError(
                    0,
                    "",
                    _(
                        "This is not a CSV file. Save it as 'CSV UTF-8' in your spreadsheet "
                        "program and try again."
                    ),
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CsvImportError(
            [
                RowError(
                    0,
                    "",
                    _(
                        "We cannot read this file. Save it as 'CSV UTF-8' in your spreadsheet "
                        "program and try again."
                    ),
                )
            ]
        ) from None


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    return ";" if first_line.count(";") >= first_line.count(",") else ","


def _header(cells: list[str]) -> dict[int, tuple[str, str]]:
    """Column index → (canonical name, header as written); CsvImportError when unusable."""
    found, errors = {}, []
    for index, cell in enumerate(cells):
        written = cell.strip()
        if not written:
            continue
        name = COLUMNS.get(_plain(written).replace(" ", "_")) or COLUMNS.get(_plain(written))
        if name is None:
            errors.append(
                RowError(
                    1,
                    written,
                    _("We do not know this column. Use: email, role, team and first_name."),
                )
            )
        elif name in {canonical for canonical, _written in found.values()}:
            errors.append(RowError(1, written, _("This column is in the file twice.")))
        else:
            found[index] = (name, written)
    present = {canonical for canonical, _written in found.values()}
    for name in REQUIRED:
        if name not in present:
            errors.append(RowError(1, name, _("This column is missing. Put it in the first row.")))
    if errors:
        raise CsvImportError(errors)
    return found


def read_rows(uploaded_file, organisation) -> tuple[list[Row], list[RowError]]:
    """The rows with their role and team looked up, and the problems found while reading.
    Problems with the whole file (too big, not UTF-8, columns) raise CsvImportError."""
    text = _decode(uploaded_file)
    if not text.strip():
        raise CsvImportError([RowError(0, "", _("The file is empty."))])
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text)))
    except csv.Error:
        raise CsvImportError(
            [RowError(0, "", _("We cannot read this file as CSV. Check the quotes."))]
        ) from None
    header = _header(records[0])
    if len(records) - 1 > MAX_ROWS:
        raise CsvImportError(
            [
                RowError(
                    0,
                    "",
                    _("The file has more than %(max)s rows. Split it into smaller files.")
                    % {"max": MAX_ROWS},
                )
            ]
        )
    roles = role_names()
    teams = {_plain(team.name): team for team in Team.objects.filter(organisation=organisation)}
    columns = {name: written for name, written in header.values()}
    rows, errors = [], []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # empty lines, e.g. at the end of the file
        values = {
            name: cells[index].strip() if index < len(cells) else ""
            for index, (name, _written) in header.items()
        }
        row = Row(number, values, columns)
        if not values.get("email"):
            errors.append(RowError(number, columns["email"], _("The e-mail address is empty.")))
        if not values.get("role"):
            errors.append(RowError(number, columns["role"], _("The role is empty.")))
        else:
            row.role = roles.get(_plain(values["role"]), "")
            if not row.role:
                errors.append(
                    RowError(
                        number,
                        columns["role"],
                        _("We do not know the role “%(role)s”.") % {"role": values["role"]},
                    )
                )
        if values.get("team"):
            row.team = teams.get(_plain(values["team"]))
            if row.team is None:
                errors.append(
                    RowError(
                        number,
                        columns["team"],
                        _("The team “%(team)s” does not exist in this organisation.")
                        % {"team": values["team"]},
                    )
                )
        if len(values.get("first_name", "")) > 150:
            errors.append(RowError(number, columns["first_name"], _("The first name is too long.")))
        rows.append(row)
    return rows, errors
