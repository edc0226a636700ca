"""Speech verbs and speech frames: the cues that introduce a quotation.

Verbs are listed by their base form; :func:`inflections` derives ``says``,
``said``, ``saying`` and so on (irregular past forms are listed in
``IRREGULAR``). ``FRAMES`` are multi-word cues ("according to", "was quoted
as saying") matched before single verbs.

Example:
    >>> sorted(inflections("tell"))
    ['tell', 'telling', 'tells', 'told']
    >>> sorted(inflections("reply"))
    ['replied', 'replies', 'reply', 'replying']
"""

from __future__ import annotations

__all__ = [
    "FRAMES",
    "IRREGULAR",
    "REPORTING_VERBS",
    "SPEECH_NOUNS",
    "SPEECH_VERBS",
    "THAT_ONLY_VERBS",
    "inflections",
]

#: Base forms of verbs that introduce speech or writing.
SPEECH_VERBS: tuple[str, ...] = tuple(
    """say tell add state warn accuse insist claim argue write tweet post ask reply
    note explain recall declare announce acknowledge admit continue describe call urge
    respond answer remark comment observe suggest predict promise vow pledge complain
    lament concede confirm deny dismiss charge allege assert contend maintain counter
    retort quip joke boast brag scoff shout yell scream cry whisper mutter murmur
    stress emphasize emphasise caution plead beg demand conclude testify report
    reiterate repeat tout praise criticize criticise attack blast slam decry denounce
    condemn mock ridicule thank apologize apologise mention
    rail fume gush muse wonder opine reason exclaim cheer interject interrupt proclaim
    recount relate reveal disclose divulge inform instruct advise assure reassure
    swear sigh snap snarl groan grumble chant preach lecture concur agree disagree
    object protest question challenge remind summarize summarise hint imply
    rebut refute label brand dub tout gloat estimate lament cite blame read share
    publish recommend remember propose surmise elaborate bark boom react crack jeer
    confide holler sing bellow thunder rant vent speculate recite implore demur
    intimate""".split()
)

#: Verbs of evaluation and reporting that attribute a partial quotation in their
#: clause ("the Bar Association deemed him “well qualified”") but do not stand
#: next to a full quotation as its cue ("“…,” the crowd applauded").
REPORTING_VERBS: tuple[str, ...] = tuple(
    """express laud deem defend refer portray credit indicate hail bemoan applaud
    welcome highlight underscore characterize characterise depict liken invoke quote
    forecast threaten champion lambaste fault chide scold rebuke nickname profess
    decree acclaim assail berate castigate deride disparage excoriate extol lampoon
    lash belittle dismiss downplay concede discuss find show""".split()
)

#: Nouns for something said; with a possessor before them they attribute a
#: quotation ("Trump’s assertion that “thousands” cheered").
SPEECH_NOUNS: tuple[str, ...] = tuple(
    """claim assertion comment remark statement promise pledge warning description
    words argument suggestion insistence answer response reply message slogan tweet
    declaration charge accusation contention characterization characterisation
    complaint prediction vow boast quip joke admission acknowledgment criticism
    denunciation praise plea demand call question speech testimony
    remarks comments words""".split()
)

#: Irregular past forms (past tense and participle) by base form.
IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("said",),
    "tell": ("told",),
    "write": ("wrote", "written"),
    "swear": ("swore", "sworn"),
    "cry": ("cried",),
}

#: Verbs that report speech only with a clause or quotation after them; they
#: still count as cues for an embedded quotation in the same sentence.
THAT_ONLY_VERBS: frozenset[str] = frozenset(
    {"suggest", "predict", "imply", "hint", "reveal", "agree", "question"}
)

#: Multi-word cues, matched before single verbs; written lower case, one space
#: between words (any run of spaces matches).
FRAMES: tuple[str, ...] = (
    "according to",
    "was quoted as saying",
    "was quoted as telling",
    "was quoted as warning",
    "was quoted as calling",
    "was quoted as describing",
    "were quoted as saying",
    "is quoted as saying",
    "has been quoted as saying",
    "was heard saying",
    "was heard to say",
    "is said to have said",
    "is reported to have said",
    "in the words of",
    "pointed out",
    "went on",
    "wrote on twitter",
    "said in a statement",
    "said in an interview",
    "told reporters",
    "put it",
    "puts it",
    "fired back",
    "shot back",
    "hit back",
    "weighed in",
    "chimed in",
    "spoke out",
)


def inflections(base: str) -> set[str]:
    """Every form of a regular or listed irregular verb: base, -s, past, -ing."""
    forms = {base}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(base + "es")
    elif base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    if base in IRREGULAR:
        forms.update(IRREGULAR[base])
    elif base.endswith("e"):
        forms.add(base + "d")
    elif base.endswith("y") and base[-2:-1] not in tuple("aeiou"):
        forms.add(base[:-1] + "ied")
    elif _doubles(base):
        forms.add(base + base[-1] + "ed")
    else:
        forms.add(base + "ed")
    if base.endswith("ie"):
        forms.add(base[:-2] + "ying")
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        forms.add(base[:-1] + "ing")
    elif _doubles(base):
        forms.add(base + base[-1] + "ing")
    else:
        forms.add(base + "ing")
    return forms


_DOUBLING = frozenset(
    {"admit", "quip", "plan", "snap", "beg", "stop", "chat", "regret", "scan", "refer", "rebut"}
)


def _doubles(base: str) -> bool:
    return base in _DOUBLING
