"""The registry is complete: generated from the app registry, so a new model that points at
people fails here until someone decides how it is exported and deleted."""

import pytest

from wijkennis.mydata.registry import (
    REGISTRY,
    SECTION_KEYS,
    Action,
    relation,
    rules,
    user_relations,
)


def test_every_relation_to_the_user_model_is_in_the_registry():
    missing = sorted(user_relations() - set(REGISTRY))
    assert not missing, f"Add these to wijkennis/mydata/registry.py: {missing}"


def test_every_registry_entry_is_a_relation_to_the_user_model():
    stale = sorted(key for key, _rule in rules() if key not in user_relations())
    assert not stale, f"No such relation to the user model any more: {stale}"


@pytest.mark.parametrize(("key", "rule"), rules(), ids=[key for key, _rule in rules()])
def test_each_rule_can_be_carried_out(key, rule):
    model, field = relation(key)
    assert rule.section in SECTION_KEYS
    if rule.on_delete == Action.UNLINK:
        assert field.null, f"{key}: a field that cannot be empty cannot be unlinked"
    if rule.on_delete in (Action.UNLINK, Action.ANONYMISE):
        assert not field.many_to_many
    for name in [*rule.clear, *(rule.export or ())]:
        model._meta.get_field(name)  # raises when a field is named wrongly
