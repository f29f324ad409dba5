"""Reading one design: front matter, the block scanner, the template (the schema).

Also the design context and the facts that rules, summaries and reviews share.
"""
