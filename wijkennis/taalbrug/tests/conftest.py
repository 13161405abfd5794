import pytest

from wijkennis.taalbrug import bridge


@pytest.fixture(autouse=True)
def fresh_label_index():
    """A rolled-back test sends no post_delete: forget the index of the test before."""
    bridge._index.cache_clear()
    yield
    bridge._index.cache_clear()
