"""Words that make a mention an organisation.

``ORG_HEADS`` are capitalised words that end or head an organisation's name
("Élysée Palace", "Foreign Ministry", "The New York Times"); ``ORG_NAMES``
are organisations known by one word; ``ORG_NOUNS`` are lower-case heads
("Der Spiegel news website", "the ministry").

Example:
    >>> "Palace" in ORG_HEADS and "Kremlin" in ORG_NAMES and "website" in ORG_NOUNS
    True
"""

from __future__ import annotations

__all__ = ["ORG_HEADS", "ORG_NAMES", "ORG_NOUNS"]

ORG_HEADS: frozenset[str] = frozenset(
    """Palace House Ministry Department Office Agency Committee Commission Council
    Party Campaign Administration Government Court Congress Senate Parliament Assembly
    Times Post Journal News Network Press Herald Tribune Telegraph Guardian Gazette
    Review Magazine Radio Television TV Channel Broadcasting Reuters Institute Foundation
    University College School Association Union Federation League Bank Fund Inc Corp
    Corporation Company Co Group Ltd LLC Organization Organisation Center Centre Service
    Services Bureau Authority Board Police Army Navy Force Forces Command Coalition
    Alliance Movement Front Club Society Trust Caucus Chamber Cabinet Embassy Mission
    Secretariat Spiegel Monde Zeitung Pravda Tass Interfax Xinhua Kyodo Yonhap""".split()
)

ORG_NAMES: frozenset[str] = frozenset(
    """Kremlin Pentagon Élysée Elysee Downing Whitehall Vatican NATO UN EU FBI CIA NSA
    DHS DOJ IRS GOP DNC RNC RNC's ACLU NAACP WHO IMF OPEC ECB Fed Hamas Hezbollah
    Taliban Reuters AP AFP CNN BBC NBC ABC CBS Fox MSNBC NPR Politico Axios Bloomberg
    Google Facebook Twitter Apple Microsoft Amazon Meta Gazprom Rosneft""".split()
)

ORG_NOUNS: frozenset[str] = frozenset(
    """website newspaper paper magazine agency ministry office department palace
    campaign committee government administration company firm group organization
    organisation network channel broadcaster outlet station newsroom tabloid daily
    weekly statement report letter study survey poll memo document filing lawsuit
    complaint release transcript court panel board council union party embassy
    spokesman's brief motion ruling indictment editorial ad ads advertisement
    commercial petition platform bill resolution analysis review blog commission
    nonprofit non-profit charity foundation institute agency""".split()
)
