from mixed_demo import classify, tokenize, top_words


def test_tokenize_lowercases_and_splits():
    assert tokenize("Hello, hello world!") == ["hello", "hello", "world"]


def test_classify():
    assert classify("abc") == "word"
    assert classify("3.14") == "number"
    assert classify("a1") == "mixed"


def test_top_words_orders_by_count_then_name():
    assert top_words("b a b c a b", 2) == [("b", 3), ("a", 2)]
