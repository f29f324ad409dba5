"""``handoff`` and the whole journey, as a user runs them: subprocesses in a tmp project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))

from helpers import assert_one_line_error, run

from .helpers import APPROVED, COMPLETE, fill_spec

CONFIG = {"site_name": "Journey", "plugins": [{"archdesign": {"fail_on": "error"}}]}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(CONFIG), encoding="utf-8")
    # The designs order-service depends on, so cross-design rules pass as in a real project.
    for other in COMPLETE.glob("*.md"):
        if other.name != APPROVED.name:
            (folder / other.name).write_bytes(other.read_bytes())
    return tmp_path


def _design(project: Path, source: Path = APPROVED, name: str = "order-service-design.md") -> Path:
    target = project / "docs" / "design" / name
    target.write_bytes(source.read_bytes())
    return target


def test_handoff_writes_the_spec_and_one_line_in_the_design(project: Path) -> None:
    design = _design(project)
    before = design.read_bytes()
    out = run(["handoff", "docs/design/order-service-design.md"], project)
    assert out.code == 0, out
    assert "handed off -> docs/design/order-service-api-spec.md (6 method(s))" in out.stdout
    spec = (project / "docs" / "design" / "order-service-api-spec.md").read_text("utf-8")
    for name in ("place_order", "get_order", "list_orders", "cancel_order", "mark_shipped"):
        assert f"### `{name}`\n\nRetrieve" in spec or f"### `{name}`\n\n" in spec
    assert "### `get_order`\n\nRetrieve one order\n" in spec  # the Level 1 purpose line
    assert 'level1: "order-service"\n' in spec and 'owner: "@python-api-designer"' in spec
    for entity in ("Order", "OrderLine", "PaymentRecord"):
        assert f"### {entity}\n" in spec
    assert "> Level 1 architecture design is complete." in spec  # the handoff prompt, quoted
    assert "[Order Service](order-service-design.md)" in spec
    after = design.read_bytes()
    added = after.replace(before[: before.index(b"\n---\n") + 1], b"", 1)
    assert after.count(b"\n") == before.count(b"\n") + 1
    assert b"level2: order-service-api-spec\n---\n" in after
    assert added.endswith(before[before.index(b"\n---\n") + 1 :])


def test_the_whole_journey_new_to_an_approved_spec(project: Path) -> None:
    new = run(["new", "Order Service", "--owner", "@alice"], project)
    assert new.code == 0, new
    design = project / "docs" / "design" / "order-service-design.md"
    # "fill": the architect writes the design (a complete one, still a draft).
    filled = APPROVED.read_text("utf-8").replace("status: Approved", "status: Draft")
    filled = filled.replace("**Status**: Approved", "**Status**: Draft")
    design.write_text(filled, encoding="utf-8")
    steps = [
        ["review", str(design), "request"],
        ["review", str(design), "approve", "--reviewer", "@tom", "--date", "2026-11-02"],
        ["handoff", str(design)],
    ]
    for step in steps:
        out = run(step, project)
        assert out.code == 0, (step, out)
    spec_path = project / "docs" / "design" / "order-service-api-spec.md"
    check = run(["check", "--format", "json", "--fail-on", "never"], project)
    codes = {f["code"] for f in json.loads(check.stdout)["findings"]}
    assert {"AD503", "AD504", "AD103"} <= codes  # the spec's slots are still empty
    spec_path.write_text(fill_spec(spec_path.read_text("utf-8")), encoding="utf-8")
    for step in (
        ["review", str(spec_path), "request"],
        ["review", str(spec_path), "approve", "--reviewer", "@tom", "--check-all"],
    ):
        out = run(step, project)
        assert out.code == 0, (step, out)
    check = run(["check", "--format", "json"], project)
    assert check.code == 0, check
    assert json.loads(check.stdout)["findings"] == []
    catalog = json.loads(run(["catalog", "--format", "json"], project).stdout)
    (entry,) = [d for d in catalog["designs"] if d["id"] == "order-service"]
    assert catalog["version"] == 2
    assert entry["stage"] == "ready-for-implementation"
    assert entry["level2"]["status"] == "Approved"
    assert [(e["from"], e["to"]) for e in entry["review_log"]] == [
        ("Draft", "Pending Review"),
        ("Pending Review", "Approved"),
    ]
    status = run(["status"], project)
    assert "order-service" in status.stdout and "Approved" in status.stdout
    history = run(["status", "--history", str(design)], project)
    assert "2026-11-02  Pending Review -> Approved by @tom" in history.stdout
    assert "days in status:" in history.stdout


def test_handoff_is_refused_until_approved(project: Path) -> None:
    _design(project, COMPLETE / "payment-gateway-design.md", "payment-gateway-design.md")
    out = run(["handoff", "docs/design/payment-gateway-design.md"], project)
    assert out.code == 1
    assert "only an Approved design is handed off" in out.stderr
    assert not (project / "docs" / "design" / "payment-gateway-api-spec.md").exists()
    forced = run(
        ["handoff", "docs/design/payment-gateway-design.md", "--force", "--note", "deadline"],
        project,
    )
    assert forced.code == 0, forced
    spec = (project / "docs" / "design" / "payment-gateway-api-spec.md").read_text("utf-8")
    assert "**Override**: handoff forced on " in spec and ": deadline" in spec


@pytest.mark.parametrize(
    ("edit", "needle"),
    [
        (lambda t: t.replace("### 4.4 API Overview", "### 4.4 Endpoints"), "names no method"),
        (
            lambda t: t.replace("- `get_order(order_id)`", "- `place_order(order_id)`"),
            "listed twice",
        ),
        (
            lambda t: t.replace("- `get_order(order_id)`", "- `get-order(order_id)`"),
            "no section",  # a hyphenated name is not a method bullet at all: AD501 never
        ),
    ],
)
def test_bad_api_overviews_are_refused_with_one_line(
    project: Path, edit: object, needle: str
) -> None:
    design = _design(project)
    text = edit(design.read_text("utf-8"))  # type: ignore[operator]
    design.write_text(text, encoding="utf-8")
    before = design.read_bytes()
    out = run(["handoff", str(design), "--force", "--note", "x"], project)
    spec = project / "docs" / "design" / "order-service-api-spec.md"
    if needle == "no section":
        assert out.code == 0  # get-order is prose, not a method; five methods go over
        assert "### `get-order`" not in spec.read_text("utf-8")
        return
    assert_one_line_error(out, needle)
    assert design.read_bytes() == before and not spec.exists()


def test_existing_spec_and_outside_folder_are_refused(project: Path) -> None:
    design = _design(project)
    assert run(["handoff", str(design)], project).code == 0
    spec = project / "docs" / "design" / "order-service-api-spec.md"
    before = spec.read_bytes()
    again = run(["handoff", str(design)], project)
    assert_one_line_error(again, "level2")
    assert spec.read_bytes() == before
    outside = run(["handoff", str(design), "--folder", "../../elsewhere"], project)
    assert_one_line_error(outside, "outside the docs folder")
    assert not (project / "elsewhere").exists()


def test_a_stale_spec_is_flagged_after_the_api_overview_changes(project: Path) -> None:
    design = _design(project)
    assert run(["handoff", str(design)], project).code == 0
    text = design.read_text("utf-8").replace(
        "- `mark_shipped(order_id, tracking_number)`: Record the shipment from fulfilment",
        "- `mark_shipped(order_id, tracking_number)`: Record the shipment from fulfilment\n"
        "- `refund_order(order_id)`: Refund a cancelled order",
    )
    design.write_text(text, encoding="utf-8")
    check = run(["check", "--format", "json", "--fail-on", "never"], project)
    codes = [f["code"] for f in json.loads(check.stdout)["findings"]]
    assert "AD506" in codes and "AD501" in codes
