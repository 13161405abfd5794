"""Bulk invite from a CSV file: all rows or none, every bad row named."""

import pytest
from django.core.exceptions import PermissionDenied

from wijkennis.invitations import csv_import, services
from wijkennis.invitations.models import Invitation
from wijkennis.organisations.models import Role, Team

from .helpers import csv_file, invite


def import_csv(people, text, *, by=None, **options):
    return services.import_invitations_csv(
        by or people.coordinator, people.org_a, csv_file(text, **options)
    )


def problems(people, text, **options):
    with pytest.raises(services.CsvImportError) as refused:
        import_csv(people, text, **options)
    assert not Invitation.objects.exists()
    return [(error.row, error.column) for error in refused.value.errors]


def test_good_file_invites_everyone(people, mailoutbox, django_capture_on_commit_callbacks):
    Team.objects.create(organisation=people.org_a, name="Wijkteam Noord")
    text = (
        "email,role,team,first_name\n"
        "een@a.test,ervaringswerker,Wijkteam Noord,Een\n"
        "TWEE@a.test,collega,,\n"
        "drie@a.test,leidinggevende,wijkteam noord,Drie\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        created = import_csv(people, text)
    assert [(i.email, i.role) for i in created] == [
        ("een@a.test", Role.ERVARINGSWERKER),
        ("twee@a.test", Role.COLLEGA),
        ("drie@a.test", Role.MANAGER),
    ]
    assert created[0].team.name == "Wijkteam Noord" and created[2].team == created[0].team
    assert created[0].first_name == "Een"
    assert sorted(m.to[0] for m in mailoutbox) == ["drie@a.test", "een@a.test", "twee@a.test"]
    assert all("/uitnodigingen/welkom/" in m.body for m in mailoutbox)


def test_dutch_headers_semicolons_bom_and_role_names(people):
    text = (
        "E-mail;Rol;Team;Voornaam\r\n"
        "een@a.test;Ervaringswerker;;Een\r\n"
        "twee@a.test;Collega-professional;;Twee\r\n"
        "drie@a.test;Coördinator / kwartiermaker;;Drie\r\n"
        "vier@a.test;coordinator;;Vier\r\n"
        "vijf@a.test;Leidinggevende;;\r\n"
        "zes@a.test;Professional colleague;;\r\n"
        ";;;\r\n"
    )
    created = import_csv(people, text, encoding="utf-8-sig")
    assert [i.role for i in created] == [
        Role.ERVARINGSWERKER,
        Role.COLLEGA,
        Role.COORDINATOR,
        Role.COORDINATOR,
        Role.MANAGER,
        Role.COLLEGA,
    ]
    assert created[0].first_name == "Een"


def test_one_bad_row_imports_nothing_and_names_the_row(
    people, mailoutbox, django_capture_on_commit_callbacks
):
    text = "email;rol\ngoed@a.test;ervaringswerker\nfout-adres;ervaringswerker\nok@a.test;collega\n"
    with django_capture_on_commit_callbacks(execute=True):
        found = problems(people, text)
    assert found == [(3, "email")]
    assert mailoutbox == []


def test_every_bad_row_is_reported(people):
    invite(people, email="al-uitgenodigd@a.test")
    text = (
        "email;rol;team\n"
        "goed@a.test;ervaringswerker;\n"  # 2: fine
        "geen-adres;ervaringswerker;\n"  # 3: bad e-mail
        "iemand@a.test;tovenaar;\n"  # 4: unknown role
        "baas@a.test;beheerder;\n"  # 5: a coordinator may not invite a beheerder
        "team@a.test;collega;Bestaat Niet\n"  # 6: unknown team
        "goed@a.test;collega;\n"  # 7: twice in the file
        "anouk@a.test;ervaringswerker;\n"  # 8: already a member
        "al-uitgenodigd@a.test;ervaringswerker;\n"  # 9: already invited
        ";ervaringswerker;\n"  # 10: empty e-mail
        "leeg@a.test;;\n"  # 11: empty role
    )
    with pytest.raises(services.CsvImportError) as refused:
        import_csv(people, text)
    found = [(error.row, error.column) for error in refused.value.errors]
    assert found == [
        (3, "email"),
        (4, "rol"),
        (5, "rol"),
        (6, "team"),
        (7, "email"),
        (8, "email"),
        (9, "email"),
        (10, "email"),
        (11, "rol"),
    ]
    assert all(error.reason for error in refused.value.errors)
    assert Invitation.objects.count() == 1  # only the one made before


def test_duplicate_row_names_the_first_row(people):
    with pytest.raises(services.CsvImportError) as refused:
        import_csv(people, "email,role\nx@a.test,collega\nX@A.test,ervaringswerker\n")
    [error] = refused.value.errors
    assert error.row == 3 and "2" in error.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("naam;rol\nx@a.test;collega\n", [(1, "naam"), (1, "email")]),
        ("email\nx@a.test\n", [(1, "role")]),
        ("email;rol;e-mail\nx@a.test;collega;y@a.test\n", [(1, "e-mail")]),
    ],
)
def test_columns_are_checked(people, text, expected):
    assert sorted(problems(people, text)) == sorted(expected)


def test_file_that_is_not_utf8_is_refused(people):
    assert problems(people, "email;rol;voornaam\nx@a.test;collega;Zoë\n", encoding="latin-1") == [
        (0, "")
    ]


def test_empty_file_and_header_only_are_refused(people):
    assert problems(people, "") == [(0, "")]
    assert problems(people, "email;rol\n") == [(1, "")]


def test_size_and_row_limits(people, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 2)
    assert problems(
        people, "email;rol\na@a.test;collega\nb@a.test;collega\nc@a.test;collega\n"
    ) == [(0, "")]
    monkeypatch.setattr(csv_import, "MAX_BYTES", 20)
    assert problems(people, "email;rol\na@a.test;collega\n") == [(0, "")]


def test_only_managers_of_the_organisation_import(people):
    for person in (people.anouk, people.coordinator_b, people.researcher):
        with pytest.raises(PermissionDenied):
            import_csv(people, "email;rol\nx@a.test;collega\n", by=person)
    assert not Invitation.objects.exists()


def test_staff_may_import_beheerders(people):
    created = import_csv(people, "email;rol\nx@a.test;Beheerder\n", by=people.admin)
    assert created[0].role == Role.BEHEERDER
