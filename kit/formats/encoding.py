"""Bytes to text: BOMs, UTF-16/32, legacy code pages, mojibake, line ends.

Every reader of the kit goes through :func:`decode`, so that all formats agree on
what a file's text is, and offsets into a body always point into that text.

>>> decode("27 Haziran 2019\\r\\n79. Sayı".encode("cp1254")).text
'27 Haziran 2019\\n79. Sayı'
>>> decode("café".encode("utf-8").decode("cp1252").encode("utf-8")).text   # mojibake repaired
'café'
"""

from __future__ import annotations

import codecs
import dataclasses
import re


#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Magic numbers of binary formats people drop into text folders by mistake.
BINARY_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x7fELF", "a program (ELF)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg file"),
    (b"RIFF", "a RIFF (WAV/AVI/WebP) file"),
)

_SIGNATURES = tuple(signature for signature, _ in BINARY_SIGNATURES)

# Legacy single-byte code pages decode almost any bytes without error, so
# charset-normalizer often ties between them (cp1250 and cp1254 read ASCII the
# same way). Ties are broken by the language the ASCII words of the text are
# in: a Turkish bulletin ("Haziran", "Sayı") was written in cp1254.
_LANGUAGE_CUES = {
    "cp1254": r"ocak|şubat|subat|mart|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik|sayı|sayi|ve|bir|bu|için|icin|ile",
    "cp1250": r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|leden|únor|březen|duben|květen|červen|és|egy|hogy|nie|jest|się|że|się|je|na|se",
    "cp1251": r"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
}
#: This many NUL bytes (or one per 2,000 bytes, if more) are dropped as damage; more is binary data.
MAX_STRAY_NULS = 16

_PREFERRED = ("utf_8", "cp1252", "latin_1", "iso8859_15")


@dataclasses.dataclass
class Decoded:
    """The text of some bytes, and the encoding it was read with."""

    text: str
    encoding: str
    repaired: bool = False
    #: stray NUL bytes dropped from the text (damage, reported as a problem)
    dropped_nuls: int = 0


class NotText(ValueError):
    """The bytes are not text in any encoding (a binary file, or NUL-ridden)."""


def binary_kind(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or ``None`` if it may be text.

    >>> binary_kind(b"%PDF-1.7 ...")
    'a PDF document'
    >>> binary_kind("plain words".encode()) is None
    True
    """
    if not data.startswith(_SIGNATURES):
        return None
    for signature, name in BINARY_SIGNATURES:
        if data.startswith(signature):
            return name
    return None


def decode(data: bytes, *, fix_mojibake: bool = True) -> Decoded:
    """Decode ``data`` into text with ``\\n`` line ends.

    Order of evidence: a BOM; UTF-16/32 without BOM (NULs on alternate bytes);
    strict UTF-8; charset-normalizer (ties between legacy code pages broken by
    the language of the text). Mojibake (UTF-8 read as cp1252 and saved again)
    is repaired with ftfy. Raises :class:`NotText` for binary data.

    >>> decode(codecs.BOM_UTF16_LE + "Moscow, June 27".encode("utf-16-le")).text
    'Moscow, June 27'
    """
    encoding = None
    for bom, name in BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom) :]
            break
    if encoding is None:
        encoding = _utf16_without_bom(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise NotText(f"not valid {encoding} although it starts like it ({error.reason})") from None
        return _finish(text, encoding, fix_mojibake)
    kind = binary_kind(data)
    if kind:
        raise NotText(f"this is {kind}, not text")
    nuls = data.count(b"\x00") if b"\x00" in data else 0  # a memchr first: most texts hold none
    if nuls:
        # A few stray NULs in a text are damage, not a binary file (random bytes
        # hold one NUL in 256): drop them, read the text, and say so.
        if nuls > max(MAX_STRAY_NULS, len(data) // 2000):
            raise NotText(f"binary data ({nuls} NUL bytes), not text")
        data = data.replace(b"\x00", b"")
    try:
        # UTF-8 bytes without \r hold no line end to change; without \xc3 none of mojibake's lead
        # characters (U+00C2-U+00C5, U+00D0, U+00D1, U+00E2 all start with it)
        decoded = _finish(data.decode("utf-8"), "utf-8", fix_mojibake, carriage_returns=b"\r" in data,
                          mojibake_leads=b"\xc3" in data)
    except UnicodeDecodeError:
        encoding = _guess_legacy_encoding(data)
        if encoding is None:
            raise NotText("no text encoding fits these bytes (binary data?)") from None
        decoded = _finish(data.decode(encoding, errors="replace"), encoding, fix_mojibake)
    decoded.dropped_nuls = nuls
    return decoded


def _utf16_without_bom(data: bytes) -> str | None:
    # Text in UTF-16 has a NUL in every other byte for Latin script; which half
    # holds the NULs gives the byte order.
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:  # no NUL, no UTF-16
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess_legacy_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported when a file is not UTF-8

    matches = from_bytes(data[:200_000])
    if not matches:
        return None
    # UTF-16/32 were ruled out above (no NUL pattern); on short inputs
    # charset-normalizer may still offer them.
    matches = [match for match in matches if not match.encoding.startswith(("utf_16", "utf_32"))]
    if not matches:
        return None
    best = min(match.chaos for match in matches)
    tied = [match.encoding for match in matches if match.chaos <= best + 0.01]
    words = set(re.findall(r"[^\W\d_]+", data[:200_000].decode("latin-1").lower()))
    offered = {match.encoding for match in matches}
    for encoding, cues in _LANGUAGE_CUES.items():
        if encoding in offered and words & set(cues.split("|")):
            return encoding
    for encoding in _PREFERRED:
        if encoding in tied:
            return encoding
    return tied[0]


def _finish(text: str, encoding: str, fix_mojibake: bool, *, carriage_returns: bool = True,
            mojibake_leads: bool = True) -> Decoded:
    if carriage_returns:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    repaired = False
    if fix_mojibake and mojibake_leads and _looks_like_mojibake(text):
        import ftfy  # imported when a text looks mis-decoded

        fixed = ftfy.fix_encoding(text)
        repaired = fixed != text
        text = fixed
    return Decoded(text, encoding, repaired)


# The telltale pairs of UTF-8 read as cp1252/latin-1: "Ã©", "â€™", "Ä±" ...
_MOJIBAKE = re.compile("[ÃÂÄÅÐÑâ][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u0192]")


def _looks_like_mojibake(text: str) -> bool:
    # Most texts hold none of the lead characters: seven scans in C rule them out before the regex.
    if text.isascii() or not any(lead in text for lead in "ÃÂÄÅÐÑâ"):
        return False
    return _MOJIBAKE.search(text) is not None
