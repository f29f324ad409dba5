"""Emulate ``mkdocs serve`` rebuilds in one process and time them (run as a subprocess).

``mkdocs serve`` loads the config, calls ``on_startup(command="serve")``, builds, and on
every save reloads the config and builds again; plugins that define ``on_startup`` keep
their instance across those reloads (MkDocs caches them). This probe does exactly that,
without the file watcher and HTTP server, edits one design between rebuilds, and wraps the
archdesign plugin's event handlers to measure the time spent inside them.

Usage: ``python -m benchmarks.serve_probe CONFIG DESIGN ROUNDS`` prints one JSON object.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SERVE_URL = "http://127.0.0.1:8000/"


def _time_plugin_events(
    plugins: Any, name: str, spent: list[float], by_event: dict[str, float]
) -> bool:
    """Wrap every event handler registered by plugin ``name``; return whether it is loaded.

    ``spent[0]`` accumulates the total, ``by_event`` the time per event name.

    Wrapping the registered handlers (not the instance) works whether or not MkDocs keeps
    the plugin instance across config reloads.
    """
    origins: dict[Callable[..., Any], str] = plugins._event_origins
    found = False
    for event, handlers in plugins.events.items():
        for position, method in enumerate(handlers):
            if origins.get(method) != name:
                continue
            found = True

            def timed(
                *args: Any, _method: Callable[..., Any] = method, _event: str = event, **kwargs: Any
            ) -> Any:
                start = time.perf_counter()
                try:
                    return _method(*args, **kwargs)
                finally:
                    took = time.perf_counter() - start
                    spent[0] += took
                    by_event[_event] = by_event.get(_event, 0.0) + took

            handlers[position] = timed
    return found


def probe(config_file: Path, design: Path, rounds: int) -> dict[str, Any]:
    """Build once, then edit ``design`` and rebuild ``rounds`` times, as serve does.

    Returns:
        ``first`` (seconds), ``rebuilds`` (seconds each), ``hooks`` (seconds inside the
        archdesign plugin per rebuild, empty when the plugin is not configured),
        ``first_hooks`` (seconds inside it during the first build) and ``events`` (per
        event name, seconds summed over the rebuilds).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="bench_serve_")

    spent = [0.0]
    by_event: dict[str, float] = {}
    enabled = [False]

    def get_config() -> Any:
        config = load_config(config_file=str(config_file), site_dir=site_dir)
        config.site_url = SERVE_URL
        enabled[0] = _time_plugin_events(config.plugins, "archdesign", spent, by_event)
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins.get("archdesign")
    original = design.read_text(encoding="utf-8")
    result: dict[str, Any] = {
        "first": 0.0,
        "first_hooks": 0.0,
        "rebuilds": [],
        "hooks": [],
        "events": {},
        "persistent": False,
    }
    try:
        start = time.perf_counter()
        config = get_config()
        build(config, serve_url=SERVE_URL)
        result["first"] = time.perf_counter() - start
        result["first_hooks"] = spent[0] if enabled[0] else 0.0
        by_event.clear()
        for number in range(rounds):
            marker = f"\n<!-- benchmark edit {number} -->\nEdited paragraph {number}.\n"
            design.write_text(original + marker, encoding="utf-8")
            spent[0] = 0.0
            start = time.perf_counter()
            # serve reloads the config on every change; cached plugins keep their instance.
            config = get_config()
            build(config, serve_url=SERVE_URL)
            result["rebuilds"].append(time.perf_counter() - start)
            result["hooks"].append(spent[0] if enabled[0] else 0.0)
        result["events"] = {event: round(took, 4) for event, took in sorted(by_event.items())}
        if plugin is not None:
            result["persistent"] = config.plugins.get("archdesign") is plugin
    finally:
        design.write_text(original, encoding="utf-8")
        config.plugins.on_shutdown()
    return result


def main(argv: list[str]) -> int:
    config_file, design, rounds = Path(argv[0]), Path(argv[1]), int(argv[2])
    print(json.dumps(probe(config_file, design, rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
