"""A datatrove extractor step that cleans with tinsach.

Use it where datatrove's ``Trafilatura`` extractor stands: it takes the same
documents (``doc.text`` holds the page's HTML, as ``WarcReader`` gives it) and
gives ``doc.text`` the article's body, paragraphs separated by a blank line,
with the article's metadata added to ``doc.metadata`` under ``tinsach_*``
keys::

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from tinsach.datatrove import Tinsach

    pipeline = [WarcReader("warcs/"), Tinsach(), JsonlWriter("out/")]

Unlike trafilatura, tinsach's work is linear in the page's size and bounded
by its limits, so no document needs a timeout or a subprocess: the step
cleans ``batch_size`` documents at a time on all cores, in this process.
A document that is no article (``tinsach.Error``) is dropped, counted in the
step's stats under its error class, as the trafilatura step drops pages it
extracts nothing from.
"""

from __future__ import annotations

from typing import Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

from . import Cleaner, Error


class Tinsach(BaseExtractor):
    """Extracts the article of each HTML document with tinsach."""

    name = "📰 Tinsach"

    def __init__(
        self,
        batch_size: int = 256,
        metadata: bool = True,
        max_bytes: Optional[int] = None,
        keep_removed: bool = False,
        timeout: float = 1,
    ):
        # `timeout` is accepted for compatibility with the other extractors;
        # nothing here needs one.
        super().__init__(timeout=timeout)
        self.batch_size = batch_size
        self.metadata = metadata
        self.cleaner = Cleaner(max_bytes=max_bytes, keep_removed=keep_removed)

    def extract(self, text: str) -> str:
        """The body of one page, as BaseExtractor defines it."""
        return self.cleaner.clean_html(text).text()

    def _flush(self, docs):
        results = self.cleaner.clean_html_batch(
            [d.text for d in docs], urls=[d.metadata.get("url") for d in docs]
        )
        for doc, result in zip(docs, results):
            if isinstance(result, Error):
                self.stat_update(type(result).__name__)
                self.stat_update(StatHints.dropped)
                continue
            self.stat_update("extracted")
            doc.text = result.text()
            if self.metadata:
                dateline = result.dateline
                doc.metadata.update(
                    {
                        "tinsach_kind": result.kind,
                        "tinsach_confidence": result.confidence,
                        "tinsach_headline": result.headline,
                        "tinsach_published": result.published,
                        "tinsach_date": dateline.date if dateline else None,
                        "tinsach_authors": result.authors,
                        "tinsach_source": result.source,
                        "tinsach_outlet": result.outlet,
                    }
                )
            if doc.text:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        batch = []
        for doc in data:
            self.stat_update(StatHints.total)
            batch.append(doc)
            if len(batch) >= self.batch_size:
                with self.track_time(unit="batch"):
                    yield from self._flush(batch)
                batch = []
        if batch:
            with self.track_time(unit="batch"):
                yield from self._flush(batch)
