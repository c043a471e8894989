"""CLI commands that are large enough to own a module; registered lazily by ``cli.py``."""
