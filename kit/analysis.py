"""analyze(): spaCy once per article, plain tables out; Analysis, the bundle of tables.

Data flows one way: each article body is parsed once (``nlp.pipe``, streamed),
the three extractors turn the Doc into plain rows, and the Doc is dropped.
Corpus-level steps (surnames seen in another article, the actors table) run
on the rows alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd
from spacy.tokens import Doc

from kit import actors as actors_module
from kit import figures as figures_module
from kit import quotes as quotes_module
from kit.nlp import load_model, model_name, stream_docs
from kit.tables import COLUMNS, SPAN_TABLES, conform, empty

#: Tables produced per article (cacheable) and the one built across the corpus.
ARTICLE_TABLES = ("mentions", "figures", "quotes")
TABLES = ("articles", "mentions", "actors", "figures", "quotes", "problems")


@dataclasses.dataclass
class Analysis:
    """The tables of one analysed corpus. Explore these; never spaCy Docs.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> result.actors.name.head(1).tolist()
    ['Russia']
    """

    articles: pd.DataFrame
    mentions: pd.DataFrame
    actors: pd.DataFrame
    figures: pd.DataFrame
    quotes: pd.DataFrame
    problems: pd.DataFrame = dataclasses.field(default_factory=lambda: empty("problems"))

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}

    def save(self, directory: str | Path) -> Path:
        """Write every table as ``<directory>/<table>.parquet``; returns the directory."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables().items():
            temporary = directory / f".{name}.parquet.tmp"
            table.to_parquet(temporary, index=False)
            temporary.replace(directory / f"{name}.parquet")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> "Analysis":
        """Read the tables written by :meth:`save`."""
        directory = Path(directory)
        tables = {}
        for name in TABLES:
            path = directory / f"{name}.parquet"
            if not path.exists():
                if name == "problems":
                    tables[name] = empty("problems")
                    continue
                raise FileNotFoundError(f"{path}: missing; was this folder written by Analysis.save()?")
            tables[name] = conform(pd.read_parquet(path), name)
        return cls(**tables)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}={len(table)}" for name, table in self.tables().items())
        return f"Analysis({sizes})"


def analyze_doc(doc: Doc) -> dict[str, list[dict]]:
    """Run the three extractors on one parsed article; plain rows out, no Docs.

    Rows carry offsets into ``doc.text``; ``actor_id`` values are the article's
    own and may be merged across the corpus later by :func:`analyze`.
    """
    mentions = actors_module.find_mentions(doc)
    return {
        "mentions": mentions,
        "figures": figures_module.find_figures(doc),
        "quotes": quotes_module.find_quotes(doc, mentions),
    }


def body_key(body: str, model: str) -> str:
    """Cache key of one article: its body, the kit's version and the model."""
    from kit import __version__

    digest = hashlib.sha256()
    for part in (__version__, model, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def iter_article_rows(
    articles: pd.DataFrame,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    progress: bool = True,
) -> Iterator[tuple[str, dict[str, list[dict]]]]:
    """Parse each body once and yield ``(article_id, rows)``; Docs are dropped at once."""
    nlp = load_model(model)
    pairs: Iterable[tuple[str, str]] = (
        (body if isinstance(body, str) else "", article_id)
        for article_id, body in zip(articles["article_id"], articles["body"])
    )
    docs = stream_docs(nlp, pairs, batch_size=batch_size, n_process=n_process)
    if progress:
        from tqdm.auto import tqdm

        docs = tqdm(docs, total=len(articles), desc="analysing", unit="article", disable=len(articles) < 20)
    for doc, article_id in docs:
        yield article_id, analyze_doc(doc)


def analyze(
    corpus_or_articles,
    *,
    model: str | None = None,
    n_process: int = 1,
    batch_size: int | None = None,
    cache: bool | str | Path = True,
    progress: bool = True,
) -> Analysis:
    """Analyse every article: mentions, actors, figures and quotes as tables.

    Accepts a :class:`kit.Corpus` or any DataFrame with ``article_id`` and ``body``.

    >>> import kit
    >>> result = kit.analyze(kit.read_corpus("data/wire"), progress=False)
    >>> sorted(result.quotes.kind.unique())[:2]
    ['direct', 'indirect']
    """
    articles, problems = _articles_and_problems(corpus_or_articles)
    collected: dict[str, list[dict]] = {name: [] for name in ARTICLE_TABLES}
    for article_id, rows in iter_article_rows(
        articles, model=model, n_process=n_process, batch_size=batch_size, progress=progress
    ):
        for name in ARTICLE_TABLES:
            for row in rows[name]:
                row["article_id"] = article_id
            collected[name].extend(rows[name])
    return assemble(articles, collected, problems)


def assemble(articles: pd.DataFrame, collected: dict[str, list[dict]], problems: pd.DataFrame) -> Analysis:
    """Corpus-level steps on plain rows: merge actors across articles, build the actors table."""
    tables = {name: conform(collected[name], name) for name in ARTICLE_TABLES}
    mentions, actors, renamed = actors_module.resolve_corpus(tables["mentions"], articles)
    quotes = tables["quotes"]
    if len(quotes) and renamed:
        quotes["actor_id"] = quotes["actor_id"].map(lambda a: renamed.get(a, a) if isinstance(a, str) else a)
    return Analysis(
        articles=articles,
        mentions=conform(mentions, "mentions"),
        actors=conform(actors, "actors"),
        figures=tables["figures"],
        quotes=conform(quotes, "quotes"),
        problems=problems,
    )


def _articles_and_problems(corpus_or_articles) -> tuple[pd.DataFrame, pd.DataFrame]:
    if isinstance(corpus_or_articles, pd.DataFrame):
        articles, problems = corpus_or_articles, empty("problems")
    elif hasattr(corpus_or_articles, "articles"):
        articles = corpus_or_articles.articles
        problems = getattr(corpus_or_articles, "problems", empty("problems"))
    else:
        raise TypeError(
            "analyze() takes a kit.Corpus (from kit.read_corpus) or a DataFrame with "
            f"'article_id' and 'body' columns, not {type(corpus_or_articles).__name__}"
        )
    missing = {"article_id", "body"} - set(articles.columns)
    if missing:
        raise ValueError(f"analyze(): the articles table lacks the column(s) {sorted(missing)}")
    if "headline" not in articles.columns or set(COLUMNS["articles"]) - set(articles.columns):
        articles = conform(articles, "articles")
    return articles.reset_index(drop=True), problems
