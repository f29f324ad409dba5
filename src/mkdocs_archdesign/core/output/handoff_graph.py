"""The collaboration workflow of a design as a mermaid flowchart, and its next step in words.

The workflows are the seed's section 3.3, chosen by the design's complexity. The graph is
a plain fenced ``mermaid`` block so it renders with Material's superfences fence and with
mkdocs-mermaid2-plugin alike; its styling lives in ``classDef`` lines inside the diagram,
so no theme CSS is needed. Every label is user- or config-supplied text and goes through
:func:`~mkdocs_archdesign.core.escape.mermaid_label`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from mkdocs_archdesign.core.config.schema import DEFAULT_ROLES
from mkdocs_archdesign.core.escape import mermaid_label
from mkdocs_archdesign.core.model import Complexity, DesignSummary, Handoff, Stage, Status


@dataclass(frozen=True, slots=True)
class Step:
    """One node of a workflow: the role that acts and what it does there.

    Attributes:
        id: The mermaid node id (fixed per workflow, never user text).
        role: A key of :data:`DEFAULT_ROLES`.
        suffix: What the role does at this step, e.g. ``"review"`` or ``"Level 2"``; drawn
            as a smaller second line under the role.
    """

    id: str
    role: str
    suffix: str = ""


#: Each workflow is a list of stages; a stage holds the steps that run in parallel.
WORKFLOWS: dict[Complexity, tuple[tuple[Step, ...], ...]] = {
    Complexity.SIMPLE: (
        (Step("architect", "architect"),),
        (Step("api", "api-designer"),),
        (Step("coder", "coder-specialist"),),
        (Step("reviewer", "code-reviewer"),),
        (Step("final", "tech-lead"),),
    ),
    Complexity.MEDIUM: (
        (Step("architect", "architect", "Level 1"),),
        (Step("review1", "tech-lead", "review"),),
        (Step("api", "api-designer", "Level 2"),),
        (Step("review2", "tech-lead", "review"),),
        (Step("coder", "coder-specialist", "parallel"), Step("docs", "doc-writer", "parallel")),
        (Step("reviewer", "code-reviewer"),),
        (Step("final", "tech-lead", "final approval"),),
    ),
    Complexity.COMPLEX: (
        (Step("architect", "architect", "Level 1"), Step("stakeholders", "stakeholders")),
        (Step("review1", "tech-lead", "review"),),
        (Step("api", "api-designer", "Level 2"),),
        (Step("review2", "tech-lead", "review"),),
        (Step("coder", "coder-specialist", "phased"),),
        (Step("reviewer", "code-reviewer", "per phase"),),
        (Step("docs", "doc-writer"),),
        (Step("final", "tech-lead", "final approval"),),
    ),
}

_CLASS_DEFS = (
    "classDef done fill:#d7eadf,stroke:#2e7d32,color:#1b3d20",
    "classDef current fill:#fff1c2,stroke:#b26a00,stroke-width:3px,color:#3d2800,font-weight:bold",
    "classDef rework fill:#fbdada,stroke:#b3261e,stroke-width:3px,color:#410e0b,font-weight:bold",
    "classDef todo fill:#f4f5f7,stroke:#8a8f98,color:#2b2f36",
    "classDef inactive fill:#eeeeee,stroke:#b0b0b0,color:#8a8a8a,stroke-dasharray:4 3",
)

_CURRENT_MARK = "▶ "


def role_names(overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """The display name of every role: the defaults with ``overrides`` applied."""
    names = dict(DEFAULT_ROLES)
    if overrides:
        names.update({key: value for key, value in overrides.items() if key in names})
    return names


def render_handoff_graph(summary: DesignSummary, roles: Mapping[str, str] | None = None) -> str:
    """Draw the design's workflow as a fenced ``mermaid`` flowchart.

    Args:
        summary: The design (its complexity picks the workflow, its status the stage).
        roles: Display names per role key (missing keys use :data:`DEFAULT_ROLES`).

    Returns:
        Markdown: a fenced ``mermaid`` block ending with a newline.
    """
    names = role_names(roles)
    stages = WORKFLOWS[summary.complexity]
    states = step_states(summary)
    superseded = summary.status is Status.SUPERSEDED
    # Top-down: a chain of up to eight steps drawn left to right is squeezed to the
    # content width until its text is unreadable; top-down keeps it at natural size.
    lines = ["```mermaid", "flowchart TD"]
    for stage in stages:
        for step in stage:
            current = states[step.id] in ("current", "rework")
            lines.append(f'    {step.id}["{_label(step, names, current)}"]')
    edges: list[str] = []
    for before, after in itertools.pairwise(stages):
        edges.extend(f"    {a.id} --> {b.id}" for a in before for b in after)
    highlighted: list[int] = []
    gate = _review_gate(summary, names)
    if gate is not None:
        # The simple chain has no review node, yet the seed's 3.2 gates the handoff on a
        # review: the architect-to-api-designer edge is where the design waits.
        edges[0] = f'    architect -->|"{mermaid_label(gate)}"| api'
        highlighted.append(0)
    elif summary.status is Status.CHANGES_REQUESTED:
        edges.append('    review1 -.->|"changes requested"| architect')
        highlighted.append(len(edges) - 1)
    handoff_edges, outside = _handoff_edges(summary.handoffs, stages, names, lines)
    lines.extend(edges + [edge for edge in handoff_edges if not _merge_into(edge, edges)])
    lines.extend(f"    {line}" for line in _CLASS_DEFS)
    lines.extend(_class_lines(summary))
    if outside:
        # Unstyled nodes would take the theme's colours, which clash with ours in dark mode.
        lines.append(f"    class {','.join(outside)} {'inactive' if superseded else 'todo'}")
    lines.extend(f"    linkStyle {index} stroke:#b26a00,stroke-width:3px" for index in highlighted)
    lines.append("```")
    return "\n".join(lines) + "\n"


def next_step_text(summary: DesignSummary, roles: Mapping[str, str] | None = None) -> str:
    """Say in plain words whose turn it is and what they do next.

    Args:
        summary: The design.
        roles: Display names per role key.

    Returns:
        One or two sentences, plain text (escape it where it lands).
    """
    names = role_names(roles)
    stage = summary.stage
    if stage is Stage.SUPERSEDED:
        target = f" by {summary.superseded_by}" if summary.superseded_by else ""
        return f"No next step: this design is superseded{target}."
    if stage is Stage.PENDING_REVIEW:
        return (
            f"Next step: {names['tech-lead']} reviews the Level 1 design, then approves it "
            "or requests changes."
        )
    if stage is Stage.CHANGES_REQUESTED:
        return (
            f"Next step: back to {names['architect']} to address the review comments, "
            f"then request another review from {names['tech-lead']}."
        )
    if stage is Stage.READY_FOR_IMPLEMENTATION:
        return (
            f"Next step: {names['coder-specialist']} implements from the approved "
            "Level 2 API specification."
        )
    if stage is Stage.LEVEL2_IN_PROGRESS:
        return (
            f"Next step: {names['api-designer']} completes the Level 2 API specification "
            f"(now {summary.level2_status}), then requests a review from {names['tech-lead']}."
        )
    if stage is Stage.APPROVED:
        text = f"Next step: hand off to {names['api-designer']} for the Level 2 API specification."
        counts = summary.counts
        if counts.error or counts.warning:
            text += f" Fix the {counts.error + counts.warning} open finding(s) first."
        handoff = _handoff_for(summary.handoffs, "api-designer", names)
        if handoff is not None and handoff.prompt:
            text += f' Handoff prompt: "{handoff.prompt}"'
        return text
    return (
        f"Next step: {names['architect']} completes the Level 1 design, then requests "
        f"a design review from {names['tech-lead']}."
    )


def spec_next_step_text(spec: DesignSummary, roles: Mapping[str, str] | None = None) -> str:
    """The next step on a Level 2 API specification (``spec.kind == "spec"``).

    Args:
        spec: The spec's summary (its ``level1`` names the design it specifies).
        roles: Display names per role key.

    Returns:
        One sentence, plain text (escape it where it lands).
    """
    names = role_names(roles)
    status = spec.effective_status
    of = f" of {spec.level1}" if spec.level1 else ""
    if status is Status.APPROVED:
        return (
            f"Next step: {names['coder-specialist']} implements from this approved Level 2 "
            f"specification{of}."
        )
    if status is Status.PENDING_REVIEW:
        return f"Next step: {names['tech-lead']} reviews this Level 2 specification{of}."
    if status is Status.SUPERSEDED:
        return "No next step: this Level 2 specification is superseded."
    return (
        f"Next step: {names['api-designer']} completes this Level 2 specification{of} "
        f"(signatures, exceptions, concurrency contracts), then requests a review from "
        f"{names['tech-lead']}."
    )


def _review_gate(summary: DesignSummary, names: Mapping[str, str]) -> str | None:
    """The label of the simple workflow's review edge while a review is under way."""
    if summary.complexity is not Complexity.SIMPLE:
        return None
    if summary.status is Status.PENDING_REVIEW:
        return f"{names['tech-lead']} design review"
    if summary.status is Status.CHANGES_REQUESTED:
        return f"changes requested by {names['tech-lead']}"
    return None


