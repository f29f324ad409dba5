"""Running the rules: one design, a corpus of designs, in parallel, through a content-hash cache."""
