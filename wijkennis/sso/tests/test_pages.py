"""The login page's organisation option, the choose page, and starting a sign-in."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.messages import get_messages
from django.template import Context, Template
from django.urls import reverse

from tests.factories import OrganisationFactory
from wijkennis.sso.services import REFUSALS, SESSION_PROVIDER

from .helpers import provider_for


def test_login_page_offers_organisation_login_only_with_an_enabled_provider(
    client, people, oidc_server
):
    assert 'id="sso-option"' not in client.get(reverse("accounts:login")).content.decode()
    provider = provider_for(people.org_a, oidc_server, enabled=False)
    assert 'id="sso-option"' not in client.get(reverse("accounts:login")).content.decode()

    provider.enabled = True
    provider.save()
    page = client.get(reverse("accounts:login"), {"next": "/verhalen/"}).content.decode()
    assert 'id="sso-option"' in page
    assert f'href="{reverse("sso:choose")}?next=/verhalen/"' in page


def test_login_option_costs_one_query(people, oidc_server, django_assert_num_queries):
    provider_for(people.org_a, oidc_server)
    template = Template("{% load sso %}{% sso_login_option %}")
    with django_assert_num_queries(1):
        html = template.render(Context({"next": ""}))
    assert 'id="sso-option"' in html


def test_choose_page_lists_enabled_providers(client, people, oidc_server):
    provider_for(people.org_a, oidc_server)
    provider_for(people.org_b, oidc_server, enabled=False)

    response = client.get(reverse("sso:choose"), {"next": "/verhalen/"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-organisation="{people.org_a.pk}"' in html
    assert f'data-organisation="{people.org_b.pk}"' not in html
    start = reverse("sso:start", args=[people.org_a.pk])
    assert f'href="{start}?next=/verhalen/"' in html


def test_choose_page_without_providers_points_to_password_login(client, db):
    response = client.get(reverse("sso:choose"))
    assert response.status_code == 200
    assert 'id="sso-providers"' not in response.content.decode()


def test_start_sends_the_browser_to_the_provider(client, provider):
    response = client.get(reverse("sso:start", args=[provider.organisation_id]))

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        provider.authorization_endpoint
    )
    query = parse_qs(location.query)
    assert query["client_id"] == ["wijkennis"]
    assert query["redirect_uri"] == ["http://testserver/sso/callback/"]
    assert query["scope"] == ["openid email profile"]
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]
    assert client.session[SESSION_PROVIDER] == provider.pk


def test_start_for_an_organisation_without_provider_is_not_found(client, people, oidc_server):
    provider_for(people.org_b, oidc_server, enabled=False)
    assert client.get(reverse("sso:start", args=[people.org_a.pk])).status_code == 404
    assert client.get(reverse("sso:start", args=[people.org_b.pk])).status_code == 404
    organisation = OrganisationFactory()
    assert client.get(reverse("sso:start", args=[organisation.pk])).status_code == 404


def test_start_without_the_secret_in_the_environment_explains(client, people, oidc_server):
    provider_for(people.org_a, oidc_server, client_secret_env="WIJKENNIS_NOT_SET_ANYWHERE")

    response = client.get(reverse("sso:start", args=[people.org_a.pk]))

    assert response["Location"] == reverse("accounts:login")
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == [str(REFUSALS["not_configured"])]
    assert SESSION_PROVIDER not in client.session


def test_callback_without_a_started_flow_is_refused(client, db):
    response = client.get(reverse("sso:callback"), {"code": "abc", "state": "xyz"})
    assert response["Location"] == reverse("accounts:login")
    assert client.session.get("_auth_user_id") is None


def test_password_login_still_works_with_the_sso_backend(client, people):
    # django-axes comes first and needs the request; the SSO backend must stay out of the way.
    response = client.post(
        reverse("accounts:login"),
        {"username": "anouk@a.test", "password": "een-lang-test-wachtwoord-42"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(people.anouk.pk)
