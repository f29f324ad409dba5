"""A title's inline Markdown as the plain text a reader sees.

Titles come from front matter or the first heading and are written in Markdown: a KEP's
``[KEP-3063](https://...): Dynamic Resource Allocation`` reads as ``KEP-3063: Dynamic
Resource Allocation`` on its page, and catalog rows, ``catalog.json``, the board and the
dependency graph show it the same way. :func:`plain_title` follows CommonMark's inline
rules for what it keeps: link and image text (alt text), code span content, autolink
URLs, the text around inline HTML tags, decoded entities and escapes; emphasis and
strikethrough marks that pair up are dropped, the others stay as written.

Every step is one pass, or a pass with a stack, over the text: code span closers are
found from a table of backtick runs, link destinations from a table of matched
parentheses, and emphasis openers are searched with CommonMark's "openers bottom", so no
input makes it slower than linear (no regular expression reads the title).
"""

from __future__ import annotations

import html.entities
from collections.abc import Collection
from dataclasses import dataclass

from mkdocs_archdesign.core.document.marks import normalise_label

_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_DELIMS = frozenset("*_~")
#: A title without any of these holds no markup: it is shown as written.
_MARKUP_CHARS = frozenset("\\`<&[]*_~!")
_HEX = frozenset("0123456789abcdefABCDEF")
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_MAX_ENTITY_NAME = 32


@dataclass(slots=True)
class _Delim:
    """A run of ``*``, ``_`` or ``~~`` in the output: how many marks are still unpaired."""

    char: str
    count: int
    can_open: bool
    can_close: bool
    original: int


def plain_title(markdown: str, references: Collection[str] = ()) -> str:
    """The plain text of a title written in inline Markdown.

    Args:
        markdown: The title as written (one line; line breaks count as spaces).
        references: Normalised labels of the page's link reference definitions: only
            with a definition is ``[text]`` or ``[text][label]`` a link, as in CommonMark.

    Returns:
        The text a reader sees, whitespace runs collapsed, stripped.
    """
    text = " ".join(markdown.split())
    if _MARKUP_CHARS.isdisjoint(text):
        return text  # nothing that could be markup: the common title
    return " ".join(_Inline(text, references).render().split())


