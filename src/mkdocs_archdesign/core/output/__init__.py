"""What a design looks like to the outside: check reports, page blocks, the handoff graph."""
