"""The PO layer: gettext catalogs read, merged, looked up, written and exchanged."""
