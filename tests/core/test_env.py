import pytest

from scotty.core.env import ConfigError, env_bool, env_int, env_list, secret_key


def test_booleans_accept_the_usual_words_and_refuse_the_rest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for word, value in [("true", True), ("ON", True), ("0", False), ("no", False)]:
        monkeypatch.setenv("X_FLAG", word)
        assert env_bool("X_FLAG", not value) is value
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ConfigError, match="X_FLAG must be true or false"):
        env_bool("X_FLAG", False)


def test_numbers_fail_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_NUM", "10MB")
    with pytest.raises(ConfigError, match="whole number"):
        env_int("X_NUM", 1)
    monkeypatch.delenv("X_NUM")
    assert env_int("X_NUM", 7) == 7


def test_lists_are_comma_separated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_HOSTS", "desk.example.org, ,scotty.local")
    assert env_list("X_HOSTS", []) == ["desk.example.org", "scotty.local"]


def test_the_secret_key_is_generated_once_and_kept(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) > 40 and secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    assert secret_key(tmp_path) == "from-the-environment"


def test_production_defaults_are_safe() -> None:
    from scotty import settings

    assert settings.DEBUG is False or "DEBUG" in __import__("os").environ
    assert settings.SESSION_COOKIE_HTTPONLY and settings.X_FRAME_OPTIONS == "DENY"
    assert settings.AXES_ENABLED is True