class _Inline:
    """One title's inline pass: ``out`` holds text pieces and delimiter runs."""

    def __init__(self, text: str, references: Collection[str]) -> None:
        self.text = text
        self.refs = references
        self.out: list[str | _Delim] = []
        #: Open brackets: (index in out, position after "[", is an image).
        self.brackets: list[tuple[int, int, bool]] = []
        #: Delimiter runs not yet paired, as indexes into ``out``.
        self.delims: list[int] = []
        self.parens = _matching_parens(text)
        self.ticks = _backtick_runs(text)
        self.found: dict[str, tuple[int, int]] = {}

    def render(self) -> str:
        text = self.text
        end = len(text)
        index = 0
        while index < end:
            char = text[index]
            if char == "\\" and index + 1 < end and text[index + 1] in _PUNCTUATION:
                self.out.append(text[index + 1])
                index += 2
            elif char == "`":
                index = self._code(index)
            elif char == "<":
                index = self._angle(index)
            elif char == "&":
                index = self._entity(index)
            elif char == "[" or (char == "!" and text[index + 1 : index + 2] == "["):
                image = char == "!"
                self.brackets.append((len(self.out), index + (2 if image else 1), image))
                self.out.append("![" if image else "[")
                index += 2 if image else 1
            elif char == "]" and self.brackets:
                index = self._close_bracket(index)
            elif char in _DELIMS:
                index = self._delim(index)
            else:
                stop = index + 1
                while stop < end and text[stop] not in "\\`<&[]!*_~":
                    stop += 1
                self.out.append(text[index:stop])
                index = stop
        self._emphasis(0)
        return "".join(
            part if isinstance(part, str) else part.char * part.count for part in self.out
        )

    def _code(self, index: int) -> int:
        text = self.text
        stop = index
        while stop < len(text) and text[stop] == "`":
            stop += 1
        length = stop - index
        closer = self.ticks.next_run(length, stop)
        if closer < 0:
            self.out.append(text[index:stop])  # no closing run: the backticks are text
            return stop
        body = text[stop:closer]
        if len(body) > 2 and body[0] == " " and body[-1] == " " and body.strip(" "):
            body = body[1:-1]
        self.out.append(body)
        return closer + length

    def _angle(self, index: int) -> int:
        """An autolink (its URL kept), an inline HTML tag (dropped) or a plain ``<``."""
        text = self.text
        stop = index + 1
        while stop < len(text) and text[stop] not in "<> ":
            stop += 1
        inner = text[index + 1 : stop]
        if stop < len(text) and text[stop] == ">" and _is_autolink(inner):
            self.out.append(inner)
            return stop + 1
        if text.startswith("<!--", index):
            close = self._next("-->", index + 4)
            close = close + 3 if close >= 0 else 0
        elif text[index + 1 : index + 2] == "!" and text[index + 2 : index + 3].isalpha():
            close = self._next(">", index) + 1  # a declaration: "<!" + letter to the next ">"
        else:
            close = _tag_end(text, index)
        if close > 0:
            return close
        self.out.append("<")
        return index + 1

    def _next(self, token: str, index: int) -> int:
        """``text.find(token, index)``, searched once for every index before the hit.

        A title of many ``<!--`` (or ``<!x``) and no closer would otherwise search to its
        end once per opener.
        """
        start, hit = self.found.get(token, (-1, -1))
        if not start <= index <= hit:
            start, hit = index, self.text.find(token, index)
            if hit < 0:
                hit = len(self.text)  # none here, and so none after any later index
            self.found[token] = (start, hit)
        return hit if hit < len(self.text) else -1

    def _entity(self, index: int) -> int:
        text = self.text
        limit = min(len(text), index + _MAX_ENTITY_NAME + 2)
        stop = index + 1
        while stop < limit and (text[stop] in _NAME_CHARS or text[stop] in "#xX"):
            stop += 1
        if stop < len(text) and text[stop] == ";":
            decoded = _decode_entity(text[index + 1 : stop])
            if decoded is not None:
                self.out.append(decoded)
                return stop + 1
        self.out.append("&")
        return index + 1

    def _close_bracket(self, index: int) -> int:
        text = self.text
        at, start, image = self.brackets.pop()
        label = text[start:index]
        after = index + 1
        stop = -1
        if text[after : after + 1] == "(" and after in self.parens:
            stop = self.parens[after] + 1  # inline link: drop "(destination title)"
        elif text[after : after + 1] == "[":
            close = text.find("]", after + 1)
            inner = text[after + 1 : close] if close > 0 else ""
            if close > 0 and "[" not in inner:
                name = inner if inner.strip() else label
                if normalise_label(name) in self.refs:
                    stop = close + 1
        if stop < 0 and normalise_label(label) in self.refs and label.strip():
            stop = after  # a shortcut reference
        if stop < 0:
            self.out.append("]")
            return after
        self._emphasis(at)
        self.out[at] = ""
        if not image:
            # Links do not contain links: the brackets opened before this one stay text.
            self.brackets = [entry for entry in self.brackets if entry[2]]
        return stop

    def _delim(self, index: int) -> int:
        text = self.text
        char = text[index]
        stop = index
        while stop < len(text) and text[stop] == char:
            stop += 1
        length = stop - index
        before = text[index - 1] if index else " "
        after = text[stop] if stop < len(text) else " "
        left = not after.isspace() and (
            not _is_punct(after) or before.isspace() or _is_punct(before)
        )
        right = not before.isspace() and (
            not _is_punct(before) or after.isspace() or _is_punct(after)
        )
        if char == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        else:
            can_open, can_close = left, right
        if char == "~" and length != 2:
            can_open = can_close = False  # strikethrough is exactly "~~"
        self.delims.append(len(self.out))
        self.out.append(_Delim(char, length, can_open, can_close, length))
        return stop

    def _emphasis(self, bottom_out: int) -> None:
        """Pair the delimiter runs at ``out`` index >= ``bottom_out`` (CommonMark 6.2)."""
        stack = self.delims
        base = 0
        while base < len(stack) and stack[base] < bottom_out:
            base += 1
        runs: list[int] = stack[base:]
        del stack[base:]
        active: list[int] = []
        bottoms: dict[tuple[str, int, bool], int] = {}
        for position in runs:
            closer = self.out[position]
            assert isinstance(closer, _Delim)
            if closer.can_close:
                key = (closer.char, closer.original % 3, closer.can_open)
                while closer.count:
                    found = self._find(active, closer, bottoms.get(key, 0))
                    if found < 0:
                        # Nothing below here can pair with a closer like this one.
                        bottoms[key] = len(active)
                        break
                    opener = self.out[active[found]]
                    assert isinstance(opener, _Delim)
                    both = opener.count >= 2 and closer.count >= 2
                    used = 2 if closer.char == "~" or both else 1
                    opener.count -= used
                    closer.count -= used
                    del active[found + 1 :]  # runs between the pair can no longer pair
                    if opener.count == 0:
                        del active[found]
                if closer.count == 0:
                    continue
            if closer.can_open:
                active.append(position)

    def _find(self, active: list[int], closer: _Delim, floor: int) -> int:
        probe = len(active) - 1
        while probe >= floor:
            opener = self.out[active[probe]]
            assert isinstance(opener, _Delim)
            if opener.char == closer.char and _may_pair(opener, closer):
                return probe
            probe -= 1
        return -1


