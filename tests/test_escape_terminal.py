"""terminal_text: the one function that makes user text safe for a terminal or a log."""

from __future__ import annotations

import pytest

from mkdocs_archdesign.core.escape import terminal_text


@pytest.mark.parametrize(
    "unsafe",
    [
        "\x1b]0;pwned\x07",  # OSC 0: set the window title
        "\x1b]52;c;ZXZpbA==\x07",  # OSC 52: write the clipboard
        "\x9b31m",  # C1 CSI, one code point
        "\x85",  # C1 NEL
        "\x7f",
        "a\nb\rc",
        "\u2028\u2029",
        "\u202e\u2066\u2069",  # bidi override and isolates
    ],
)
def test_control_and_bidi_code_points_are_replaced(unsafe: str) -> None:
    shown = terminal_text(f"x{unsafe}y")
    assert shown.startswith("x") and shown.endswith("y")
    assert all(ch.isprintable() and ch not in "\u202e\u2066\u2069" for ch in shown)
    assert len(shown) == len(unsafe) + 2  # one replacement per code point, nothing lost


def test_printable_text_is_kept_exactly() -> None:
    text = "注文サービス — café ✓ @alice <b>"
    assert terminal_text(text) == text


def test_replacement_is_configurable() -> None:
    assert terminal_text("a\x1bb", " ") == "a b"
    assert terminal_text(42) == "42"
