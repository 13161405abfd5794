from django.shortcuts import render

from .pages import results_html


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    concepts = request.GET.getlist("onderwerp")[:10]
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "results_html": results_html(request, query, concepts, page) if query else "",
            "selected": concepts,
        },
    )
