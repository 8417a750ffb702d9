"""Internationalisation: what CLDR knows, each fact computed once.

- :mod:`.locale`: an edition's identity (language, script, region, its BCP 47 tag) from
  CLDR's likely subtags, and the Babel locale of a tag;
- :mod:`.script`: which writing system a character belongs to;
- :mod:`.placeholders`: the ``{name}`` fields of a message;
- :mod:`.scales`: the scale words (万/亿, million/billion…) that figures are written with;
- :mod:`.figures` and :mod:`.formatting`: a figure, and how each locale writes it;
- :mod:`.reading`: figures read back out of text (the translation checker's reader).

Babel is imported here and in :mod:`jbreport.po` only.
"""
