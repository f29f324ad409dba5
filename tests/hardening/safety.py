"""Assertions that a rendered output carries no live markup, directive or command.

Each checker parses the output the way its consumer would (an HTML parser, mermaid's line
grammar, the GitHub runner's line protocol, an XML parser) and fails on anything a hostile
value could have turned into behaviour.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

#: Attributes whose value a browser follows as a URL.
_URL_ATTRS = frozenset({"href", "src", "action", "formaction", "xlink:href", "data"})


#: Handler attributes the renderers write themselves, with fixed values (no design text).
STATIC_HANDLERS = frozenset({"return false"})


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            text = (value or "").strip().lower()
            if name.startswith("on") and (value or "").strip() not in STATIC_HANDLERS:
                self.problems.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRS and text.startswith("javascript:"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if "__xss" in text and tag in ("script", "iframe", "embed", "object"):
                self.problems.append(f"<{tag}> carries {value!r}")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "__xss" in data:
            self.problems.append(f"<script> runs {data.strip()[:60]!r}")


def html_problems(text: str) -> list[str]:
    """Every live element or attribute a hostile value could have produced in ``text``."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    return collector.problems


def assert_safe_html(text: str, where: str = "") -> None:
    """Fail when ``text`` parses to a handler attribute, a javascript: URL or injected script."""
    problems = html_problems(text)
    assert not problems, f"{where}: {problems[:5]}"


_LABEL_RE = re.compile(r'"[^"\n]*"')

#: The only click line a renderer writes: ``click d0 href "../design/a/"``.
_OWN_CLICK_RE = re.compile(r'click [ds]\d+ href "[A-Za-z0-9._~%/-]*"')


def assert_safe_mermaid(source: str, where: str = "") -> None:
    """Fail when mermaid ``source`` has an injected directive, click line or open label."""
    lines = source.splitlines()
    # The renderer may open with its own layout directive; nothing else may set config.
    body = lines[1:] if lines and lines[0].startswith('%%{init: {"flowchart"') else lines
    for line in body:
        assert "%%{" not in line, f"{where}: directive in {line!r}"
        stripped = line.strip()
        if re.match(r"click\b", stripped):
            # The catalog graph's own links: a numbered node and a percent-encoded path.
            assert _OWN_CLICK_RE.fullmatch(stripped), f"{where}: click line {line!r}"
            continue
        assert not stripped.startswith(("subgraph evil", "evil")), f"{where}: {line!r}"
        assert line.count('"') % 2 == 0, f"{where}: unbalanced label quotes in {line!r}"
        for label in _LABEL_RE.findall(line):
            assert "pwned" not in label or "#" in label, f"{where}: {label!r}"
        outside = _LABEL_RE.sub('""', line)
        assert "pwned" not in outside, f"{where}: label escaped into {line!r}"
        assert "javascript" not in outside, f"{where}: {line!r}"


#: The workflow commands ``check --format github`` may print.
GITHUB_COMMANDS = ("::error ", "::warning ", "::notice ")


def assert_safe_github(output: str) -> None:
    """Fail unless every line is one known workflow command (or the summary line)."""
    lines = output.splitlines()
    for line in lines:
        if line.startswith("::"):
            assert line.startswith(GITHUB_COMMANDS), f"unknown command {line!r}"
            assert "\r" not in line, f"carriage return in {line!r}"
        else:
            assert "::" not in line, f"command text on a plain line {line!r}"


def assert_valid_xml(output: str) -> ET.Element:
    """Parse ``output`` as XML (fails on broken escaping) and return the root."""
    return ET.fromstring(output)
