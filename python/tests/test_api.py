import threading
import time

import pytest

import tinsach
from conftest import SEEDS, VI_HTML


def same_article(got, expected):
    """The clean example prints the confidence as an f32, the dict holds it
    as read from the same JSON: equal within 1e-3, and the rest equal."""
    got, expected = dict(got), dict(expected)
    assert abs(got.pop("confidence") - expected.pop("confidence")) < 1e-3
    assert got == expected


@pytest.mark.parametrize("path", VI_HTML, ids=lambda p: p.name)
def test_html_fixture_same_as_rust(path, rust_articles):
    same_article(tinsach.clean_html(path.read_bytes()).to_dict(), rust_articles[str(path)])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_text_fixture_same_as_rust(path, rust_articles):
    expected = dict(rust_articles[str(path)])
    expected.setdefault("encoding", None)
    same_article(tinsach.clean_text(path.read_text(encoding="utf-8")).to_dict(), expected)


def test_attributes_match_dict():
    a = tinsach.clean_html(VI_HTML[0].read_bytes(), url="https://baochinhphu.vn/x")
    d = a.to_dict()
    assert a.headline == d["headline"] and a.headline
    assert a.kind == d["kind"] == "article"
    assert a.confidence == d["confidence"] and 0.0 <= a.confidence <= 1.0
    assert a.kicker == d["kicker"]
    assert a.source == d["source"] and a.outlet == d["outlet"] and a.host == d["host"] and a.credit == d["credit"]
    assert a.authors == d["authors"] and a.body == d["body"] and a.captions == d["captions"]
    assert a.dateline.text == d["dateline"]["text"]
    assert a.dateline.datetime == d["dateline"]["datetime"]
    # The attribute is the date as ISO 8601, the dict the schema's object.
    date = d["dateline"]["date"]
    assert a.dateline.date.startswith(f'{date["year"]:04}-{date["month"]:02}-{date["day"]:02}')
    assert a.roles == d["roles"] and len(a.roles) == len(a.body)
    assert a.published == a.dateline.datetime
    assert [(r.text, r.reason) for r in a.removed] == [
        (r["text"], r["reason"]) for r in d["removed"]
    ]
    assert a.encoding.name == d["encoding"]["name"] == "UTF-8"
    assert a.text() == "\n\n".join(a.body)
    assert "Article(" in repr(a)


def test_str_input_is_read_as_utf8():
    raw = VI_HTML[1].read_bytes()
    from_bytes = tinsach.clean_html(raw)
    from_str = tinsach.clean_html(raw.decode("utf-8"))
    assert from_str.body == from_bytes.body
    assert from_str.encoding.source == "content_type"


def test_cleaner_settings():
    c = tinsach.Cleaner(max_bytes=1 << 20, keep_removed=False)
    assert c.max_bytes == 1 << 20 and c.keep_removed is False
    assert c.max_nodes == tinsach.DEFAULT_MAX_NODES
    assert c.max_depth == tinsach.DEFAULT_MAX_DEPTH
    assert c.max_work == tinsach.DEFAULT_MAX_WORK
    a = c.clean_html(VI_HTML[2].read_bytes())
    assert a.removed == [] and a.body
    with pytest.raises(TypeError):
        tinsach.Cleaner(1)  # settings are keywords
    with pytest.raises(TypeError):
        c.clean_html(12)


def test_batch_same_as_single_calls():
    pages = [p.read_bytes() for p in VI_HTML] + [b"   ", b"\x00\x01" * 5000]
    c = tinsach.Cleaner()
    results = c.clean_html_batch(pages)
    assert len(results) == len(pages)
    for page, r in zip(pages[: len(VI_HTML)], results):
        assert isinstance(r, tinsach.Article)
        assert r.to_dict() == c.clean_html(page).to_dict()
    assert isinstance(results[-2], tinsach.EmptyInput)
    assert isinstance(results[-1], tinsach.Binary)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    out = c.clean_text_batch(texts)
    assert [a.to_dict() for a in out] == [c.clean_text(t).to_dict() for t in texts]
    with pytest.raises(ValueError):
        c.clean_html_batch(pages, urls=["https://x.vn/"])


