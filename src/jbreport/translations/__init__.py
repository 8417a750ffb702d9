"""The translator's commands (:mod:`.commands`, :mod:`.status`), what they extract
(:mod:`.entries`), and the checks of a translation against its source (:mod:`.checks`)."""
