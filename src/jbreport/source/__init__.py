"""The source layer: content files read into the source model, every value with its file:line.

``yaml`` reads a file into located nodes; ``load`` turns the nodes into a validated
:class:`~jbreport.source.model.Report`, with a reader for each part of a report
(``metadata``, ``figures``, ``keyfigures``, ``blocks``) built on the primitives of
``reader``; ``images`` checks the photos.  The format is described in
``docs/content-format.md``.
"""
