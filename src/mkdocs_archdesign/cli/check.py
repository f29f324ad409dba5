"""Placeholder module; replaced by the command implementation."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
