"""The search page's result list as HTML, shared by everyone who may read the same stories.

With the ranking cached (search.queries), a search page still read its 20 stories, highlighted
them and rendered the list: about two thirds of its time (docs/BENCHMARKS.md). The rendered list
is kept in the cache "search_pages", keyed by the searcher's readership, the query string and
the language. It holds de-identified story text, so any change of the search index, the
vocabulary, a wij-kennis item or an organisation empties that cache whole: no list outlives what
it shows, and no text of a withdrawn or erased story stays behind.

Each app process also keeps its most recent lists in memory (`_recent`), valid only under the
generation they were fetched under: that generation is read with the searcher's own cached
values (`generations.read_along`), so a list asked again costs no round trip to Redis and no
20 KB transfer. A change anywhere moves the generation; each process then drops all of its
lists at its next search, the changing process at once.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from wijkennis.core.generations import bump, read_along, token, token_as_read
from wijkennis.knowledge.models import KnowledgeItem
from wijkennis.organisations.models import Organisation
from wijkennis.vocabulary.models import AltLabel, Concept
from wijkennis.vocabulary.signals import vocabulary_changed

from .models import SearchEntry
from .queries import search_stories, shared_readership

PER_PAGE = 20
GENERATION = "search-pages"  # moves whenever the cache is emptied
read_along(GENERATION)
RECENT_PAGES = 256  # lists kept in each process's memory (about 20 KB each)


class RecentPages:
    """The most recently used lists of one generation, in this process's memory."""

    def __init__(self, size: int):
        self.size = size
        self._lock = threading.Lock()  # runserver and threaded workers share the process
        self._generation = None
        self._pages: OrderedDict[str, tuple[float, str]] = OrderedDict()

    def get(self, generation: str, key: str) -> str | None:
        with self._lock:
            if generation != self._generation:
                self._generation, self._pages = generation, OrderedDict()
                return None
            expires, html = self._pages.get(key, (0.0, None))
            if expires < time.monotonic():
                return None
            self._pages.move_to_end(key)
            return html

    def put(self, generation: str, key: str, html: str, seconds: int) -> None:
        with self._lock:
            if generation == self._generation:
                self._pages[key] = (time.monotonic() + seconds, html)
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)

    def texts(self) -> dict[str, str]:
        with self._lock:
            return {key: html for key, (_expires, html) in self._pages.items()}

    def clear(self) -> None:
        with self._lock:
            self._generation, self._pages = None, OrderedDict()


_recent = RecentPages(RECENT_PAGES)


def results_html(request, raw: str, concepts: list[str], page: int) -> SafeString:
    """The rendered results of `raw` for `request.user`, from the cache when someone with the
    same readership asked the same before (0 cache seconds: rendered every time)."""
    seconds = settings.WIJKENNIS_SEARCH_CACHE_SECONDS
    if not seconds:
        return _render(request, raw, concepts, page)
    store = caches["search_pages"]
    key = _key(shared_readership(request.user), request)
    generation = token_as_read(GENERATION)
    html = _recent.get(generation, key)
    if html is not None:  # kept as it came; its time runs from when it was put
        return mark_safe(html)  # noqa: S308 - our own template's output, escaped there
    html = store.get(key)
    if html is None:
        html = _render(request, raw, concepts, page)
        # Rendered from rows that a change may have replaced meanwhile (and the cache emptied
        # since): then not kept.
        if token(GENERATION) != generation:
            return mark_safe(html)  # noqa: S308 - our own template's output, escaped there
        store.set(key, html, seconds)
    _recent.put(generation, key, html, seconds)
    return mark_safe(html)  # noqa: S308 - our own template's output, escaped there


def _render(request, raw: str, concepts: list[str], page: int) -> SafeString:
    results = search_stories(
        raw, request.user, concepts=concepts, page=page, per_page=PER_PAGE, include_knowledge=True
    )
    # No context processors: the list holds no form, no token and nothing of the person asking.
    return render_to_string("search/results.html", {"results": results, "request": request})


def _key(readers, request) -> str:
    # Hashed: the query words are not kept in the cache as they were typed. The query string
    # as a whole, because the page and facet links repeat it.
    parts = repr((readers, translation.get_language(), request.GET.urlencode(), PER_PAGE))
    return "search:page:" + hashlib.sha256(parts.encode()).hexdigest()


def forget_all() -> None:
    """Empty the rendered results of every process, now and again after the commit; and move
    their generation, so a list being rendered from the old rows is not stored."""
    bump(GENERATION)
    _recent.clear()
    store = caches["search_pages"]
    store.clear()
    transaction.on_commit(store.clear)


@receiver(post_save, sender=SearchEntry)
@receiver(post_delete, sender=SearchEntry)
@receiver(post_save, sender=KnowledgeItem)
@receiver(post_save, sender=Organisation)
@receiver(post_save, sender=Concept)
@receiver(post_delete, sender=Concept)
@receiver(post_save, sender=AltLabel)
@receiver(post_delete, sender=AltLabel)
@receiver(vocabulary_changed)
def _shown_text_changed(sender, **kwargs) -> None:
    forget_all()
