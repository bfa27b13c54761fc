import pytest

from mixed_demo import histogram, mean, median


def test_mean_and_median():
    assert mean([1, 2, 3, 6]) == 3
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 2]) == 2.5


def test_mean_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        mean([])


def test_histogram_drops_outliers():
    assert histogram([0.0, 0.5, 1.2, 2.9, 3.0, -1.0], 0.0, 1.0, 3) == [2, 1, 1]


def test_histogram_rejects_bad_width():
    with pytest.raises(ValueError, match="positive"):
        histogram([1.0], 0.0, 0.0)
