from mixed_demo import cli, native


def test_pure_python_backend_is_used_without_the_extension(monkeypatch):
    monkeypatch.setenv("MIXED_DEMO_PURE", "1")
    native.load.cache_clear()
    try:
        assert native.backend_name() == "python"
        assert native.mean([1, 2, 3]) == 2
    finally:
        native.load.cache_clear()


def test_cli_prints_top_words(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MIXED_DEMO_PURE", "1")
    native.load.cache_clear()
    sample = tmp_path / "sample.txt"
    sample.write_text("the cat and the hat\n", encoding="utf-8")
    try:
        assert cli.main([str(sample), "--top", "1"]) == 0
    finally:
        native.load.cache_clear()
    out = capsys.readouterr().out
    assert "backend: python" in out
    assert "2 the" in out


def test_backend_matches_whether_the_extension_is_built(monkeypatch):
    import importlib.util

    monkeypatch.delenv("MIXED_DEMO_PURE", raising=False)
    native.load.cache_clear()
    try:
        built = importlib.util.find_spec("mixed_demo._native") is not None
        assert native.native_available() is built
        assert native.backend_name() == ("rust" if built else "python")
    finally:
        native.load.cache_clear()
