"""Dashboard pages and exports: who sees what, the period filter, CSV and XLSX."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from tests.factories import StoryFactory
from wijkennis.dashboards.suppression import hidden
from wijkennis.stories.models import Visibility

from .helpers import trajectory, utrecht_cohort

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2026-01-01", "end": "2026-12-31"}


def org_url(people, name="organisation", **kwargs):
    return reverse(f"dashboards:{name}", kwargs={"organisation_pk": people.org_a.pk, **kwargs})


def municipality_url(people, municipality=None, name="municipality", **kwargs):
    pk = (municipality or people.municipality).pk
    return reverse(f"dashboards:{name}", kwargs={"municipality_pk": pk, **kwargs})


@pytest.fixture
def figures(people):
    """Organisation A's Utrecht cohort; B has trajectories and a story of its own."""
    utrecht_cohort(people.coordinator, people.org_a)
    for _n in range(6):
        trajectory(people.coordinator_b, people.org_b, furthest=6)
    StoryFactory(author=people.bram, organisation=people.org_b, published=True)
    return people


def test_coordinator_sees_chart_and_table_of_own_organisation(client, figures):
    client.force_login(figures.coordinator)
    response = client.get(org_url(figures), PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert 'role="img"' in html and "<caption>" in html and 'scope="row"' in html
    funnel = response.context["sections"][0].tables[0]
    assert funnel.cell(0, 0).value == 12 and funnel.cell(0, 2).value == 7
    # The SVG uses points, not the Dutch decimal comma.
    assert 'viewBox="0 0 460 ' in html


def test_other_organisation_coordinator_and_colleague_get_404(client, figures):
    for person in (figures.coordinator_b, figures.colleague, figures.anouk, figures.researcher):
        client.force_login(person)
        assert client.get(org_url(figures)).status_code == 404
        export = org_url(figures, "organisation_export", extension="csv")
        assert client.get(export).status_code == 404


def test_beheerder_sees_every_organisation(client, figures):
    client.force_login(figures.admin)
    assert client.get(org_url(figures)).status_code == 200
    response = client.get(reverse("dashboards:index"))
    assert figures.org_b.name in response.content.decode()


def test_policy_officer_sees_aggregates_of_funded_organisations_only(client, figures):
    client.force_login(figures.policy_officer)
    index = client.get(reverse("dashboards:index")).content.decode()
    assert figures.org_a.name in index and figures.org_b.name not in index
    response = client.get(municipality_url(figures), PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert figures.org_a.name in html
    assert figures.org_b.name not in html  # not funded: not even its name
    funnel = response.context["sections"][0].tables[0]
    assert funnel.cell(0, 0).value == 12  # A's 12 only; B's 6 are not added
    # Never a trajectory or a story: no links to them, and their pages are closed.
    assert "/trajecten/" not in html.split("<main", 1)[1]
    some = figures.org_a.trajectories.first()
    assert client.get(some.get_absolute_url()).status_code == 404
    assert client.get(reverse("trajectories:list")).status_code == 403
    story = StoryFactory(
        author=figures.anouk,
        organisation=figures.org_a,
        published=True,
        visibility=Visibility.ORGANISATION,
    )
    assert client.get(story.get_absolute_url()).status_code == 404
    # Nor the organisation's own dashboard (its figures come only added up).
    assert client.get(org_url(figures)).status_code == 404


def test_policy_officer_of_another_municipality_gets_404(client, figures):
    client.force_login(figures.policy_officer_other)
    assert client.get(municipality_url(figures)).status_code == 404
    export = municipality_url(figures, name="municipality_export", extension="csv")
    assert client.get(export).status_code == 404
    # Their own municipality funds B: B's figures, never A's name.
    other = figures.org_b.funded_by.get()
    response = client.get(municipality_url(figures, other), PERIOD)
    assert response.status_code == 200
    assert figures.org_a.name not in response.content.decode()


def test_people_without_a_dashboard_get_403_and_anonymous_the_login(client, people):
    client.force_login(people.anouk)
    assert client.get(reverse("dashboards:index")).status_code == 403
    client.logout()
    response = client.get(org_url(people))
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_bad_dates_give_a_message_and_keep_the_input(client, people):
    client.force_login(people.coordinator)
    response = client.get(org_url(people), {"start": "31-02-2026x", "end": "2026-03-01"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="31-02-2026x"' in html
    assert "error-summary" in html
    assert response.context["sections"] == []
    response = client.get(org_url(people), {"start": "2026-05-01", "end": "2026-03-01"})
    assert response.status_code == 400
    assert 'value="2026-05-01"' in response.content.decode()
    assert "end" in response.context["form"].errors
    export = client.get(org_url(people, "organisation_export", extension="csv"), {"end": "x"})
    assert export.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        {"end": "0001-01-01"},
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"start": "9999-01-01", "end": "9999-12-31"},
        {"type": "abc"},
        {"type": "999999"},
        {"start": "2026-01-01\x00"},
    ],
)
def test_odd_filters_never_give_an_error_page(client, people, query):
    client.force_login(people.coordinator)
    assert client.get(org_url(people), query).status_code in (200, 400)
    export = org_url(people, "organisation_export", extension="xlsx")
    assert client.get(export, query).status_code in (200, 400)


def test_presets_and_default_period(client, people):
    client.force_login(people.coordinator)
    response = client.get(org_url(people))
    period = response.context["period"]
    assert (period.end - period.start).days in (364, 365)
    labels = [str(preset["label"]) for preset in response.context["presets"]]
    assert len(labels) == 3
    start = response.context["presets"][0]["start"]
    assert (start.month, start.day) == (1, 1)


def test_period_changes_the_figures(client, figures):
    client.force_login(figures.coordinator)
    response = client.get(org_url(figures), {"start": "2026-03-01", "end": "2026-12-31"})
    funnel = response.context["sections"][0].tables[0]
    assert str(funnel.cell(0, 0)) == "< 5"  # the cohort started in February


def read_csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_export_has_the_same_figures_and_suppression(client, figures):
    client.force_login(figures.coordinator)
    response = client.get(org_url(figures, "organisation_export", extension="csv"), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    funnel = [row for row in rows if row["row"] in ("Eerste contact", "Schuldregeling")]
    values = [(row["row"], row["value"]) for row in funnel]
    with translation.override("nl"):
        hidden_text = str(hidden())
    assert values == [
        ("Eerste contact", hidden_text),  # hidden: 11 of 12 would show a drop of 1
        ("Eerste contact", hidden_text),
        ("Eerste contact", "7"),
        ("Eerste contact", "100"),
        ("Schuldregeling", "6"),
        ("Schuldregeling", "50"),
        ("Schuldregeling", "< 5"),
        ("Schuldregeling", "< 5"),
    ]
    assert {row["period_start"] for row in rows} == {"2026-01-01"}
    assert not any(row["value"] in ("1", "2", "3", "4") for row in rows)


def test_xlsx_export_matches_the_csv_and_is_formula_safe(client, figures):
    figures.org_a.name = '=HYPERLINK("http://x")'
    figures.org_a.save()
    client.force_login(figures.coordinator)
    csv_rows = read_csv(
        client.get(org_url(figures, "organisation_export", extension="csv"), PERIOD)
    )
    response = client.get(org_url(figures, "organisation_export", extension="xlsx"), PERIOD)
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header == tuple(csv_rows[0])
    assert len(body) == len(csv_rows)
    assert all(
        ("" if cell is None else str(cell)) == row[key]
        for xlsx_row, row in zip(body, csv_rows, strict=True)
        for cell, key in zip(xlsx_row, header, strict=True)
    )
    assert body[0][0] == '\'=HYPERLINK("http://x")'  # text, not a formula
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 5))
    assert ("< 5" in [row[6] for row in body]) and 12 in [row[6] for row in body]


def test_unknown_export_extension_is_404(client, people):
    client.force_login(people.coordinator)
    response = client.get(org_url(people, "organisation_export", extension="pdf"))
    assert response.status_code == 404


def test_export_date_is_iso(client, people):
    client.force_login(people.coordinator)
    response = client.get(org_url(people, "organisation_export", extension="csv"), PERIOD)
    assert datetime.date(2026, 12, 31).isoformat() in response["Content-Disposition"]
