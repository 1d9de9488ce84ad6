"""Turn scraped news pages (raw HTML or scraped text) into clean articles.

    >>> import tinsach
    >>> article = tinsach.clean_html(open("page.html", "rb").read())
    >>> article.headline, article.text()

The cleaning is done by the Rust library tinsach; every call releases the
GIL while it works, and ``Cleaner.clean_html_batch`` / ``clean_text_batch``
clean on all cores. Errors are subclasses of ``tinsach.Error``.
"""

from ._tinsach import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_NODES,
    DEFAULT_MAX_WORK,
    SUGGESTED_MIN_CONFIDENCE,
    SUGGESTED_MIN_CONFIDENCE_TEXT,
    Article,
    Binary,
    Cleaner,
    Dateline,
    EmptyInput,
    Encoding,
    Error,
    NoArticle,
    NotAnArticle,
    Removed,
    TooLarge,
    TooManyNodes,
    WorkLimit,
    __version__,
    clean_html,
    clean_text,
)



def _make_cleaner(max_bytes, max_nodes, max_depth, max_work, keep_removed, min_confidence):
    """Unpickles a Cleaner (see Cleaner.__reduce__)."""
    return Cleaner(
        max_bytes=max_bytes,
        max_nodes=max_nodes,
        max_depth=max_depth,
        max_work=max_work,
        keep_removed=keep_removed,
        min_confidence=min_confidence,
    )


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_NODES",
    "DEFAULT_MAX_WORK",
    "Article",
    "Binary",
    "Cleaner",
    "Dateline",
    "EmptyInput",
    "Encoding",
    "Error",
    "NoArticle",
    "NotAnArticle",
    "SUGGESTED_MIN_CONFIDENCE",
    "SUGGESTED_MIN_CONFIDENCE_TEXT",
    "Removed",
    "TooLarge",
    "TooManyNodes",
    "WorkLimit",
    "__version__",
    "clean_html",
    "clean_text",
]
