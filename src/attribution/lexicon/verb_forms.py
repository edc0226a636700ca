"""Verb forms that show a clause has its verb: irregular past tenses and auxiliaries.

The mention parser and the sieves read "Trump said", "The president left" or
"Nuclear experts have" as a subject followed by its verb; regular past tenses
(``-ed``) are matched by their ending, these forms by this list.

Example:
    >>> "said" in PAST_FORMS and "would" in AUXILIARY_FORMS
    True
"""

from __future__ import annotations

from attribution.patterns import wordlist

__all__ = ["AUXILIARY_FORMS", "PAST_FORMS"]

#: Irregular past tenses common in news text.
PAST_FORMS: tuple[str, ...] = wordlist(
    """said told made gave took went came wrote spoke left met ran won lost kept put sent
    held brought thought felt saw stood began became struck hit drew sat got rose shook"""
)

#: Auxiliaries and modals that follow a subject.
AUXILIARY_FORMS: tuple[str, ...] = wordlist("has have had is are was were will would could can")
