"""A cheap guess of an article's language from its commonest short words, and its word count.

Good enough to tell English from the other languages agencies write in; it
returns ``None`` rather than guess on short or mixed text.

>>> guess_language("The minister said that the talks would resume in the spring.")
'en'
>>> guess_language("Le ministre a dit que les discussions reprendront au printemps.")
'fr'
>>> count_words("Two  words\\nand three")
4
"""

from __future__ import annotations

import itertools
import re
from collections import _count_elements  # type: ignore[attr-defined]

import numpy

STOPWORDS = {
    "en": "the of and to in is that for on with was said by as at from it his are have be has were an which this",
    "fr": "le la les des et du en un une est que dans pour qui au sur par pas avec a il ont été ce",
    "de": "der die und das den ist nicht mit von zu sich des auf für im dem ein eine auch es wurde",
    "es": "el la de que los las en del y por un una con se para al es su como más fue",
    "it": "il di che la è e per un una del della non sono le gli con alla ha al si",
    "pt": "o de que a do da em um uma para com não os se na por mais as dos foi",
    "nl": "de het een van en in is dat op te voor met zijn niet die er aan ook werd",
    "tr": "ve bir bu da de için ile olarak olan çok daha gibi en sonra ama ancak kadar",
}
_LANGUAGES_OF: dict[str, list[str]] = {}
for _language, _words in STOPWORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF.setdefault(_word, []).append(_language)
#: the same, keyed by the words' UTF-8 bytes (the guess counts words as bytes)
_LANGUAGES_OF_BYTES = {word.encode("utf-8"): languages for word, languages in _LANGUAGES_OF.items()}
#: each language's stopwords as UTF-8 bytes (a word listed twice counts twice, as in _LANGUAGES_OF)
_STOPWORDS_BYTES = {language: tuple(word.encode("utf-8") for word in words.split()) for language, words in STOPWORDS.items()}
_ZEROS = itertools.repeat(0)

#: A word: a run of letters (what the guess counts).
_WORD = re.compile(r"[^\W\d_]+")
# ASCII bytes that are not letters become spaces; bytes of other characters (>= 0x80) stay.
_ASCII_NON_LETTERS = bytes(byte if byte >= 0x80 or chr(byte).isalpha() else 0x20 for byte in range(256))


def _word_counts(text: str) -> dict[bytes, int]:
    """How often each word (run of letters, ``_WORD``) occurs in ``text``, keyed by its UTF-8 bytes.

    Splitting the UTF-8 bytes at ASCII non-letters is done in C; only the pieces holding
    other characters (accents, curly quotes, dashes) go through the regex, so the words are
    exactly ``_WORD.findall(text)``'s.
    """
    data = text.encode("utf-8", "surrogatepass")
    counts: dict[bytes, int] = {}
    _count_elements(counts, data.translate(_ASCII_NON_LETTERS).split())  # Counter's own C loop
    if data.isascii():
        return counts
    mixed = [piece for piece in counts if not piece.isalpha()]  # bytes.isalpha: ASCII letters only
    for piece in mixed:
        times = counts.pop(piece)
        for word in _WORD.findall(piece.decode("utf-8", "surrogatepass")):
            word = word.encode("utf-8", "surrogatepass")
            counts[word] = counts.get(word, 0) + times
    return counts


def guess_language(text: str, *, sample: int = 1500) -> str | None:
    counts = _word_counts(text[:sample].lower())
    if len(counts) < 5 and sum(counts.values()) < 5:
        return None
    get = counts.get
    # each language's score: how often its stopwords occur (looked up in C, a map per language)
    scores = {language: sum(map(get, words, _ZEROS)) for language, words in _STOPWORDS_BYTES.items()}
    best = max(scores, key=scores.get)
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 2 or ranked[0] < 1.5 * ranked[1]:
        return None
    return best


# What str.split() splits at besides " " and "\n": other ASCII whitespace, and (in UTF-8) Unicode's,
# found by their lead bytes first (a byte search is a memchr; most texts hold none of them).
_OTHER_ASCII_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
_OTHER_ASCII_SPACE_BYTES = tuple(space.encode() for space in _OTHER_ASCII_SPACES)
_UNICODE_SPACES_BY_LEAD = {b"\xc2": re.compile(rb"\xc2[\x85\xa0]"), b"\xe1": re.compile(rb"\xe1\x9a\x80"),
                           b"\xe2": re.compile(rb"\xe2(?:\x80[\x80-\x8a\xa8\xa9\xaf]|\x81\x9f)"),
                           b"\xe3": re.compile(rb"\xe3\x80\x80")}


def count_words(text: str, utf8: bytes | None = None) -> int:
    """``len(text.split())`` without making the words, in a few C passes over the text.

    When the only whitespace is spaces and newlines (byte searches find no other), the words are
    the runs of non-spaces: the spaces plus one, less the spaces that follow a space. Other texts
    are split. ``utf8``: the text's UTF-8 bytes, if the caller has them.
    """
    if text.isascii():
        if any(space in text for space in _OTHER_ASCII_SPACES):
            return len(text.split())
        spaced = text.replace("\n", " ").strip(" ")
        if not spaced or "   " in spaced:
            return len(spaced.split())
        return spaced.count(" ") + 1 - spaced.count("  ")  # no run of three: each pair is one more space
    data = text.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    if any(space in data for space in _OTHER_ASCII_SPACE_BYTES) or any(
            lead in data and pattern.search(data) for lead, pattern in _UNICODE_SPACES_BY_LEAD.items()):
        return len(text.split())
    spaces = numpy.frombuffer(data.replace(b"\n", b" ").strip(b" "), numpy.uint8) == 0x20
    if not len(spaces):
        return 0
    return int(numpy.count_nonzero(spaces[:-1] & ~spaces[1:])) + 1  # words start after a space, and at 0