def test_errors_map_to_exceptions():
    assert issubclass(tinsach.Error, Exception)
    for cls in (
        tinsach.EmptyInput,
        tinsach.TooLarge,
        tinsach.TooManyNodes,
        tinsach.Binary,
        tinsach.WorkLimit,
        tinsach.NoArticle,
        tinsach.NotAnArticle,
    ):
        assert issubclass(cls, tinsach.Error)
    with pytest.raises(tinsach.EmptyInput):
        tinsach.clean_text("  \n ")
    with pytest.raises(tinsach.EmptyInput):
        tinsach.clean_html(b"")
    with pytest.raises(tinsach.Binary):
        tinsach.clean_html(bytes(range(256)) * 64)
    with pytest.raises(tinsach.NoArticle) as e:
        tinsach.clean_html(b"<html><head><script>var x = 1;</script></head><body></body></html>")
    assert e.value.why == "no_text"
    with pytest.raises(tinsach.NoArticle) as e:
        tinsach.clean_html(b"<ul>" + b"<li><a href=/a>Trang chu</a></li>" * 20 + b"</ul>")
    assert e.value.why == "no_body"
    with pytest.raises(tinsach.TooManyNodes) as e:
        tinsach.Cleaner(max_nodes=100).clean_html(VI_HTML[0].read_bytes())
    assert e.value.limit == 100
    with pytest.raises(tinsach.WorkLimit) as e:
        tinsach.Cleaner(max_work=1000).clean_html(VI_HTML[0].read_bytes())
    assert e.value.limit == 1000
    article = tinsach.clean_html(VI_HTML[0].read_bytes())
    with pytest.raises(tinsach.NotAnArticle) as e:
        tinsach.Cleaner(min_confidence=article.confidence + 0.01).clean_html(
            VI_HTML[0].read_bytes()
        )
    assert e.value.kind == article.kind
    assert abs(e.value.confidence - article.confidence) < 1e-6
    with pytest.raises(tinsach.TooLarge) as e:
        tinsach.Cleaner(max_bytes=10).clean_text("Một đoạn văn dài hơn mười byte.")
    assert (e.value.size, e.value.limit) == (len("Một đoạn văn dài hơn mười byte.".encode()), 10)


def test_100_mb_input_hits_the_size_limit():
    big = b"<p>" + b"a" * (100 * 1024 * 1024)
    with pytest.raises(tinsach.TooLarge) as e:
        tinsach.clean_html(big)
    assert e.value.size == len(big)
    assert e.value.limit == tinsach.DEFAULT_MAX_BYTES
    assert isinstance(tinsach.Cleaner().clean_html_batch([big])[0], tinsach.TooLarge)
    text = "a" * (100 * 1024 * 1024)
    with pytest.raises(tinsach.TooLarge):
        tinsach.clean_text(text)


def test_batch_releases_the_gil():
    """A Python thread keeps counting while a batch is cleaned."""
    pages = [p.read_bytes() for p in VI_HTML] * 100
    cleaner = tinsach.Cleaner()
    cleaner.clean_html_batch(pages[:9])  # warm up
    counts = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counts[0] += 1

    t = threading.Thread(target=count)
    t.start()
    # The counter's rate with the GIL free: the main thread sleeps.
    c0 = counts[0]
    time.sleep(0.2)
    free_rate = (counts[0] - c0) / 0.2
    before = counts[0]
    t0 = time.perf_counter()
    results = cleaner.clean_html_batch(pages)
    elapsed = time.perf_counter() - t0
    during = counts[0] - before
    stop.set()
    t.join()
    assert len(results) == len(pages)
    assert all(isinstance(r, tinsach.Article) for r in results)
    # Held for the whole call, the GIL would let the counter move only around
    # the call (a switch interval, 5 ms, on each side); released, it runs
    # through the call, sharing the 2+ cores with the pool.
    assert elapsed > 0.1, elapsed
    assert during > 0.25 * free_rate * elapsed, (during, free_rate, elapsed)



def test_cleaner_pickles_with_its_settings():
    import copy
    import pickle

    c = tinsach.Cleaner(
        max_bytes=1000,
        max_nodes=50,
        max_depth=9,
        max_work=77,
        keep_removed=False,
        min_confidence=0.5,
    )
    for d in (pickle.loads(pickle.dumps(c)), copy.deepcopy(c)):
        assert repr(d) == repr(c)


def test_wheel_ships_type_hints():
    from pathlib import Path

    folder = Path(tinsach.__file__).parent
    assert (folder / "py.typed").exists()
    assert "class Cleaner" in (folder / "_tinsach.pyi").read_text()
    assert "site-packages" in str(folder), "the tests must run against the installed wheel"


def test_batch_errors_carry_their_details():
    (r,) = tinsach.Cleaner(max_bytes=5).clean_html_batch(["<p>too long</p>"])
    assert isinstance(r, tinsach.TooLarge) and (r.size, r.limit) == (15, 5)
    assert "over the limit" in str(r)


def test_roles_markdown_and_html():
    long = "Đoạn văn của bài báo, đủ dài để là một đoạn văn thật sự của bài viết, kể lại sự việc."
    page = (
        f"<article><h1>Tiêu đề</h1><p>{long}</p><h2>Bối cảnh</h2>"
        f"<p>{long} Thêm <b>nữa</b>.</p></article>"
    ).encode()
    a = tinsach.clean_html(page)
    assert a.roles == ["paragraph", "heading_2", "paragraph"]
    md = a.to_markdown()
    assert md.startswith("# Tiêu đề\n") and "\n## Bối cảnh\n" in md
    html = a.to_html()
    assert html.startswith("<article>") and "<h2>Bối cảnh</h2>" in html
    escaped = tinsach.clean_text(f"Tiêu đề\n\n{long} <script>x()</script>").to_html()
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