def _may_pair(opener: _Delim, closer: _Delim) -> bool:
    if opener.char == "~":
        return opener.count == closer.count == 2
    if (opener.can_close or closer.can_open) and (opener.original + closer.original) % 3 == 0:
        return opener.original % 3 == 0 and closer.original % 3 == 0
    return True


def _is_punct(char: str) -> bool:
    return char in _PUNCTUATION or (not char.isalnum() and not char.isspace() and char != "")


def _is_autolink(inner: str) -> bool:
    scheme, colon, _ = inner.partition(":")
    if colon and 2 <= len(scheme) <= 32 and scheme[0].isascii() and scheme[0].isalpha():
        return all(c.isascii() and (c.isalnum() or c in "+.-") for c in scheme)
    local, at, domain = inner.partition("@")
    return bool(at and local and domain and "." in domain and "@" not in domain)


def _tag_end(text: str, index: int) -> int:
    """The index after an open or closing HTML tag starting at ``index``, or 0."""
    rest = text[index + 1 : index + 2]
    start = index + 2 if rest == "/" else index + 1
    if not text[start : start + 1].isascii() or not text[start : start + 1].isalpha():
        return 0
    stop = start
    quote = ""
    # A tag runs to its ">" with no "<" outside quotes: the scan never passes a "<", so a
    # later "<" never scans this stretch again.
    while stop < len(text):
        char = text[stop]
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == ">":
            return stop + 1
        elif char == "<":
            return 0
        stop += 1
    return 0


def _decode_entity(name: str) -> str | None:
    if name.startswith("#"):
        digits = name[1:]
        hexadecimal = digits[:1] in ("x", "X")
        digits = digits[1:] if hexadecimal else digits
        valid = _HEX if hexadecimal else frozenset("0123456789")
        if not digits or len(digits) > (6 if hexadecimal else 7) or set(digits) - valid:
            return None
        code = int(digits, 16 if hexadecimal else 10)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return html.entities.html5.get(name + ";")


def _matching_parens(text: str) -> dict[int, int]:
    """Each unescaped ``(`` with its matching ``)``, in one pass with a stack."""
    matches: dict[int, int] = {}
    stack: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            matches[stack.pop()] = index
        index += 1
    return matches


class _BacktickRuns:
    """Where each backtick run starts, by length, to find a code span's closer."""

    def __init__(self, text: str) -> None:
        self.starts: dict[int, list[int]] = {}
        self.cursor: dict[int, int] = {}
        index = 0
        while index < len(text):
            if text[index] != "`":
                index += 1
                continue
            stop = index
            while stop < len(text) and text[stop] == "`":
                stop += 1
            self.starts.setdefault(stop - index, []).append(index)
            index = stop

    def next_run(self, length: int, after: int) -> int:
        """The start of the first run of exactly ``length`` at or after ``after``, or -1."""
        starts = self.starts.get(length, [])
        # Openers are asked in increasing position: a cursor per length stays linear.
        cursor = self.cursor.get(length, 0)
        while cursor < len(starts) and starts[cursor] < after:
            cursor += 1
        self.cursor[length] = cursor
        return starts[cursor] if cursor < len(starts) else -1


def _backtick_runs(text: str) -> _BacktickRuns:
    return _BacktickRuns(text)
