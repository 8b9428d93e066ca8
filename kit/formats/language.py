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
#: each language's stopwords as UTF-8 bytes (a word listed twice counts twice)
_STOPWORDS_BYTES = {language: tuple(word.encode("utf-8") for word in words.split()) for language, words in STOPWORDS.items()}
#: the languages in STOPWORDS' order, and each word's packed score (a 32-bit field per language,
#: holding how many times the language lists the word)
_LANGUAGES = tuple(STOPWORDS)
_FIELD = (1 << 32) - 1
_SHIFTS = tuple(32 * index for index in range(len(_LANGUAGES)))
_PACKED_STOPWORDS: dict[bytes, int] = {}
for _index, _language in enumerate(_LANGUAGES):
    for _word in _STOPWORDS_BYTES[_language]:
        _PACKED_STOPWORDS[_word] = _PACKED_STOPWORDS.get(_word, 0) + (1 << (32 * _index))

#: A word: a run of letters (what the guess counts).
_WORD = re.compile(r"[^\W\d_]+")
# ASCII bytes that are not letters become spaces, ASCII capitals small letters (as bytes.lower);
# bytes of other characters (>= 0x80) stay.
_ASCII_NON_LETTERS = bytes(byte if byte >= 0x80 else ord(chr(byte).lower()) if chr(byte).isalpha() else 0x20
                           for byte in range(256))


def guess_language(text: str, *, sample: int = 1500) -> str | None:
    # the table lowers the ASCII letters; the pieces with other characters are lowered as text
    # below (no character lowers to an ASCII non-letter, so the pieces are those of the lowered text)
    data = text[:sample].encode("utf-8", "surrogatepass")
    words = data.translate(_ASCII_NON_LETTERS).split()
    n_words = len(words)
    # each language's score (how often its stopwords occur) in a field of one packed integer:
    # a word's value holds 1 in the field of each language listing it, and the sum is one C loop
    packed = sum(filter(None, map(_PACKED_STOPWORDS.get, words)))
    if not data.isascii():
        # pieces holding other characters (accents, curly quotes, dashes) are split by the regex,
        # so the words are exactly ``_WORD.findall(text)``'s
        for piece in itertools.filterfalse(bytes.isalpha, words):  # bytes.isalpha: ASCII letters only
            packed -= _PACKED_STOPWORDS.get(piece, 0)
            found = _WORD.findall(piece.decode("utf-8", "surrogatepass").lower())
            n_words += len(found) - 1
            for word in found:
                packed += _PACKED_STOPWORDS.get(word.encode("utf-8", "surrogatepass"), 0)
    if n_words < 5:
        return None
    scores = [(packed >> shift) & _FIELD for shift in _SHIFTS]
    top = max(scores)
    ranked = sorted(scores, reverse=True)
    if top < 2 or top < 1.5 * ranked[1]:
        return None
    return _LANGUAGES[scores.index(top)]


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
    spaced = data.replace(b"\n", b" ").strip(b" ")
    if not spaced:
        return 0
    if b"   " not in spaced:
        return spaced.count(b" ") + 1 - spaced.count(b"  ")  # as for ASCII text above
    spaces = numpy.frombuffer(spaced, numpy.uint8) == 0x20
    return int(numpy.count_nonzero(spaces[:-1] & ~spaces[1:])) + 1  # words start after a space, and at 0
