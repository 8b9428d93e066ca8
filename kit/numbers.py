"""The number reader under its old name: everything here is :mod:`kit.figures.numbers`.

>>> from kit import numbers
>>> numbers.parse_number("1.8m"), numbers.VAGUE is __import__("kit.figures.numbers").figures.numbers.VAGUE
(1800000.0, True)
"""

from kit.figures.numbers import *  # noqa: F401,F403  (the old import path keeps working)
from kit.figures.numbers import _sum_words  # noqa: F401
