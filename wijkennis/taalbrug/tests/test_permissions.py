"""Saved texts are private: SavedText.objects.visible_to is the single place this is decided."""

from wijkennis.taalbrug.models import SavedText


def test_a_saved_text_is_visible_to_its_owner_only(people):
    saved = SavedText.objects.create(owner=people.anouk, title="Brief", text="Een brief.")
    readers = {
        name
        for name, user in people.roles().items()
        if SavedText.objects.visible_to(user).filter(pk=saved.pk).exists()
    }
    assert readers == {"anouk"}  # not her coordinator, not the beheerder


def test_each_owner_sees_only_their_own_texts(people):
    anouk = SavedText.objects.create(owner=people.anouk, title="A", text="Tekst A.")
    bram = SavedText.objects.create(owner=people.bram, title="B", text="Tekst B.")
    assert list(SavedText.objects.visible_to(people.anouk)) == [anouk]
    assert list(SavedText.objects.visible_to(people.bram)) == [bram]
    assert not SavedText.objects.visible_to(people.anonymous).exists()


def test_saved_texts_go_when_their_owner_goes(people):
    SavedText.objects.create(owner=people.anouk, title="A", text="Tekst A.")
    people.anouk.delete()
    assert not SavedText.objects.exists()
