"""Generate a deterministic corpus of Level 1 designs and a Material site around it.

Every design is a complete ~150-line document in the seed's style (front matter, the nine
numbered sections, the Design Review block) with varied content. A seeded share of them
carries realistic gaps (a TODO left in, a signature leaking Level 2 detail, a missing
alternative, an unmeasurable goal, a dangling ``depends_on``) so the rules do real work.
The same seed always yields byte-identical files, so runs on different days compare.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

#: The mkdocs.yml written for the "plugin on" build; ``{plugins}`` is filled in per variant.
_MKDOCS_YML = """\
site_name: Benchmark designs ({count})
docs_dir: docs
site_dir: {site_dir}
theme:
  name: material
markdown_extensions:
  - tables
  - admonition
  - pymdownx.details
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
plugins:
{plugins}
"""

_PLUGINS_ON = """\
  - search
  - archdesign:
      fail_on: never
"""
_PLUGINS_OFF = """\
  - search
"""

_DOMAINS = (
    "order",
    "billing",
    "inventory",
    "shipping",
    "catalog",
    "search",
    "identity",
    "payment",
    "notification",
    "pricing",
    "report",
    "audit",
    "ledger",
    "session",
    "media",
    "recommendation",
    "subscription",
    "tenant",
    "webhook",
    "scheduler",
)
_KINDS = ("service", "gateway", "worker", "pipeline", "registry", "store", "router", "sync")
_FRAMEWORKS = (
    ("FastAPI", "async, type-safe, OpenAPI docs"),
    ("Django", "batteries included, ORM and admin"),
    ("Flask", "minimal and well known"),
    ("Litestar", "async with strong typing"),
    ("Celery", "mature background processing"),
    ("Prefect", "observable data pipelines"),
)
_DATABASES = ("PostgreSQL (asyncpg)", "PostgreSQL (psycopg)", "MySQL", "SQLite", "Redis")
_OWNERS = ("@alice", "@bob", "@carol", "@dave", "@erin", "@frank", "@grace", "@heidi")
_TAGS = ("payments", "core", "edge", "data", "internal", "public-api", "batch", "realtime")
_STATUSES = ("Draft", "Pending Review", "Changes Requested", "Approved", "Superseded")
_STATUS_WEIGHTS = (30, 25, 15, 25, 5)
_VERBS = ("get", "create", "update", "delete", "list", "search", "archive", "sync", "export")
_NOUNS = ("order", "invoice", "item", "user", "event", "report", "rule", "batch", "token")

#: The kinds of gap a design may carry, each making a specific rule fire.
_GAPS = (
    "todo",
    "signature",
    "one-alternative",
    "vague-goal",
    "dangling-ref",
    "no-non-goals",
    "model-code",
)


@dataclass(frozen=True, slots=True)
class GeneratedSite:
    """Where a generated site lives.

    Attributes:
        root: The project folder (holds both config files).
        designs: The folder with the design pages.
        config_on: mkdocs.yml with the archdesign plugin.
        config_off: The same site without the plugin.
        count: The number of designs.
        lines: The total number of design lines.
    """

    root: Path
    designs: Path
    config_on: Path
    config_off: Path
    count: int
    lines: int


def design_name(index: int) -> str:
    """The id of design ``index`` (stable, unique, readable)."""
    domain = _DOMAINS[index % len(_DOMAINS)]
    kind = _KINDS[(index // len(_DOMAINS)) % len(_KINDS)]
    return f"{domain}-{kind}-{index:05d}"


def render_design(index: int, count: int, rng: random.Random) -> str:
    """Render design ``index`` of a corpus of ``count`` designs.

    Args:
        index: The design's position (also its id's suffix).
        count: The corpus size (``depends_on`` only names designs that exist, unless the
            design deliberately carries a dangling reference).
        rng: The seeded random source; consumed in a fixed order.

    Returns:
        The Markdown source, about 150 lines.
    """
    name = design_name(index)
    title = name.replace("-", " ").title()
    module = name.replace("-", "_")
    status = rng.choices(_STATUSES, weights=_STATUS_WEIGHTS)[0]
    gaps = set(rng.sample(_GAPS, rng.choice((0, 0, 0, 1, 1, 2))))
    framework, why = rng.choice(_FRAMEWORKS)
    database = rng.choice(_DATABASES)
    python = rng.choice(("3.10", "3.11", "3.12", "3.13"))
    rps = rng.randrange(100, 5000, 50)
    p95 = rng.randrange(50, 500, 10)
    owner = rng.choice(_OWNERS)
    tags = rng.sample(_TAGS, rng.randint(0, 3))
    depends = sorted({design_name(rng.randrange(count)) for _ in range(rng.randint(0, 3))} - {name})
    if "dangling-ref" in gaps:
        depends.append(f"retired-{name}")
    api_count = rng.choice((3, 4, 6, 8, 12, 18))
    reviewer = rng.choice(_OWNERS) if status in ("Approved", "Superseded") else ""
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}" if reviewer else "TBD"
    out: list[str] = []
    add = out.append
    add("---")
    add(f'title: "{title}"')
    add(f"module: {module}")
    add(f'owner: "{owner}"')
    add(f"status: {status}")
    add(f"tags: [{', '.join(tags)}]")
    add(f"depends_on: [{', '.join(depends)}]")
    if status == "Superseded":
        add(f"superseded_by: {design_name((index + 1) % count)}")
    add("handoffs:")
    add("  - label: python-api-designer handoff")
    add("    agent: python-api-designer")
    add("    prompt: Level 1 architecture design is complete. Please proceed with Level 2.")
    add("    send: true")
    add("---")
    add("")
    add(f"# {title} — Level 1 Architecture Design")
    add("")
    add("## 1. Context and Scope")
    add("")
    add(
        f"**Problem statement**: `{module}` handles {rng.choice(_NOUNS)} traffic that today "
        f"goes through a shared monolith; it needs its own lifecycle and scaling."
    )
    add("")
    add(f"**Target users**: internal services and the {rng.choice(_DOMAINS)} team's CLI users.")
    add("")
    add(
        f"**System boundary**: upstream {design_name(rng.randrange(count))}; downstream "
        f"consumers read its events from the message bus."
    )
    add("")
    add("**Out of scope**:")
    add("")
    add("- Real-time WebSocket delivery in v1.")
    add("- Multi-region writes.")
    add("")
    add("## 2. Goals and Non-Goals")
    add("")
    add("**Goals**:")
    add("")
    add(f"- Support {rps} RPS with p95 < {p95}ms.")
    add(f"- Keep the error rate below 0.{rng.randint(1, 9)}% over a rolling hour.")
    if "vague-goal" in gaps:
        add("- Make the service fast and scalable.")
    elif "todo" in gaps:
        add("- TODO: a third goal for the batch path.")
    else:
        add(f"- Recover from a node loss within {rng.randint(10, 90)} seconds.")
    add("")
    if "no-non-goals" not in gaps:
        add("**Non-Goals**:")
        add("")
        add("- No cross-tenant reporting in v1.")
        add("- No synchronous calls into the legacy billing system.")
        add("")
    add("## 3. Design Overview")
    add("")
    add("### 3.1 Architecture Diagram")
    add("")
    add("```mermaid")
    add("flowchart LR")
    add("    client[Client] --> api[API layer]")
    add(f"    api --> service[{title} service]")
    add("    service --> repo[Repository]")
    add(f"    repo --> db[({database})]")
    add("    service --> bus[[Message bus]]")
    add("```")
    add("")
    add("### 3.2 Component Responsibilities")
    add("")
    add("| Component | Responsibility | Technology |")
    add("| --------- | -------------- | ---------- |")
    add(f"| API Server | Handle REST requests | {framework} + Uvicorn |")
    add(f"| {title} Service | Business rules | Python stdlib + Pydantic |")
    add(f"| Repository | Persistence | SQLAlchemy + {database} |")
    add("| Publisher | Domain events | aiokafka |")
    add("")
    add("### 3.3 Technology Stack")
    add("")
    add(f"- **Python Version**: {python}+")
    add(f"- **Framework**: {framework} ({why})")
    add(f"- **Database**: {database}")
    add("- **Observability**: OpenTelemetry, structlog, Prometheus")
    add("- **Package Manager**: uv")
    add("")
    add("## 4. API Design Guidelines")
    add("")
    add("### 4.1 Error Handling Strategy")
    add("")
    add("- Domain errors raise custom exceptions such as `NotFoundError`.")
    add("- Infrastructure errors are wrapped with exception chaining (`from e`).")
    add("- HTTP mapping: 400, 404, 422, 500 and 503.")
    add("")
    add("### 4.2 API Versioning")
    add("")
    add("- URL versioning: `/api/v1/...`.")
    add("")
    add("### 4.3 Authentication and Authorization")
    add("")
    add(f"- {rng.choice(('JWT (PyJWT)', 'OAuth 2.0 (authlib)', 'API key', 'none (internal)'))}.")
    add("")
    add("### 4.4 API Overview")
    add("")
    for number in range(api_count):
        verb = _VERBS[(index + number) % len(_VERBS)]
        noun = _NOUNS[(index * 7 + number) % len(_NOUNS)]
        if "signature" in gaps and number == 0:
            add(f"- `{verb}_{noun}(item_id: int) -> {noun.title()}`: {verb} one {noun}.")
        else:
            add(f"- `{verb}_{noun}_{number}(request)`: {verb} {noun}s for the caller.")
    add("")
    add("## 5. Data Model Overview")
    add("")
    add(f"- **Key entities**: {', '.join(n.title() for n in rng.sample(_NOUNS, 3))}")
    add("- **Relationships**: an account has many items; an item belongs to one batch")
    add("- **Persistence strategy**: SQLAlchemy models, Pydantic at the edges")
    if "model-code" in gaps:
        add("")
        add("```python")
        add("class Item(BaseModel):")
        add("    item_id: int")
        add("    name: str")
        add("```")
    add("")
    add("## 6. Concurrency & Performance Requirements Overview")
    add("")
    add("### 6.1 Performance Targets")
    add("")
    add(f"- **Expected RPS**: {rps} (average), {rps * 2} (peak)")
    add(f"- **Response Time**: p50 < {p95 // 3}ms, p95 < {p95}ms, p99 < {p95 * 2}ms")
    add("")
    add("### 6.2 Concurrency Strategy")
    add("")
    add("| Component | Thread-Safe? | Strategy |")
    add("| --------- | ------------ | -------- |")
    add(f"| {title} Service | Yes | Stateless, no shared mutable state |")
    add("| ConfigLoader | Yes | Immutable after start-up |")
    add("| DB Sessions | Per-request | Scoped session factory |")
    add("")
    add("### 6.3 GIL Considerations")
    add("")
    add("- I/O-bound request handling runs on asyncio.")
    add("- CPU-bound exports go to a process pool.")
    add("")
    add("ASSUMPTION: traffic is I/O-bound.")
    add("RISK: report exports may become CPU-bound.")
    add("MITIGATION: profile with py-spy and move exports to workers.")
    add("")
    add("## 7. Cross-Cutting Concerns")
    add("")
    add("### 7.1 Observability")
    add("")
    add("- Structured logging with structlog, RED metrics, OpenTelemetry traces.")
    add("")
    add("### 7.2 Security")
    add("")
    add("- Pydantic validation on input, parameterised queries, rate limiting at the gateway.")
    add("")
    add("### 7.3 Reliability")
    add("")
    add("- Retries with tenacity, a circuit breaker on upstream calls, `/health` and `/ready`.")
    add("")
    add("## 8. Implementation Constraints")
    add("")
    add(f"- **Python Version**: {python} (minimum)")
    add("- MUST use: type annotations on all public functions (PEP 484)")
    add("- MUST NOT use: `eval()`, `exec()` or global mutable state")
    add("")
    add("## 9. Alternatives Considered")
    add("")
    other = rng.choice([f for f in _FRAMEWORKS if f[0] != framework])[0]
    add(f"**Alternative 1: {framework}**")
    add("")
    add(f"- **Pros**: {why}")
    add("- **Cons**: the team needs to learn its deployment story")
    add("- **Decision**: Accepted because it fits the workload")
    add("")
    if "one-alternative" not in gaps:
        add(f"**Alternative 2: {other}**")
        add("")
        add("- **Pros**: already used by neighbouring teams")
        add(f"- **Cons**: p95 above {p95}ms in the load test")
        add("- **Decision**: Rejected because the latency target would be missed")
        add("")
    add("## Design Review")
    add("")
    add(f"**Status**: {status}")
    add(f"**Reviewer**: {reviewer}")
    add(f"**Review Date**: {date}")
    add("")
    add("**Review Checklist**:")
    add("")
    mark = "x" if status in ("Approved", "Superseded") else " "
    for item in (
        "Context and scope are clear",
        "Goals are measurable",
        "Architecture diagram is complete",
        "Performance targets are specific",
        "Framework choice is justified",
        "Alternatives are well-justified",
    ):
        add(f"- [{mark}] {item}")
    add("")
    return "\n".join(out)


def generate_site(root: Path, count: int, seed: int = 1) -> GeneratedSite:
    """Write ``count`` designs plus two mkdocs.yml variants (plugin on and off) under ``root``.

    Args:
        root: The project folder; created if missing, existing designs are replaced.
        count: How many designs to write.
        seed: The random seed; the same seed gives byte-identical files.

    Returns:
        Where everything was written.
    """
    rng = random.Random(seed)
    docs = root / "docs"
    designs = docs / "design"
    if designs.exists():
        for stale in designs.glob("*.md"):
            stale.unlink()
    designs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(f"# Benchmark site\n\n{count} generated designs.\n")
    lines = 0
    for index in range(count):
        text = render_design(index, count, rng)
        lines += text.count("\n")
        (designs / f"{design_name(index)}-design.md").write_text(text, encoding="utf-8")
    config_on = root / "mkdocs.yml"
    config_off = root / "mkdocs-plain.yml"
    config_on.write_text(
        _MKDOCS_YML.format(count=count, site_dir="site-on", plugins=_PLUGINS_ON.rstrip("\n"))
    )
    config_off.write_text(
        _MKDOCS_YML.format(count=count, site_dir="site-off", plugins=_PLUGINS_OFF.rstrip("\n"))
    )
    return GeneratedSite(root, designs, config_on, config_off, count, lines)
