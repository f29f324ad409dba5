"""The design's collaboration workflow as a one-line HTML stepper, readable without JavaScript.

A mermaid flowchart of the seed's workflows is 500 to 850 px tall and pushed every design's
text below the first screen. The stepper is one row of stages (the current one highlighted
and given the room to show its full name; the others shrink with an ellipsis and keep their
names in a tooltip), the next step in words on the line under it, and the whole workflow,
with the front matter's handoffs against the step they hand to, one click away in a
``<details>``. Plain HTML and CSS: it renders the same with every theme and needs no
mermaid. Every value is escaped; role names and handoff labels are user-supplied.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_archdesign.core.escape import html_text
from mkdocs_archdesign.core.model import DesignSummary, Handoff, Status
from mkdocs_archdesign.core.output.handoff_graph import (
    WORKFLOWS,
    Step,
    handoff_step,
    review_gate,
    role_names,
    step_states,
)
from mkdocs_archdesign.core.output.page_blocks import SEARCH_EXCLUDE

#: How each state is spelled out for readers and screen readers (colour only repeats it).
STATE_WORDS = {
    "done": "done",
    "current": "current step",
    "rework": "changes requested",
    "todo": "to do",
    "inactive": "superseded",
}


@dataclass(frozen=True, slots=True)
class Stage:
    """One position of the stepper: the steps that run there, and their common state.

    Attributes:
        names: Each step's display text, e.g. ``"python-tech-lead · review"``.
        state: A key of :data:`STATE_WORDS`.
        handoffs: Front-matter handoffs that hand work to a step of this stage.
    """

    names: tuple[str, ...]
    state: str
    handoffs: tuple[Handoff, ...] = ()


def workflow_stages(summary: DesignSummary, roles: Mapping[str, str] | None = None) -> list[Stage]:
    """The stages of the design's workflow with their state, in order.

    The simple workflow has no review node; while a review is under way it gets one (the
    review gates the handoff to the API designer, the seed's 3.2).

    Args:
        summary: The design.
        roles: Display names per role key.

    Returns:
        The stages, first to last.
    """
    names = role_names(roles)
    states = step_states(summary)
    targets = _handoff_targets(summary, names)
    stages: list[Stage] = []
    for index, steps in enumerate(WORKFLOWS[summary.complexity]):
        kinds = [states[step.id] for step in steps]
        state = next((kind for kind in ("rework", "current") if kind in kinds), kinds[0])
        handoffs = tuple(h for step in steps for h in targets.get(step.id, ()))
        stages.append(Stage(tuple(_name(step, names) for step in steps), state, handoffs))
        gate = review_gate(summary, names) if index == 0 else None
        if gate is not None:
            rework = summary.status is Status.CHANGES_REQUESTED
            stages.append(Stage((gate,), "rework" if rework else "current"))
    return stages


def render_handoff_stepper(
    summary: DesignSummary, roles: Mapping[str, str] | None = None, next_step: str = ""
) -> str:
    """The stepper and the full workflow, as one raw-HTML block (no blank line inside).

    Args:
        summary: The design.
        roles: Display names per role key (missing keys use the seed's agent names).
        next_step: HTML placed between the row and the full workflow (the next-step line).

    Returns:
        One ``<div class="archdesign-handoff">`` block.
    """
    names = role_names(roles)
    stages = workflow_stages(summary, roles)
    prefix = _shared_prefix(stages)
    chips = "".join(_chip(stage, prefix) for stage in stages)
    items = "".join(_item(stage) for stage in stages)
    outside = _outside_handoffs(summary, names)
    if outside:
        items += "".join(
            f'<li class="archdesign-handoff__item archdesign-handoff__item--todo">'
            f"{_handoff_text(handoff)}</li>"
            for handoff in outside
        )
    count = len(stages)
    title = f"Full workflow ({summary.complexity.value}, {count} steps)"
    return (
        f'<div class="archdesign-handoff" {SEARCH_EXCLUDE}>'
        f'<ol class="archdesign-handoff__steps" aria-label="Handoff workflow">{chips}</ol>'
        f"{next_step}"
        f'<details class="archdesign-handoff__details"><summary>{html_text(title)}</summary>'
        f'<ol class="archdesign-handoff__list">{items}</ol></details></div>'
    )


def _name(step: Step, names: Mapping[str, str]) -> str:
    name = names.get(step.role, step.role)
    return f"{name} · {step.suffix}" if step.suffix else name


def _shared_prefix(stages: list[Stage]) -> str:
    """A prefix every name shares up to a hyphen (``python-``): the row drops it.

    Cut with an ellipsis, seven stages that all start with ``python-`` would all read
    ``pyth…``; without it they read ``archit…``, ``tech-l…``. The tooltip and the full
    list keep the names as configured.
    """
    names = [name for stage in stages for name in stage.names]
    shared = os.path.commonprefix(names)  # noqa: RUF071 - names, not paths
    return shared[: shared.rfind("-") + 1] if len(names) > 1 else ""


def _chip(stage: Stage, prefix: str) -> str:
    full = " + ".join(stage.names)
    text = " + ".join(name.removeprefix(prefix) for name in stage.names)
    word = STATE_WORDS[stage.state]
    current = ' aria-current="step"' if stage.state in ("current", "rework") else ""
    return (
        f'<li class="archdesign-handoff__step archdesign-handoff__step--{stage.state}"'
        f'{current} title="{html_text(f"{full} ({word})")}">'
        f'<span class="archdesign-handoff__state">{html_text(word)}: </span>'
        f"{html_text(text)}</li>"
    )


def _item(stage: Stage) -> str:
    text = html_text(" + ".join(stage.names))
    word = html_text(STATE_WORDS[stage.state])
    extra = "".join(f"<br/>{_handoff_text(handoff)}" for handoff in stage.handoffs)
    return (
        f'<li class="archdesign-handoff__item archdesign-handoff__item--{stage.state}">'
        f"<strong>{text}</strong> <em>({word})</em>{extra}</li>"
    )


def _handoff_text(handoff: Handoff) -> str:
    text = f"Handoff “{handoff.label}” to {handoff.agent}"
    if handoff.prompt:
        text += f": {handoff.prompt}"
    return f'<span class="archdesign-handoff__handoff">{html_text(text)}</span>'


def _handoff_targets(summary: DesignSummary, names: Mapping[str, str]) -> dict[str, list[Handoff]]:
    """Handoffs by the id of the workflow step their agent first acts in."""
    stages = WORKFLOWS[summary.complexity]
    targets: dict[str, list[Handoff]] = {}
    for handoff in summary.handoffs:
        step_id = handoff_step(handoff.agent, names, stages)
        if step_id is not None:
            targets.setdefault(step_id, []).append(handoff)
    return targets


def _outside_handoffs(summary: DesignSummary, names: Mapping[str, str]) -> list[Handoff]:
    stages = WORKFLOWS[summary.complexity]
    return [h for h in summary.handoffs if handoff_step(h.agent, names, stages) is None]
