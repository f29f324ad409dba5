"""Render the rule reference page (``docs/rules.md``) from the registry's docstrings.

The page is generated, never hand-edited, so the documented codes, names, default
severities and explanations are exactly what the code does. A test compares the
committed page with :func:`render_rule_reference`.
"""

from __future__ import annotations

from mkdocs_archdesign.core.rules import all_rules
from mkdocs_archdesign.core.rules.base import DOC_SECTIONS, Rule
from mkdocs_archdesign.core.rules.unreadable import UNREADABLE_RULE

#: The command that regenerates the page (named in the drift test's failure message).
REGENERATE_COMMAND = "mkdocs-archdesign rules --format markdown > docs/rules.md"

FAMILIES = (
    ("AD0", "AD0xx Metadata"),
    ("AD1", "AD1xx Structure"),
    ("AD2", "AD2xx Level 1 content"),
    ("AD3", "AD3xx Level 2 leaks"),
    ("AD4", "AD4xx Review"),
    ("AD5", "AD5xx Level 2 specifications"),
)


def documented_rules() -> list[Rule]:
    """Every code a finding can carry, ordered by code (AD000 included)."""
    return [UNREADABLE_RULE, *all_rules()]


def render_rule_reference() -> str:
    """Render the Markdown of ``docs/rules.md``.

    Returns:
        The whole page: an introduction, a summary table linking each code to its entry,
        the severity policy, the suppression syntax, then one entry per rule grouped by
        family, each with an explicit anchor, its default severity and the four
        docstring sections.
    """
    rules = documented_rules()
    parts = [_INTRO, _summary_table(rules), _POLICY]
    for prefix, title in FAMILIES:
        members = [rule for rule in rules if rule.code.startswith(prefix)]
        if members:
            parts.append(f"## {title}\n")
            parts.extend(_entry(rule) for rule in members)
    return "\n".join(parts).rstrip("\n") + "\n"


def _summary_table(rules: list[Rule]) -> str:
    lines = ["## All rules\n", "| Code | Name | Default | Summary |", "| --- | --- | --- | --- |"]
    for rule in rules:
        summary = rule.summary.replace("|", "\\|")
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | `{rule.name}` | {rule.severity.label} "
            f"| {summary} |"
        )
    return "\n".join(lines) + "\n"


def _entry(rule: Rule) -> str:
    sections = rule.doc_sections()
    lines = [
        f'<a id="{rule.code.lower()}"></a>\n',
        f"### {rule.code} {rule.name}\n",
        f"{rule.summary}\n",
        f"**Default severity**: {rule.severity.label}"
        + (" (cross-design: sees every design in the run)" if rule.is_corpus_rule else "")
        + (" (Level 2 specs only: sees the spec and its Level 1 design)" if rule.spec_check else "")
        + "\n",
    ]
    for title in DOC_SECTIONS:
        body = sections.get(title, "").strip()
        if body:
            lines.append(f"#### {title}\n")
            lines.append(f"{body}\n")
    return "\n".join(lines)


_INTRO = """\
# Rule reference

<!-- Generated from the rules' docstrings by `mkdocs-archdesign rules --format markdown`.
     Do not edit by hand: change the docstring and regenerate. -->

Every finding carries a stable code, a readable name, a severity and the line nearest the
problem. The codes, names and default severities below are a public contract: they do
not change between minor versions. `mkdocs-archdesign rules` prints the same table in a
terminal.
"""

_POLICY = """\
## Severity policy

- Each rule has a default severity: `error`, `warning` or `info`.
- **Drafts are downgraded.** A design with no status anywhere is a Draft. A Draft's
  findings are shown as `info` and never fail a build, except AD000, AD001 and AD002.
  A design with an unknown status (AD002) is not downgraded. Set
  `draft_findings: keep` to turn the downgrade off.
- **Failing.** `fail_on` (plugin option) and `check --fail-on` choose the threshold:
  `error` (default), `warning` or `never`.
- **Per-rule override.** In the plugin config, `rules: {AD203: off}` turns a rule off;
  `info`, `warning` or `error` change its severity.
- `check --select` and `--ignore` take codes or prefixes (`AD2` selects every Level 1
  content rule).

## Suppressing findings

For a whole design, list codes in its front matter:

```yaml
---
archdesign_ignore: [AD203, AD214]
---
```

For one line, put an HTML comment on the line before it (several codes may be given,
separated by spaces or commas):

```markdown
<!-- archdesign: ignore AD203 -->
- Keep the checkout experience pleasant.
```
"""
