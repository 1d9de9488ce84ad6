"""Cleaning a dataset with PySpark: a function for ``mapPartitions``.

Each partition is cleaned in batches with ``Cleaner.clean_html_batch`` (or
``clean_text_batch``), which releases the GIL and uses all the executor's
cores; one output row comes out for every input row, with ``error`` set
(the exception's class name and message) when the page is no article::

    from tinsach.spark import clean_partition, OUTPUT_SCHEMA

    df = spark.read.json("pages.jsonl")          # columns: url, html
    out = df.rdd.mapPartitions(clean_partition).toDF(OUTPUT_SCHEMA)

See ``python/examples/spark_clean.py`` for a whole job.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Optional

from . import Cleaner, Error

#: The columns of the rows ``clean_partition`` yields, as a Spark DDL string.
OUTPUT_SCHEMA = (
    "url string, kind string, confidence double, headline string, published string, date string, source string, "
    "outlet string, authors array<string>, text string, error string"
)


def _get(row: Any, name: str) -> Any:
    if isinstance(row, dict):
        return row.get(name)
    try:
        return row[name]
    except (KeyError, ValueError, IndexError):
        return None


def clean_partition(
    rows: Iterable[Any],
    column: str = "html",
    url_column: Optional[str] = "url",
    is_text: bool = False,
    batch_size: int = 256,
    max_bytes: Optional[int] = None,
) -> Iterator[tuple]:
    """Cleans the ``column`` of every row (a Spark Row or a dict); yields one
    tuple per row, in order, with the fields of ``OUTPUT_SCHEMA``."""
    cleaner = Cleaner(max_bytes=max_bytes, keep_removed=False)
    batch: list = []

    def flush():
        urls = [_get(r, url_column) if url_column else None for r in batch]
        pages = [_get(r, column) or "" for r in batch]
        if is_text:
            results = cleaner.clean_text_batch(pages)
        else:
            results = cleaner.clean_html_batch(pages, urls=urls)
        for url, a in zip(urls, results):
            if isinstance(a, Error):
                yield (url, None, None, None, None, None, None, None, [], None, f"{type(a).__name__}: {a}")
            else:
                d = a.dateline
                yield (
                    url,
                    a.kind,
                    a.confidence,
                    a.headline,
                    a.published,
                    d.date if d else None,
                    a.source,
                    a.outlet,
                    a.authors,
                    a.text(),
                    None,
                )

    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
