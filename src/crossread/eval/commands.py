"""The ``crossread eval`` command group, with subcommands imported only when used."""

from __future__ import annotations

import importlib
from typing import Any

import click

# name -> "module:attribute" of a click command; each module owns its subcommand.
SUBCOMMANDS: dict[str, str] = {
    "timex": "crossread.eval.timex:timex_command",
    "quotes": "crossread.eval.quotes:quotes_command",
    "entities": "crossread.eval.entities:entities_command",
    "cluster": "crossread.eval.cluster:cluster_command",
    "align": "crossread.eval.align:align_command",
    "brief": "crossread.eval.brief:brief_command",
    "parse": "crossread.eval.parse:parse_command",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            return None
        command: Any = getattr(module, attr)
        return command if isinstance(command, click.Command) else None


@click.group(cls=LazyGroup, name="eval")
def eval_group() -> None:
    """Measure crossread on labelled research data.

    DIR is the folder a research data tarball extracts to (for example `tempeval3/` from
    `tbaq.tar.gz`); every file found under it is evaluated. Add --json for one JSON object.
    """
