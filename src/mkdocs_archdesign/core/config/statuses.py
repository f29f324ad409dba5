"""A team's status vocabulary: each status name (or ``*`` pattern) and its workflow stage.

The workflow has five stages, the members of :class:`~mkdocs_archdesign.core.model.Status`
(``draft``, ``pending-review``, ``changes-requested``, ``approved``, ``superseded``). A team
writes its own words in designs (MADR's ``Proposed``/``Accepted``, KEP's ``implementable``)
and ``statuses:`` says which stage each word stands for. Every consumer (rules, the gate,
``review``, badge, next step, navigation icon, board) asks :meth:`StatusVocabulary.stage_of`,
so they cannot disagree about a design's stage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mkdocs_archdesign.core.model import Status, normalise_status_key

#: The stage names ``statuses:`` accepts, in workflow order.
STAGE_NAMES = tuple(stage.slug for stage in Status)

#: Longest configured name or pattern; status texts are one short line.
_MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class StatusName:
    """One configured status: a plain name or a ``*`` pattern, and its stage.

    Attributes:
        text: The name as configured (what ``review`` writes for a plain name).
        stage: The workflow stage it stands for.
        pattern: Whether ``text`` contains ``*`` wildcards.
    """

    text: str
    stage: Status
    pattern: bool = False

    @property
    def key(self) -> str:
        """The normalised comparison key (``normalise_status_key``)."""
        return normalise_status_key(self.text)

    def matches(self, key: str) -> bool:
        """Whether the normalised status ``key`` is this name, or matches this pattern."""
        if not self.pattern:
            return key == self.key
        return glob_match(self.key, key)


def glob_match(pattern: str, text: str) -> bool:
    """Match ``text`` against a pattern whose only wildcard is ``*`` (any run of characters).

    Linear in the text: the literal pieces between stars are found left to right with
    ``str.find`` and never retried, which is exact for ``*``-only globs (the leftmost
    occurrence of each piece leaves the most room for the rest). ``fnmatch`` would build
    a regex whose backtracking user text could drive.

    Args:
        pattern: The pattern, already normalised.
        text: The text, already normalised.

    Returns:
        Whether the whole of ``text`` matches.
    """
    pieces = pattern.split("*")
    if len(pieces) == 1:
        return text == pattern
    head, *middle, tail = pieces
    if len(text) < len(head) + len(tail) or not text.startswith(head) or not text.endswith(tail):
        return False
    position, end = len(head), len(text) - len(tail)
    for piece in middle:
        found = text.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def _stage(name: str, value: Any) -> Status:
    stage = Status.parse(value) if isinstance(value, str) else None
    if stage is None:
        raise ValueError(
            f"{name!r}: {value!r} is not a workflow stage; expected one of {', '.join(STAGE_NAMES)}"
        )
    return stage


def _name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected non-empty status names, got {value!r}")
    text = " ".join(value.split())
    if len(text) > _MAX_NAME:
        raise ValueError(f"{text[:40]!r}...: a status name is at most {_MAX_NAME} characters")
    return text


@dataclass(frozen=True, slots=True)
class StatusVocabulary:
    """The configured statuses, in the order given (plain names are tried before patterns).

    Attributes:
        entries: The names and patterns with their stages.
    """

    entries: tuple[StatusName, ...]

    @classmethod
    def default(cls) -> StatusVocabulary:
        """The five default statuses, each its own stage."""
        return cls(tuple(StatusName(stage.value, stage) for stage in Status))

    @classmethod
    def parse(cls, value: Any) -> StatusVocabulary:
        """Read ``statuses:``: a list of names, or a mapping of names/patterns to stages.

        In the list form a name that is a default status keeps its stage and any other
        name counts as a draft (what an unknown status always meant); patterns need the
        mapping form, which says what they stand for.

        Args:
            value: The option's value as read from YAML (or an already parsed vocabulary).

        Returns:
            The vocabulary.

        Raises:
            ValueError: One line saying what is wrong (the caller adds the option name).
        """
        if isinstance(value, StatusVocabulary):
            return value
        if isinstance(value, Mapping):
            entries = []
            for raw, stage in value.items():
                name = _name(raw)
                entries.append(StatusName(name, _stage(name, stage), "*" in name))
        else:
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, (list, tuple)):
                raise ValueError(
                    f"expected a list of names or a mapping of names to stages, got {value!r}"
                )
            entries = []
            for raw in items:
                name = _name(raw)
                if "*" in name:
                    raise ValueError(
                        f"{name!r}: a pattern needs the mapping form, e.g. '{name}': superseded"
                    )
                entries.append(StatusName(name, Status.parse(name) or Status.DRAFT))
        if not entries:
            raise ValueError("expected at least one entry, got an empty list")
        seen: set[str] = set()
        for entry in entries:
            if entry.key in seen:
                raise ValueError(f"{entry.text!r} is listed twice")
            seen.add(entry.key)
            if entry.pattern and not entry.key.replace("*", "").strip():
                raise ValueError(f"{entry.text!r}: a pattern needs some text besides '*'")
        return cls(tuple(entries))

    @property
    def names(self) -> tuple[str, ...]:
        """Every configured name and pattern, as configured."""
        return tuple(entry.text for entry in self.entries)

    def stage_of(self, text: str) -> Status | None:
        """The stage a status as written stands for, or ``None`` when it is not configured.

        Args:
            text: A status as written in a design (case, ``-``, ``_`` and spaces ignored).

        Returns:
            The stage of the first plain name equal to it, else of the first pattern
            matching it, else ``None``.
        """
        key = normalise_status_key(text)
        if not key:
            return None
        for entry in self.entries:
            if not entry.pattern and entry.key == key:
                return entry.stage
        for entry in self.entries:
            if entry.pattern and entry.matches(key):
                return entry.stage
        return None

    def name_for(self, stage: Status) -> str | None:
        """The team's word for ``stage``: the first plain name mapped to it, or ``None``."""
        return next((e.text for e in self.entries if e.stage is stage and not e.pattern), None)

    def superseded_word(self, by: str) -> str | None:
        """What ``supersede --by BY`` writes: a one-star superseded pattern filled with ``by``.

        ``superseded by *`` gives ``superseded by ADR-0057``. Without such a pattern the
        plain superseded name is used; ``None`` when there is neither.
        """
        for entry in self.entries:
            if entry.stage is Status.SUPERSEDED and entry.pattern and entry.text.count("*") == 1:
                word = entry.text.replace("*", by)
                if self.stage_of(word) is Status.SUPERSEDED:
                    return word
        return self.name_for(Status.SUPERSEDED)

    def canonical(self, text: str) -> str:
        """The configured spelling of a plain name (``approved`` -> ``Approved``), else ``text``."""
        # A corpus run asks one vocabulary about every design's status, mostly the same
        # few words: each answer is kept for the last vocabulary asked (it is immutable).
        memo = _canonical_memo[0][1] if _canonical_memo and _canonical_memo[0][0] is self else None
        if memo is None:
            memo = {}
            _canonical_memo[:] = [(self, memo)]
        found = memo.get(text)
        if found is None:
            found = self._canonical(text)
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            memo[text] = found
        return found

    def _canonical(self, text: str) -> str:
        key = normalise_status_key(text)
        for entry in self.entries:
            if not entry.pattern and entry.key == key:
                return entry.text
        return text

    def describe(self) -> str:
        """The names and patterns for messages: ``Proposed, Accepted, superseded by *``."""
        return ", ".join(self.names)

    def as_json(self) -> list[list[str]]:
        """``[[name, stage], ...]`` for the settings fingerprint."""
        return [[entry.text, entry.stage.slug] for entry in self.entries]


#: :meth:`StatusVocabulary.canonical`'s answers, for the last vocabulary asked.
_canonical_memo: list[tuple[StatusVocabulary, dict[str, str]]] = []
#: How many answers it keeps (status texts are few; a corpus of odd ones must not grow it).
_MEMO_SIZE = 256


__all__ = ["STAGE_NAMES", "StatusName", "StatusVocabulary", "glob_match"]
