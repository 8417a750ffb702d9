"""New catalogs: their headers from CLDR."""

from __future__ import annotations

import pytest

from jbreport.errors import TranslationError
from jbreport.po.template import new_catalog

# -- new catalogs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("es", "nplurals=2; plural=(n != 1);"),
        ("de", "nplurals=2; plural=(n != 1);"),
        ("zh", "nplurals=1; plural=0;"),
        ("zh_TW", "nplurals=1; plural=0;"),
        ("zh_CN", "nplurals=1; plural=0;"),
        ("zh_Hant_TW", "nplurals=1; plural=0;"),
        ("en_GB", "nplurals=2; plural=(n != 1);"),
        ("pt_PT", "nplurals=2; plural=(n != 1);"),
        ("ja", "nplurals=1; plural=0;"),
    ],
)
def test_new_catalog_plural_forms(language: str, forms: str) -> None:
    catalog = new_catalog(language)
    assert catalog.plural_forms == forms
    assert str(catalog.locale) == language
    assert catalog.locale_identifier == language  # the Language header


@pytest.mark.parametrize("language", ["xx", "und", "en_ZZ", "root", "../fr", ""])
def test_new_catalog_refuses_unknown_languages(language: str) -> None:
    with pytest.raises(TranslationError, match="unknown language"):
        new_catalog(language)
