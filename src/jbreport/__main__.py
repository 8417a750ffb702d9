"""``python -m jbreport``."""

from .cli import entry

entry()
