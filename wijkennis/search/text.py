"""Dutch text to search terms: the same tokens and stems for indexing, queries and highlights.

`dutch_porter` gives the stems PostgreSQL's `dutch` configuration gives (DEPENDENCIES.md), so
both backends agree on what matches.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)

# Function words that carry no meaning on their own in a search (kept inside phrases).
STOPWORDS = frozenset(
    """de het een en of maar dat die dit deze van in op aan met voor naar bij uit over om
    te tot als dan ook nog wel al er hier daar is was zijn ben bent wordt werd worden heb
    hebt heeft had hadden kan kon kunnen zal zou zullen moet moest mag wil ik je jij u hij
    ze zij wij we jullie hun hen hem haar mij me mijn jouw zijn ons onze wat wie waar hoe
    want omdat dus toen zo heel erg veel meer nu niet geen""".split()
)

_stemmer = snowballstemmer.stemmer("dutch_porter")


def fold(word: str) -> str:
    """Lower case without diacritics ("financiële" → "financiele"), as FTS5 and unaccent do."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(fold(word))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def stems(text: str, drop_stopwords: bool = False) -> list[str]:
    return [stem(w) for w in words(text) if not (drop_stopwords and fold(w) in STOPWORDS)]


def stemmed_text(text: str) -> str:
    """What the SQLite index stores: the stems of the meaningful words, in order.

    Leaving out function words on both sides lets the phrase "post open" (from the label
    "durf de post niet open te maken") match "de post niet open".
    """
    return " ".join(stems(text, drop_stopwords=True))
