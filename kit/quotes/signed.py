"""Find: the speaker of a quote in marks that no verb of saying attributes, from how the
text lays it out or from a word that carries words without saying them.

- a **signature**: a dash and a name after the closing mark on the quote's own line
  ('"We will win." -- Jane Roe, Ohio'), on the line below, or the quote's own last line
  (a name and an affiliation, then the closing mark: that line is no quote);
- a **label**: a short name and a colon right before the opening mark, after a sentence,
  a quote or a dash of the same line ('... in May. Okafor: "..."', 'Sen. Jane Roe (D-Ore.):"..."'),
  or "From the report:" (the report's words);
- a **carrier**: '"...," the letter read.' (the parser takes "read" for a noun), and a
  chant ('chants of "Go! Go!"': the chanters' words, often nobody named).

>>> from kit.quotes import extract
>>> table = extract('"We stand together."  \\u2015 Dana Okafor, Ohio')
>>> table[["text", "speaker", "cue"]].values.tolist()
[['We stand together.', 'Dana Okafor', '\\u2015']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit import lexicon
from kit.quotes.article import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from kit.quotes.article import Article
    from kit.quotes.marks import QuoteSpan
    from kit.quotes.speakers import Speakers

#: Nouns of voices raised together: quoted words after "chants of" are the chanters'.
CHANT_NOUNS = lexicon.words("quotes_direct_chant_nouns")
#: Verb forms of a text carrying words that the parser takes for nouns ('"...," the sign read').
CARRIER_WORDS = lexicon.words("quotes_direct_carrier_words")
#: Words that open a "From X:" label: what follows the colon is X's (longest first).
FROM_OPENERS = sorted(lexicon.words("quotes_label_openers") | lexicon.words("quotes_direct_from_openers"), key=len, reverse=True)
#: What ends the text before a label on its line: a sentence, a quote, an ellipsis, a dash.
SENTENCE_STOPS = (". ", "? ", "! ")
LABEL_BOUNDARIES = SENTENCE_STOPS + ("\u201d ", '" ', "... ", "\u2026 ", " - ", " \u2013 ", " \u2014 ")
#: Dashes that sign a quote ("-- Jane Roe", "\u2015 Jane Roe").
DASHES = "-\u2013\u2014\u2015~"
#: At most this many tokens in a signature line, and in a label before a colon.
SIGNATURE_TOKENS = 25
LABEL_TOKENS = 10


class Signed:
    """The signatures, labels and carriers of one article's quotes."""

    def __init__(self, article: Article, speakers: Speakers):
        self.article = article
        self.text = article.text
        self.speakers = speakers

    def direct(self, mark: QuoteSpan) -> Attribution | None:
        """The signature below or the carrier of a direct quote nobody is said to say, or None
        (:meth:`signed_after` is asked first, before a quote continues another)."""
        return self.signed_below(mark) or self.carried(mark)

    def name_head(self, start: int, end: int) -> Token | None:
        """The speaker of a name opening ``text[start:end]`` (the last word of its first run
        of proper nouns), or None when the words there do not open with a name."""
        line = self.article.tokens_of(start, end)
        words = [token for token in line if not token.is_space] if line is not None else []
        if not words or len(words) > SIGNATURE_TOKENS or words[0].pos_ != "PROPN" or not words[0].text[:1].isupper():
            return None
        head = words[0]
        while head.i + 1 < line.end and self.article.doc[head.i + 1].pos_ == "PROPN":
            head = self.article.doc[head.i + 1]
        return self.speakers.named(head)

    def signed_after(self, mark: QuoteSpan) -> Attribution | None:
        """'"We stand together." \u2015 Dana Okafor, Ohio': a quote opening its line and signed
        after its closing mark, on the same line, by a dash and a name."""
        if not mark.closing:
            return None
        line_start = self.article.line_start(mark.outer_start)
        if self.text[line_start : mark.outer_start].strip(" \t\u00a0*\u2022" + DASHES):
            return None  # the quote must open its line (a bullet before it at most)
        end = self.article.line_end(mark.outer_end)
        after = self.text[mark.outer_end : end]
        dash = len(after) - len(after.lstrip(" \t\u00a0"))
        if dash >= len(after) or after[dash] not in DASHES:
            return None
        name_start = mark.outer_end + dash
        while name_start < end and (self.text[name_start] in DASHES or self.text[name_start] in " \t\u00a0"):
            name_start += 1
        head = self.name_head(name_start, end)
        if head is None:
            return None
        cue = self.article.tokens_of(mark.outer_end + dash, mark.outer_end + dash + 1)
        return Attribution(cue[0], self.text[mark.outer_end + dash], head)

    def signed_below(self, mark: QuoteSpan) -> Attribution | None:
        """'"We will win."' then a line '- Jane Roe, Ohio.': a quote that ends its paragraph,
        signed on the next line by a dash and a name, is that name's."""
        article = self.article
        if self.text[mark.outer_end : self.article.line_end(mark.outer_end)].strip(" .\t"):
            return None  # the quote must end its paragraph
        number = article.paragraph_of(max(mark.outer_start, mark.outer_end - 1)) + 1
        if number >= len(article.paragraph_starts):
            return None
        start = article.paragraph_starts[number]
        if self.text[mark.outer_end : start].count("\n") > 2 or self.text[start : start + 1] not in DASHES:
            return None
        head = self.name_head(start + 1, self.article.line_end(start))
        line = article.tokens_of(start, start + 1)
        return Attribution(line[0], self.text[start], head) if head is not None else None

    def sign_pieces(self, found: list) -> None:
        """'"We must act now.' then a line 'Dana Okafor, Farm Policy Center."': a quote over several
        lines whose last piece is only a name and an affiliation (no verb) is that name's; the
        signature itself is no quote (its item becomes None). ``found`` as
        :meth:`kit.quotes.find.MarkedQuotes._attributed` builds it, one item per mark."""
        for index, item in enumerate(found):
            if item is None or item[0].continues is None or found[item[0].continues] is None:
                continue
            mark, content = item[0], item[1]
            if not mark.closed or not content.text.rstrip().endswith(".") or len(content) > 14 or any(
                    token.pos_ in ("VERB", "AUX") for token in content) or not any(token.ent_type_ == "PERSON" for token in content[:3]):
                continue
            head = self.name_head(mark.start, mark.end)
            owner = found[mark.continues]
            if head is not None and owner[2].speaker is None:
                found[mark.continues] = (owner[0], owner[1], Attribution(None, None, head), owner[3])
                found[index] = None

    def labelled(self, mark: QuoteSpan) -> Attribution | None:
        """'... in May. Dana Okafor: "..."', 'Sen. Jane Roe (D-Ore.):"..."', '- Pew Research: "..."':
        a name and a colon right before the quote, after a sentence, a quote or a dash of its
        line; or 'From the report:', 'From Roe's post:' (the report's, Roe's words)."""
        text = self.text
        colon = mark.outer_start
        while colon > 0 and text[colon - 1] in " \t\u00a0":
            colon -= 1
        if colon == 0 or text[colon - 1] != ":":
            return None
        colon -= 1
        line_start = self.article.line_start(colon)
        start = max([line_start] + [at + len(stop) for at, stop in self._boundaries(line_start, colon)])
        label = self.article.tokens_of(start, colon)
        words = [token for token in label if token.idx < colon and not token.is_space] if label is not None else []
        if not words or len(words) > LABEL_TOKENS:
            return None
        opener = next((word for word in FROM_OPENERS if text[start:colon].lower().startswith(word + " ")), None)
        if opener is not None:
            return self._from_label(words[len(opener.split()):], words[0])
        if "(" in (token.text for token in words):
            words = words[: [token.text for token in words].index("(")]  # "Jane Roe (D-Ore.)": the name
        if not words or not words[-1].text[:1].isupper() or not words[0].text[:1].isupper() or any(
                token.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP") and token.i == words[0].i for token in words) or any(
                token.pos_ in ("VERB", "AUX", "PRON") or (token.is_punct and token.text != ".") for token in words):
            return None
        if not all(token.text[:1].isupper() for token in words[-2:]) and words[-1].pos_ != "PROPN":
            return None
        return Attribution(words[-1], ":", self.speakers.named(words[-1]))

    def _boundaries(self, line_start: int, colon: int):
        """(offset, boundary) of the last of each boundary before the colon on its line; a full stop
        only where the parse starts a sentence after it ('said of Mr. Rubio:' is no sentence's end)."""
        for stop in LABEL_BOUNDARIES:
            at = self.text.rfind(stop, line_start, colon)
            while at >= 0 and stop in SENTENCE_STOPS:
                after = self.article.tokens_of(at + len(stop), at + len(stop) + 1)
                if after is not None and after[0].is_sent_start:
                    break
                at = self.text.rfind(stop, line_start, at)
            if at >= 0:
                yield at, stop

    def _from_label(self, words: list[Token], opener: Token) -> Attribution | None:
        """'From the report:' -> the report; 'From Roe's post:' -> Roe (a document speaks for its owner)."""
        nouns = [token for token in words if token.pos_ in ("NOUN", "PROPN")]
        if not nouns or any(token.pos_ in ("VERB", "AUX") for token in words):
            return None
        owner = next((token for token in words if token.dep_ == "poss" and token.pos_ in ("PROPN", "NOUN")), None)
        return Attribution(opener, ":", owner if owner is not None else nouns[-1])

    def carried(self, mark: QuoteSpan) -> Attribution | None:
        """'"...," the letter read.', '"...!" read one.': a quote broken by a comma or an
        exclamation and followed by "read" and the text that carries it, to the sentence's end."""
        ending = self.text[mark.start : mark.end].rstrip()[-1:]
        if not mark.closing or ending not in ",?!":
            return None
        end = self.text.find(".", mark.outer_end, mark.outer_end + 60)
        following = self.article.tokens_of(mark.outer_end, end) if end > 0 else None
        words = [token for token in following if not token.is_punct] if following is not None else []
        cue = next((token for token in words if token.lower_ in CARRIER_WORDS), None)
        if cue is None or not 2 <= len(words) <= 5 or self.text[mark.outer_end : end].count("\n"):
            return None
        before = [token for token in words if token.i < cue.i]
        after = [token for token in words if token.i > cue.i]
        carrier = before[-1] if before else after[-1] if after else None
        if carrier is None or carrier.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ") or (before and after):
            return None
        return Attribution(cue, cue.text, carrier)

    def chanted(self, content: Span, mark: QuoteSpan) -> Attribution | None:
        """'their chants of "Go! Go!"', 'to chants of "Four more years"': a chant's words, the
        chanters' (the noun's owner) or nobody named's."""
        opening = self.article.tokens_of(mark.outer_start, mark.outer_start + 1)
        if opening is None or opening.start < 2:
            return None
        before = self.article.doc[opening.start - 1]
        noun = self.article.doc[opening.start - 2]
        if before.lower_ != "of" or noun.lemma_.lower() not in CHANT_NOUNS:
            return None
        owner = next((child for child in noun.children if child.dep_ == "poss"), None)
        return Attribution(noun, f"{noun.text} of", owner)
