"""Type stubs of the extension module (re-exported by ``tinsach``)."""

from typing import Optional, Sequence, Union

__version__: str
DEFAULT_MAX_BYTES: int
DEFAULT_MAX_NODES: int
DEFAULT_MAX_DEPTH: int
DEFAULT_MAX_WORK: int
SUGGESTED_MIN_CONFIDENCE: float
SUGGESTED_MIN_CONFIDENCE_TEXT: float

class Error(Exception):
    """The input cannot be an article, or breaks a configured limit."""

class EmptyInput(Error):
    """The input was empty, or held only white space."""

class TooLarge(Error):
    """The input is larger than the cleaner's ``max_bytes``."""

    size: int
    limit: int

class TooManyNodes(Error):
    """The HTML has more elements than the cleaner's ``max_nodes``."""

    limit: int

class WorkLimit(Error):
    """Cleaning took more steps of work than the cleaner's ``max_work``."""

    limit: int

class Binary(Error):
    """The input is binary data, not text."""

class NoArticle(Error):
    """Nothing on the page reads as an article."""

    why: str  # "no_text" or "no_body"

class NotAnArticle(Error):
    """Cleaned, but with less confidence than ``min_confidence`` that it is one article."""

    kind: str
    confidence: float

class Dateline:
    text: Optional[str]
    """The date as printed, or None when only metadata carries it."""
    datetime: Optional[str]
    """The full instant in RFC 3339, e.g. "2023-03-29T21:20:00+07:00"."""
    date: Optional[str]
    """The date at the page's precision: "2016-02-01", "2016-02-01T01:28"."""

class Removed:
    text: str
    reason: str
    """The reason's snake_case name: "navigation", "related_list", "teaser_lottery"…"""

class Encoding:
    name: str
    source: str
    """"byte_order_mark", "content_type", "meta_prescan", "detected" or "utf8_over_declaration"."""
    had_errors: bool
    looks_wrong: bool

class Article:
    @property
    def kind(self) -> str:
        """"article", "listing", "media", "forum" or "other"."""
    @property
    def confidence(self) -> float:
        """How sure the cleaner is, 0.0 to 1.0, that the page is one article."""
    @property
    def headline(self) -> Optional[str]: ...
    @property
    def kicker(self) -> Optional[str]: ...
    @property
    def dateline(self) -> Optional[Dateline]: ...
    @property
    def source(self) -> Optional[str]: ...
    @property
    def outlet(self) -> Optional[str]: ...
    @property
    def host(self) -> Optional[str]: ...
    @property
    def credit(self) -> Optional[str]: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def body(self) -> list[str]: ...
    @property
    def captions(self) -> list[str]: ...
    @property
    def removed(self) -> list[Removed]: ...
    @property
    def encoding(self) -> Optional[Encoding]: ...
    @property
    def published(self) -> Optional[str]:
        """The full publication instant in RFC 3339, if the page gives one."""
    @property
    def roles(self) -> list[str]:
        """Each body paragraph's role: "paragraph", "heading_2", "list_item", "quote",
        "table_cell", "preformatted" or "caption"."""
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
    def to_markdown(self) -> str:
        """The article as Markdown, its text escaped."""
    def to_html(self) -> str:
        """The article as a sanitised HTML fragment: only its own tags, no attributes."""
    def to_dict(self) -> dict:
        """The article as plain values: the JSON schema of docs/SCHEMA.md."""

class Cleaner:
    def __init__(
        self,
        *,
        max_bytes: Optional[int] = None,
        max_nodes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_work: Optional[int] = None,
        keep_removed: bool = True,
        min_confidence: Optional[float] = None,
    ) -> None: ...
    @property
    def max_bytes(self) -> int: ...
    @property
    def max_nodes(self) -> int: ...
    @property
    def max_depth(self) -> int: ...
    @property
    def max_work(self) -> int: ...
    @property
    def keep_removed(self) -> bool: ...
    @property
    def min_confidence(self) -> Optional[float]: ...
    def clean_html(
        self,
        data: Union[bytes, str],
        url: Optional[str] = None,
        content_type: Optional[str] = None,
    ) -> Article: ...
    def clean_text(self, text: str) -> Article: ...
    def clean_html_batch(
        self,
        pages: Sequence[Union[bytes, str]],
        urls: Optional[Sequence[Optional[str]]] = None,
        content_types: Optional[Sequence[Optional[str]]] = None,
    ) -> list[Union[Article, Error]]:
        """All pages on all cores, GIL released; failures as exception instances."""
    def clean_text_batch(self, texts: Sequence[str]) -> list[Union[Article, Error]]: ...

def clean_html(
    data: Union[bytes, str],
    url: Optional[str] = None,
    content_type: Optional[str] = None,
) -> Article: ...
def clean_text(text: str) -> Article: ...
