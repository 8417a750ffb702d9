"""jbreport: bilingual briefing documents from structured report content and gettext catalogs."""

__version__ = "0.1.0"
