"""Evaluation against labelled research data: readers for each corpus and shared metrics.

Each ``crossread eval ...`` subcommand lives in its own module here and is registered lazily
in ``eval/commands.py``, so that loading the CLI never imports an evaluation it does not run.
"""
