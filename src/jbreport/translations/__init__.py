"""The translator's commands (:mod:`.commands`, :mod:`.status`, :mod:`.words`), what they
extract (:mod:`.entries`), the checks of a translation against its source (:mod:`.checks`),
and the exchange with translators' tools: XLIFF and the review copy (:mod:`.exchange`,
:mod:`.review`)."""
