"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser)."""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# themselves (creating people) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package.")
    if not AXE.exists():
        pytest.fail("axe-core is missing: `make test` runs `npm ci` to install it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # bypass_csp: Playwright's wait_for_function(string) evaluates code in the page, which the
    # site's Content-Security-Policy forbids; tests/browser/test_csp.py checks CSP itself.
    context = browser.new_context(base_url=live_server.url, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def run_axe(page) -> dict:
    """axe-core's result for the page as it is now (WCAG 2.0/2.1 A and AA rules only)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not govern (a
        # <script> tag would be blocked by script-src 'self', as an attacker's would).
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag',
             values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )


def serious(violations: list[dict]) -> list[dict]:
    """The serious and critical violations, short: rule, impact and the first few elements."""
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def check_accessibility(page, name: str) -> list[dict]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules); fail on serious or critical violations."""
    result = run_axe(page)
    violations = result["violations"]
    found = serious(violations)
    assert not found, f"axe on {name}: " + json.dumps(found, indent=1)
    assert result["passes"], f"axe checked nothing on {name}"
    return violations


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, email: str, password: str) -> None:
    page.goto("/account/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def log_out(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


@pytest.fixture
def debt_type(db):
    """The shipped debt type (a data migration; an earlier transactional test may have emptied
    the tables)."""
    from wijkennis.trajectories.models import DEBT_STEPS, DEBT_TYPE_NAME, TrajectoryType

    debt, created = TrajectoryType.objects.get_or_create(organisation=None, name=DEBT_TYPE_NAME)
    if created:
        for order, name in enumerate(DEBT_STEPS, 1):
            debt.steps.create(order=order, name=name)
    return debt
