"""Titles, honorifics, role nouns and abbreviations.

``HONORIFICS`` and ``TITLES`` may stand before a name ("Mr. Trump",
"Foreign Minister Andrii Sybhia"); they are kept in the mention but not in the
canonical name. ``ROLE_NOUNS`` head an unnamed speaker ("a White House
spokeswoman", "Ukraine's ambassador to the US"). ``ABBREVIATIONS`` end in a
full stop that does not end a sentence.

Example:
    >>> "Sen" in HONORIFICS and "president" in TITLES and "spokeswoman" in ROLE_NOUNS
    True
"""

from __future__ import annotations

__all__ = ["ABBREVIATIONS", "GROUP_NOUNS", "HONORIFICS", "ROLE_NOUNS", "TITLES"]

#: Short forms written with or without a full stop before a name.
HONORIFICS: frozenset[str] = frozenset(
    """Mr Mrs Ms Miss Mx Dr Prof Sen Sens Rep Reps Gov Lt Gen Col Maj Capt Cmdr Adm Sgt
    Cpl Pvt Rev Fr Sr Sra Sir Dame Lord Lady Hon Amb Pres Supt Insp Det Atty Gen Mme Mlle
    Herr Frau Sheikh Rabbi Imam Pastor Brother Sister Judge Justice Chief""".split()
)

#: Lower-cased words that may stand in a title before a name or head a role.
TITLES: frozenset[str] = frozenset(
    """president vice prime minister premier chancellor secretary senator congressman
    congresswoman representative governor lieutenant mayor ambassador envoy
    spokesman spokeswoman spokesperson ceo chairman chairwoman chair director
    general admiral colonel commander captain sergeant major judge justice attorney
    king queen prince princess pope cardinal bishop archbishop sheikh emir sultan
    leader candidate nominee chief deputy assistant adviser advisor aide minister
    commissioner official officer economist analyst professor dr lawmaker speaker
    whip counsel strategist pollster treasurer founder executive manager coach
    host anchor correspondent editor columnist reporter researcher scientist
    negotiator diplomat foreign defense defence finance interior justice health
    state house senate federal acting former late then incoming outgoing top senior
    junior chief state's first lady gentleman presidential mr mrs ms
    republican democratic democrat independent campaign press white""".split()
)

#: Lower-cased nouns that head an unnamed speaker of kind ``role``.
ROLE_NOUNS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen official officials
    aide aides adviser advisers advisor advisors ambassador envoy minister secretary
    president chancellor governor senator lawmaker lawmakers source sources analyst
    analysts expert experts economist economists observer observers diplomat diplomats
    negotiator negotiators representative representatives leader leaders officer
    officers member members staffer staffers strategist strategists insider insiders
    executive executives director chairman chairwoman chief commander general
    prosecutor prosecutors lawyer lawyers attorney attorneys judge witness witnesses
    resident residents voter voters supporter supporters critic critics
    person people man woman official's candidate candidates nominee nominees mayor
    congressman congresswoman columnist columnists commentator commentators pollster
    pollsters professor professors researcher researchers scientist scientists editor
    editors reporter reporters correspondent host anchor founder manager managers coach
    delegate delegates commissioner activist activists organizer organizers protester
    protesters author writer consultant consultants veteran veterans owner
    chairperson counsel treasurer ceo operative operatives someone somebody employee
    worker teacher student nurse farmer parent fan marcher protester businessman
    businesswoman billionaire mogul policymaker policymakers agent lobbyist""".split()
)

#: Lower-cased plural nouns that make a mention a group ("US and Ukrainian negotiators").
GROUP_NOUNS: frozenset[str] = frozenset(
    """officials negotiators diplomats lawmakers leaders sources analysts experts
    economists observers aides advisers advisors members staffers strategists
    insiders executives prosecutors lawyers attorneys witnesses residents voters
    supporters critics people protesters activists demonstrators democrats
    republicans investigators researchers scientists doctors teachers students
    workers soldiers troops police ministers governments allies authorities
    organizers organisers spokesmen spokeswomen representatives delegates nurses
    farmers parents fans marchers crowd crowds audience women men families victims
    survivors employees veterans citizens immigrants candidates pollsters policymakers
    economists lots""".split()
)

#: Words followed by a full stop that does not end a sentence.
ABBREVIATIONS: frozenset[str] = HONORIFICS | frozenset(
    """St Jr Ph U.S U.K U.N E.U D.C N.Y L.A Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec
    vs etc Inc Corp Co Ltd Bros Ave Blvd Mt Ft approx est Dept Univ Gov't
    a.m p.m i.e e.g""".split()
)
