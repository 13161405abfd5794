from django.shortcuts import render

from .queries import search_stories


def search_page(request):
    query = request.GET.get("q", "").strip()[:200]
    concepts = request.GET.getlist("onderwerp")[:10]
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    results = (
        search_stories(query, request.user, concepts=concepts, page=page, include_knowledge=True)
        if query
        else None
    )
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "selected": concepts},
    )
