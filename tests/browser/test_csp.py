"""Content-Security-Policy in a real browser: a few page types (start page, writing a story
with htmx, search, a dashboard with charts, the two-step sign-in QR code, the API docs with
Swagger UI) load without one CSP violation. This test uses its own browser context: the
shared `page` fixture bypasses CSP so that axe-core can be injected."""

import pytest
from django.urls import reverse

from conftest import PASSWORD
from wijkennis.dashboards.tests.helpers import utrecht_cohort

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
});
"""


@pytest.fixture
def strict_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.console_errors = []
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and "Content Security Policy" in message.text
            and page.console_errors.append(message.text)
        ),
    )
    yield page
    context.close()


def violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations") + page.console_errors


def visit(page, url: str, ready: str = "main") -> list[str]:
    response = page.goto(url)
    assert response.status == 200, url
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
    return violations(page)


def test_pages_load_without_csp_violations(strict_page, people, debt_type):
    page = strict_page
    found = {}
    found["home"] = visit(page, "/")
    found["search"] = visit(page, reverse("search:search") + "?q=schulden")
    found["api docs"] = visit(page, reverse("api:docs"), ready="#swagger-ui .info")

    log_in(page, people.anouk.email, PASSWORD)
    found["story write"] = visit(page, reverse("stories:create"))
    page.locator("#id_body").fill("Ik opende samen met Piet de post. Dat hielp.")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    found["story review (htmx)"] = violations(page)

    page.context.clear_cookies()
    utrecht_cohort(people.coordinator, people.org_a)
    log_in(page, people.coordinator.email, PASSWORD)
    found["dashboard"] = visit(
        page,
        reverse("dashboards:organisation", args=[people.org_a.pk]),
        ready="svg[role=img]",
    )
    found["two-step sign-in"] = visit(page, reverse("twofactor:manage"), ready="[data-qr] svg")

    page.context.clear_cookies()
    log_in(page, people.admin.email, PASSWORD)
    found["admin"] = visit(page, reverse("admin:index"), ready="#content")
    wrong = {name: v for name, v in found.items() if v}
    assert not wrong, wrong


def test_an_inline_script_would_be_reported(strict_page, people):
    """The listener above works: an injected inline script is refused and reported."""
    page = strict_page
    visit(page, "/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__ran = true"; document.body.appendChild(s); }"""
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.__ran === true") is False
    assert any("script-src" in v for v in violations(page))


def test_an_inline_style_attribute_would_be_reported(strict_page, people):
    """No style attributes either: one set by a script is refused and reported."""
    page = strict_page
    visit(page, "/")
    page.evaluate("() => document.querySelector('main').setAttribute('style', 'color: red')")
    page.wait_for_timeout(200)
    assert page.evaluate("() => getComputedStyle(document.querySelector('main')).color") != (
        "rgb(255, 0, 0)"
    )
    assert any("style-src" in v for v in violations(page))
