"""The page frame's links and files are worked out once per process: still right for a
deployment under a sub-path, and the same as Django's own tags."""

from django.template import Context, Template
from django.templatetags.static import static
from django.urls import reverse, set_script_prefix


def render(source: str) -> str:
    return Template("{% load wijkennis %}" + source).render(Context())


def test_frame_links_are_those_of_django_and_follow_the_script_prefix():
    assert render("{% frame_url 'help:index' %}") == reverse("help:index")
    assert render("{% frame_static 'wijkennis/base.css' %}") == static("wijkennis/base.css")
    set_script_prefix("/wijkennis/")  # served under a sub-path
    try:
        under_prefix = reverse("help:index")
        assert under_prefix.startswith("/wijkennis/")
        assert render("{% frame_url 'help:index' %}") == under_prefix
    finally:
        set_script_prefix("/")