def _label(step: Step, names: Mapping[str, str], current: bool) -> str:
    """The node's mermaid label: the role, then what it does on a smaller second line."""
    name = names.get(step.role, step.role)
    text = mermaid_label(_CURRENT_MARK + name if current else name)
    if step.suffix:
        text += f"<br/><small>{mermaid_label(step.suffix)}</small>"
    return text


def _position(stage: Stage, stages: tuple[tuple[Step, ...], ...]) -> tuple[frozenset[str], int]:
    """The current step ids and the index of the last finished stage (-1 for none).

    An Approved design waits for the api-designer until its Level 2 spec is approved (the
    spec being written is still that step); then the coder-specialist implements it.
    """
    ids = [step.id for stage in stages for step in stage]
    if stage is Stage.SUPERSEDED:
        return frozenset(), -1
    if stage is Stage.PENDING_REVIEW:
        if "review1" in ids:
            return frozenset({"review1"}), 0
        return frozenset(), 0
    if stage is Stage.READY_FOR_IMPLEMENTATION:
        return frozenset({"coder"}), _stage_of("coder", stages) - 1
    if stage in (Stage.APPROVED, Stage.LEVEL2_IN_PROGRESS):
        return frozenset({"api"}), _stage_of("api", stages) - 1
    return frozenset({"architect"}), -1


