"""The small-group rule (suppression.py), on plain numbers."""

from wijkennis.dashboards.suppression import (
    HIDDEN,
    SHOWN,
    SMALL,
    count,
    over_group,
    percentage,
    protect_funnel,
    protect_partition,
)


def states(figures):
    return [f.state for f in figures]


def test_counts_under_five_read_fewer_than_five():
    assert str(count(4)) == "< 5"
    assert str(count(0)) == "< 5"
    assert count(4).value is None
    assert str(count(5)) == "5"
    assert count(None).state == SMALL


def test_percentage_needs_a_group_of_five_and_a_shown_part():
    assert str(percentage(count(3), count(6))) == "< 5"  # 50 % would give the 3 away
    assert percentage(count(4), count(4)).state == SMALL
    assert percentage(count(5), count(8)).value == 62  # 62.5 rounds to 62
    assert over_group(12.5, 4, unit="days").state == SMALL
    assert over_group(12.5, 5, count(3)).state == HIDDEN


def test_partition_hides_a_second_cell_when_one_small_cell_could_be_computed():
    # 6 + 3 = 9: showing 6 and the total 9 would give the 3 away, so 6 is hidden too.
    parts, total = protect_partition([6, 3], 9)
    assert states(parts) == [HIDDEN, SMALL]
    assert total.value == 9
    # 10 + 7 + 2 = 19: hiding the smallest shown part (7) makes the hidden sum 9, safe.
    parts, total = protect_partition([10, 7, 2], 19)
    assert states(parts) == [SHOWN, HIDDEN, SMALL]
    assert (parts[0].value, total.value) == (10, 19)


def test_partition_allows_a_difference_of_zero_or_five_and_more():
    parts, total = protect_partition([7, 0], 7)  # the zero identifies nobody
    assert states(parts) == [SHOWN, SMALL] and total.value == 7
    parts, total = protect_partition([8, 3, 2], 13)  # 3 + 2 = 5 together: safe
    assert states(parts) == [SHOWN, SMALL, SMALL] and total.value == 13


def test_partition_of_small_parts_keeps_a_total_of_five_or_more():
    parts, total = protect_partition([3, 3], 6)  # 6 together is a group of 6
    assert states(parts) == [SMALL, SMALL] and total.value == 6
    # Already suppressed parts (None, e.g. from inbreng.stats) count as small.
    parts, total = protect_partition([None, 7], 9)
    assert states(parts) == [SMALL, HIDDEN] and total.value == 9


def test_funnel_hides_steps_whose_drop_would_be_a_small_group():
    figures = protect_funnel([12, 11, 11, 9, 6, 6, 5])
    assert states(figures) == [SHOWN, HIDDEN, HIDDEN, HIDDEN, SHOWN, SHOWN, HIDDEN]
    assert [f.value for f in figures if f.shown] == [12, 6, 6]
    assert states(protect_funnel([20, 14, 3])) == [SHOWN, SHOWN, SMALL]
