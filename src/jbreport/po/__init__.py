"""gettext PO catalogs, with Babel's ``babel.messages``.

- :mod:`.lint`: the syntax check, as GNU msgfmt reads a file;
- :mod:`.io`: reading (Babel's ``read_po``) and writing (``render_po``, ``save_catalog``);
- :mod:`.template`: new catalogs and the template's entries;
- :mod:`.merge`: a catalog brought in line with a new template;
- :mod:`.lookup`: the translations of an edition (``Lookup``, ``Catalogs``, plural forms).

``Catalog`` and ``Message`` are Babel's; other modules name them from here, so that Babel
is imported only in :mod:`jbreport.po` and :mod:`jbreport.i18n`.
"""

from babel.messages.catalog import Catalog, Message

__all__ = ["Catalog", "Message"]
