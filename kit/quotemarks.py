"""Where quotation marks open and close: moved to :mod:`kit.quotes.marks` (kept importable).

>>> [q.text for q in find_quote_spans('He said "we will win," and left.')]
['we will win,']
"""

from kit.quotes.marks import *  # noqa: F401,F403
from kit.quotes.marks import QuoteSpan, find_quote_spans  # noqa: F401
