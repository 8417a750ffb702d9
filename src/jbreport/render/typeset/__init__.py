"""Typesetting without fonts: line breaking (:mod:`.linebreak`) and setting a paragraph's
lines (:mod:`.setting`), pure functions of the text and its characters' widths."""
