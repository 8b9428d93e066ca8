"""What in an article's text is layout, not running text: credit lines ("Image: X.",
"Reporting by X; Editing by Y"), bylines ("By X"), the agency of a dateline
("WASHINGTON (Reuters) -"), site furniture ("Trending On Reuters") and the speaker
labels of interview transcripts (:func:`kit.actors.names.turn_labels`). Names there are
credited or printed, not mentioned: the kit counts no mention inside these spans.

>>> text = "LONDON (Reuters) - Banks fell.\\nReporting by Andy Bruce; Editing by Michael Perry"
>>> [text[s:e] for s, e in layout_spans(text)]
['Reuters', 'Andy Bruce', 'Michael Perry']
"""

from __future__ import annotations

import functools
import re

from kit import lexicon


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    cues = lexicon.mapping("actors_credit_cues")
    labels = sorted((c for c, kind in cues.items() if kind == "label"), key=len, reverse=True)
    bys = sorted((c for c, kind in cues.items() if kind == "by"), key=len, reverse=True)
    words = r"[^\W\d_][\w.'’&-]*(?:[ ]+(?:[^\W\d_][\w.'’&-]*|\(\w+\)|de|van|von|da|der|la|le|and|&))*"
    label = re.compile(r"(?:^|(?<=[\s(.]))(?i:" + "|".join(map(re.escape, labels)) + r")[ \t]*:[ \t]*"
                       + r"(?P<names>[^\n]*?)(?:\.[ \t]*$|\.[ \t]|\)[ \t]*$|$)", re.MULTILINE)
    # "By Jane Doe" alone on a line; "Reporting by X; Editing by Y" anywhere, in brackets or not.
    by_line = re.compile(r"^[ \t(]*(?i:by)[ \t]+(?P<names>" + words + r")[ \t)]*$", re.MULTILINE)
    credit = re.compile(r"(?:^|(?<=[(;]))[ \t]*(?i:" + "|".join(map(re.escape, [b for b in bys if b != "by"]))
                        + r")[ \t]+(?P<names>" + words + r")", re.MULTILINE)
    return label, by_line, credit


#: A dateline with the agency in brackets: "WASHINGTON (Reuters) -", "LONDON, June 3 (AP) —".
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z.'’ -]{1,40}(?:/[A-Z][A-Za-z .'-]+)?(?:,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*\d{1,2})?"
                      r"[ \t]*\((?P<agency>[A-Z][A-Za-z .&'-]{1,30})\)[ \t]*[-–—]", re.MULTILINE)


def _split_names(text: str, start: int) -> list[tuple[int, int]]:
    """ "X and Y", "X; Editing by Y", "X (flickr)": the name parts with their offsets."""
    spans = []
    for match in re.finditer(r"[^,;/]+", text):
        part = match.group().strip()
        part = re.sub(r"\s*\([^)]*\)?\s*$", "", part)  # "John Lubbock (flickr)"
        if not part:
            continue
        offset = start + match.start() + match.group().index(part[:1])
        for name in re.split(r"\s+(?:and|&)\s+", part):
            if name:
                at = text.find(name, offset - start)
                spans.append((start + at, start + at + len(name)))
    return spans


@functools.lru_cache(maxsize=8)
def layout_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of names that the layout prints: credits, bylines, dateline agencies,
    site furniture. Sorted.

    >>> text = "Protesters at the march. Image: John Lubbock (flickr).\\nBy Jane Doe\\nTrending On Reuters"
    >>> [text[s:e] for s, e in layout_spans(text)]
    ['John Lubbock', 'Jane Doe', 'Trending On Reuters']
    """
    label, by_line, credit = _patterns()
    spans: list[tuple[int, int]] = []
    for pattern in (label, by_line, credit):
        for match in pattern.finditer(text):
            names = match.group("names")
            if names and names.strip():
                spans += _split_names(names, match.start("names"))
    for match in DATELINE.finditer(text):
        spans.append(match.span("agency"))
    furniture = {line.lower() for line in lexicon.words("actors_site_furniture")}
    position = 0
    for line in text.splitlines(keepends=True):
        if line.strip().lower() in furniture:
            first = position + line.index(line.strip())
            spans.append((first, first + len(line.strip())))
        position += len(line)
    return tuple(sorted(set(spans)))
