"""Personal pronouns that may stand for a speaker, with what they can refer to.

Example:
    >>> PRONOUNS["she"], PRONOUNS["they"]
    ('female', 'plural')
"""

from __future__ import annotations

__all__ = ["PRONOUNS"]

#: Subject pronoun (lower case) -> "male", "female", "plural", "neuter" or "speaker".
PRONOUNS: dict[str, str] = {
    "he": "male",
    "she": "female",
    "they": "plural",
    "it": "neuter",
    "we": "speaker",
    "i": "speaker",
}