def _stage_of(step_id: str, stages: tuple[tuple[Step, ...], ...]) -> int:
    for index, stage in enumerate(stages):
        if any(step.id == step_id for step in stage):
            return index
    return -1


def step_states(summary: DesignSummary) -> dict[str, str]:
    """Each workflow step's state: ``done``, ``current``, ``rework``, ``todo`` or ``inactive``.

    Args:
        summary: The design (its complexity picks the workflow, its status the stage).

    Returns:
        Step id to state, in workflow order.
    """
    stages = WORKFLOWS[summary.complexity]
    current, done_until = _position(summary.stage, stages)
    superseded = summary.status is Status.SUPERSEDED
    rework = summary.status is Status.CHANGES_REQUESTED
    states: dict[str, str] = {}
    for index, stage in enumerate(stages):
        for step in stage:
            if superseded:
                kind = "inactive"
            elif step.id in current:
                kind = "rework" if rework else "current"
            elif index <= done_until:
                kind = "done"
            else:
                kind = "todo"
            states[step.id] = kind
    return states


def review_gate(summary: DesignSummary, names: Mapping[str, str]) -> str | None:
    """The simple workflow's review step while a review is under way (it has no node)."""
    return _review_gate(summary, names)


def _class_lines(summary: DesignSummary) -> list[str]:
    groups: dict[str, list[str]] = {}
    for step_id, kind in step_states(summary).items():
        groups.setdefault(kind, []).append(step_id)
    return [f"    class {','.join(ids)} {kind}" for kind, ids in groups.items()]


def _handoff_edges(
    handoffs: tuple[Handoff, ...],
    stages: tuple[tuple[Step, ...], ...],
    names: Mapping[str, str],
    node_lines: list[str],
) -> tuple[list[str], list[str]]:
    """Dashed, labelled edges from the architect for each front-matter handoff.

    Returns:
        The edge lines, and the ids of the nodes added for agents outside the workflow.
    """
    edges = []
    outside = []
    for number, handoff in enumerate(handoffs):
        role = _role_of(handoff.agent, names)
        target = _first_step_of(role, stages) if role is not None else None
        if target is None:
            # An agent outside the workflow gets its own node, numbered so hostile or
            # colliding agent names can never produce an invalid or shared id.
            target = f"handoff{number}"
            node_lines.append(f'    {target}["{mermaid_label(handoff.agent)}"]')
            outside.append(target)
        edges.append(f'    architect -.->|"{mermaid_label(handoff.label)}"| {target}')
    return edges, outside


def _merge_into(handoff_edge: str, edges: list[str]) -> bool:
    """Label the workflow edge a handoff edge repeats, in place; ``True`` when there is one.

    The simple workflow's architect-to-api-designer edge *is* that handoff: drawing the
    front matter's dotted edge beside it showed one step twice. An edge that already has
    a label (the review gate) keeps it.
    """
    source, _, rest = handoff_edge.strip().partition(" -.->|")
    label, _, target = rest.rpartition("| ")
    for index, edge in enumerate(edges):
        text = edge.strip()
        if text.startswith(f"{source} -->") and text.endswith(f" {target}"):
            if text == f"{source} --> {target}":
                edges[index] = f"    {source} -->|{label}| {target}"
            return True
    return False


def handoff_step(
    agent: str, names: Mapping[str, str], stages: tuple[tuple[Step, ...], ...]
) -> str | None:
    """The id of the step an agent first acts in after the first stage, or ``None``."""
    role = _role_of(agent, names)
    return _first_step_of(role, stages) if role is not None else None


def _role_of(agent: str, names: Mapping[str, str]) -> str | None:
    wanted = agent.strip().lstrip("@").lower()
    for key, name in names.items():
        if wanted in (key, name.lower(), DEFAULT_ROLES[key]):
            return key
    return None


def _first_step_of(role: str, stages: tuple[tuple[Step, ...], ...]) -> str | None:
    for stage in stages[1:]:
        for step in stage:
            if step.role == role:
                return step.id
    return None


def _handoff_for(
    handoffs: tuple[Handoff, ...], role: str, names: Mapping[str, str]
) -> Handoff | None:
    for handoff in handoffs:
        if _role_of(handoff.agent, names) == role:
            return handoff
    return None
