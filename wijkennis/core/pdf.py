"""Documents as PDF with WeasyPrint: a template that extends `pdf/base.html`, rendered to bytes.

Nothing is fetched from the network: the print styles are inline and WeasyPrint gets no base
URL, so a template cannot pull in outside files.
"""

from django.template.loader import render_to_string


def render_pdf(template_name: str, context: dict) -> bytes:
    import weasyprint  # loaded on first use: it pulls in Pango and fonts

    html = render_to_string(template_name, context)
    return weasyprint.HTML(string=html, url_fetcher=_no_fetching).write_pdf()


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"PDF templates may not load outside files ({url[:60]})")
