"""The review workflow and its byte-preserving edits of a design."""
