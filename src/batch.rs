//! Many pages at once on all cores (feature `parallel`).
//!
//! Each page is cleaned independently by the same [`Cleaner`] (it is
//! `Send + Sync` and holds only its limits), on rayon's global pool, or the
//! pool the caller runs the method in (`ThreadPool::install`): no locks, no
//! shared state. The pool's size is rayon's (all cores unless
//! `RAYON_NUM_THREADS` or the caller's pool says otherwise).
//!
//! Pages are given as what the caller holds: anything that is an
//! [`HtmlPage`] (bytes, `Vec<u8>`, `String`, references to them, a pair
//! `(bytes, PageInfo)`, or the caller's own record type) or a [`TextPage`].
//! Three shapes of call:
//!
//! - `_batch` keeps every article and returns them in input order.
//! - `_each` hands each article to a `Fn` callback on the pool's threads as
//!   soon as it is ready, in no order, and keeps none.
//! - `_stream` reads the pages from an iterator as the pool takes them and
//!   hands each page back with its article to an `FnMut` callback on the
//!   caller's thread, in input order: output can be written as it comes,
//!   with no lock, while at most a window of pages is held.
//!
//! The `_batch` methods' caller drops all the articles on its one thread.
//! Measured on 448 texts, one core: the `_batch` call took 5% longer than
//! `_each`, and dropping its articles 10% more; on pages, whose articles are
//! few, no difference. On glibc's allocator, batch after batch of kept text
//! articles also scaled worse on 2 cores (1.5–1.6× against 1.8–1.9×
//! streamed): the caller frees into the pool threads' arenas what they
//! then allocate from. With mimalloc as the global allocator both scaled
//! 1.9–2.0×.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::time::Duration;

use rayon::prelude::*;

use crate::article::Article;
use crate::cleaner::{Cleaner, PageInfo};
use crate::error::Error;

/// Pages in flight per pool thread in the `_stream` methods: taken from the
/// iterator, being cleaned, or cleaned and waiting for an earlier page to be
/// handed over. Several per thread, so that a slow page holds back the
/// output while the other threads go on with the next ones; a bounded
/// number, so that memory holds a window of pages, not the whole input.
const STREAM_WINDOW_PER_THREAD: usize = 4;

/// How long the `_stream` methods, called on a pool thread with no pool
/// work of its own to run, wait for a result before they look for work
/// again.
const POOL_THREAD_WAIT: Duration = Duration::from_millis(1);

/// An HTML page for the batch methods: its raw bytes (any encoding), and
/// what the caller knows of it.
///
/// Implemented for bytes and strings (`[u8]`, `[u8; N]`, `Vec<u8>`, `str`,
/// `String`) and references to anything that implements it, so that a
/// `&Vec<Vec<u8>>`, a `&[&[u8]]` or a `Vec<String>` is taken as it is; for
/// a pair `(bytes, PageInfo)`; and for a caller's own record type:
///
/// ```
/// use tinsach::{HtmlPage, PageInfo};
///
/// struct Record {
///     url: String,
///     body: Vec<u8>,
/// }
///
/// impl HtmlPage for Record {
///     fn html(&self) -> &[u8] {
///         &self.body
///     }
///     fn info(&self) -> PageInfo<'_> {
///         PageInfo::new().url(&self.url)
///     }
/// }
///
/// let records = vec![Record { url: "https://example.vn/a".into(), body: b"  ".to_vec() }];
/// let mut n = 0;
/// tinsach::Cleaner::new().clean_html_stream(records, |record, result| {
///     assert_eq!(record.url, "https://example.vn/a");
///     assert!(result.is_err()); // blank input
///     n += 1;
/// });
/// assert_eq!(n, 1);
/// ```
#[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
pub trait HtmlPage {
    /// The page's raw bytes.
    fn html(&self) -> &[u8];

    /// What the caller knows of the page: none by default.
    fn info(&self) -> PageInfo<'_> {
        PageInfo::default()
    }
}

/// Text scraped from a page, for the batch methods, and what the caller
/// knows of the page (see [`Cleaner::clean_text_with`]).
///
/// Implemented for `str` and `String`, references to anything that
/// implements it, a pair `(text, PageInfo)`, and whatever type a caller
/// implements it for (as [`HtmlPage`] shows).
#[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
pub trait TextPage {
    /// The text.
    fn text(&self) -> &str;

    /// What the caller knows of the page: none by default.
    fn info(&self) -> PageInfo<'_> {
        PageInfo::default()
    }
}

impl HtmlPage for [u8] {
    fn html(&self) -> &[u8] {
        self
    }
}

impl<const N: usize> HtmlPage for [u8; N] {
    fn html(&self) -> &[u8] {
        self
    }
}

impl HtmlPage for Vec<u8> {
    fn html(&self) -> &[u8] {
        self
    }
}

impl HtmlPage for str {
    fn html(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl HtmlPage for String {
    fn html(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl<T: HtmlPage + ?Sized> HtmlPage for &T {
    fn html(&self) -> &[u8] {
        (**self).html()
    }
    fn info(&self) -> PageInfo<'_> {
        (**self).info()
    }
}

impl<B: AsRef<[u8]>> HtmlPage for (B, PageInfo<'_>) {
    fn html(&self) -> &[u8] {
        self.0.as_ref()
    }
    fn info(&self) -> PageInfo<'_> {
        self.1
    }
}

impl TextPage for str {
    fn text(&self) -> &str {
        self
    }
}

impl TextPage for String {
    fn text(&self) -> &str {
        self
    }
}

impl<T: TextPage + ?Sized> TextPage for &T {
    fn text(&self) -> &str {
        (**self).text()
    }
    fn info(&self) -> PageInfo<'_> {
        (**self).info()
    }
}

impl<S: AsRef<str>> TextPage for (S, PageInfo<'_>) {
    fn text(&self) -> &str {
        self.0.as_ref()
    }
    fn info(&self) -> PageInfo<'_> {
        self.1
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "parallel")))]
impl Cleaner {
    /// Cleans an [`HtmlPage`] with what it says of itself.
    fn clean_page<P: HtmlPage + ?Sized>(&self, page: &P) -> Result<Article, Error> {
        self.clean_html_with(page.html(), page.info())
    }

    /// Cleans a [`TextPage`] with what it says of itself.
    fn clean_text_page<P: TextPage + ?Sized>(&self, text: &P) -> Result<Article, Error> {
        self.clean_text_with(text.text(), text.info())
    }

    /// Cleans many raw HTML pages (any encoding) in parallel; the results
    /// are in the order of `pages`, one per page.
    ///
    /// Equivalent to calling [`Cleaner::clean_html_with`] on each page. A
    /// page that fails gives its own `Err`; the others are unaffected.
    /// `pages` is anything rayon iterates in parallel over [`HtmlPage`]s: a
    /// `&Vec<Vec<u8>>`, a `&[&[u8]]`, a `Vec<String>`, pairs of bytes and
    /// [`PageInfo`], or a parallel iterator that makes them.
    ///
    /// ```
    /// use tinsach::PageInfo;
    ///
    /// let cleaner = tinsach::Cleaner::new();
    /// let pages: Vec<Vec<u8>> = vec![b"   ".to_vec(), b"\n".to_vec()];
    /// let results = cleaner.clean_html_batch(&pages);
    /// assert_eq!(results.len(), 2);
    /// assert!(results.iter().all(|r| r.is_err())); // blank input
    ///
    /// // With what is known of each page: its URL, its HTTP Content-Type.
    /// let urls = ["https://example.vn/a", "https://example.vn/b"];
    /// let with_info: Vec<_> = pages
    ///     .iter()
    ///     .zip(urls)
    ///     .map(|(page, url)| (page, PageInfo::new().url(url)))
    ///     .collect();
    /// assert_eq!(cleaner.clean_html_batch(with_info).len(), 2);
    /// ```
    pub fn clean_html_batch<I>(&self, pages: I) -> Vec<Result<Article, Error>>
    where
        I: IntoParallelIterator,
        I::Item: HtmlPage,
    {
        pages
            .into_par_iter()
            .map(|page| self.clean_page(&page))
            .collect()
    }

    /// Cleans many plain-text scrapes in parallel; the results are in the
    /// order of `texts`, one per text.
    ///
    /// Equivalent to calling [`Cleaner::clean_text_with`] on each text;
    /// `texts` is anything rayon iterates in parallel over [`TextPage`]s (a
    /// `&[&str]`, a `Vec<String>`, pairs of text and [`PageInfo`]…).
    ///
    /// Every article is kept until the call returns, and the caller frees
    /// them all. For a stream of batches, [`Cleaner::clean_text_stream`] or
    /// [`Cleaner::clean_text_each`] scale better on glibc's allocator,
    /// which is slowed by memory built on one thread and freed on another
    /// (measured on 2 cores: 1.5–1.6× against 1.8–1.9×; with mimalloc as the
    /// global allocator, 1.96× kept).
    ///
    /// ```
    /// let cleaner = tinsach::Cleaner::new();
    /// let texts = [
    ///     "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n",
    ///     "",
    /// ];
    /// let results = cleaner.clean_text_batch(&texts);
    /// assert_eq!(results[0].as_ref().unwrap().headline.as_deref(), Some("Tiêu đề bài báo"));
    /// assert!(results[1].is_err()); // empty input
    /// ```
    pub fn clean_text_batch<I>(&self, texts: I) -> Vec<Result<Article, Error>>
    where
        I: IntoParallelIterator,
        I::Item: TextPage,
    {
        texts
            .into_par_iter()
            .map(|text| self.clean_text_page(&text))
            .collect()
    }

    /// Cleans many raw HTML pages in parallel and calls `f` with each
    /// page's index in `pages` and its result, as soon as it is ready, in no
    /// particular order; no article is kept, which spares holding them all
    /// when each is written out or reduced as it comes.
    ///
    /// Equivalent to calling [`Cleaner::clean_html_with`] on each page; `f`
    /// runs on the pool's threads, possibly on several at once. `pages` is
    /// anything rayon iterates over by index (a `Vec`, a slice, a reference
    /// to one) whose items are [`HtmlPage`]s. To have the results in order
    /// on the calling thread, use [`Cleaner::clean_html_stream`].
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// let cleaner = tinsach::Cleaner::new();
    /// let pages: Vec<&[u8]> = vec![b"   ", b"\n"];
    /// let failed = AtomicUsize::new(0);
    /// cleaner.clean_html_each(&pages, |_, result| {
    ///     if result.is_err() {
    ///         failed.fetch_add(1, Ordering::Relaxed);
    ///     }
    /// });
    /// assert_eq!(failed.into_inner(), 2); // blank input
    /// ```
    pub fn clean_html_each<I, F>(&self, pages: I, f: F)
    where
        I: IntoParallelIterator,
        I::Iter: IndexedParallelIterator,
        I::Item: HtmlPage,
        F: Fn(usize, Result<Article, Error>) + Sync + Send,
    {
        pages
            .into_par_iter()
            .enumerate()
            .for_each(|(i, page)| f(i, self.clean_page(&page)));
    }

    /// Cleans many plain-text scrapes in parallel and calls `f` with each
    /// text's index in `texts` and its result, as soon as it is ready, in
    /// no particular order; no article is kept.
    ///
    /// Equivalent to calling [`Cleaner::clean_text_with`] on each text; `f`
    /// runs on the pool's threads, possibly on several at once. To have the
    /// results in order on the calling thread, use
    /// [`Cleaner::clean_text_stream`].
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    ///
    /// let cleaner = tinsach::Cleaner::new();
    /// let texts = vec![
    ///     "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n".to_string(),
    ///     String::new(),
    /// ];
    /// let cleaned = AtomicUsize::new(0);
    /// cleaner.clean_text_each(&texts, |_, result| {
    ///     if result.is_ok() {
    ///         cleaned.fetch_add(1, Ordering::Relaxed);
    ///     }
    /// });
    /// assert_eq!(cleaned.into_inner(), 1);
    /// ```
    pub fn clean_text_each<I, F>(&self, texts: I, f: F)
    where
        I: IntoParallelIterator,
        I::Iter: IndexedParallelIterator,
        I::Item: TextPage,
        F: Fn(usize, Result<Article, Error>) + Sync + Send,
    {
        texts
            .into_par_iter()
            .enumerate()
            .for_each(|(i, text)| f(i, self.clean_text_page(&text)));
    }

    /// Cleans the pages of an iterator in parallel and hands each page back
    /// with its result to `f`, on the calling thread and in the iterator's
    /// order, as soon as it and every page before it are cleaned.
    ///
    /// Pages are taken from `pages` as the pool has room for them: at most
    /// four per pool thread are held at once (taken, being cleaned, or
    /// waiting for an earlier one), so an iterator that reads pages from a
    /// file or the network is never read far ahead. `f` is `FnMut` and runs
    /// on the calling thread only: it can write to a file or push to a
    /// `Vec` with no lock. Equivalent to calling
    /// [`Cleaner::clean_html_with`] on each page in turn. Called on a pool
    /// thread (inside `ThreadPool::install`), it runs pool work while it
    /// waits rather than block the thread.
    ///
    /// A panic in `f` ends the call once the pages in flight are cleaned.
    ///
    /// ```
    /// use std::io::Write;
    /// use tinsach::PageInfo;
    ///
    /// let cleaner = tinsach::Cleaner::new();
    /// let long = "Đoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.";
    /// let pages = (0..8).map(|i| {
    ///     let html = format!("<h1>Tiêu đề số {i}</h1><p>{long}</p>");
    ///     (html, PageInfo::new().url("https://example.vn/tin"))
    /// });
    /// let mut out = Vec::new(); // any `Write`: a file, a socket
    /// cleaner.clean_html_stream(pages, |(html, _), result| {
    ///     let headline = result.ok().and_then(|a| a.headline).unwrap_or_default();
    ///     writeln!(out, "{} bytes: {headline}", html.len()).unwrap();
    /// });
    /// let out = String::from_utf8(out).unwrap();
    /// assert!(out.lines().next().unwrap().ends_with("Tiêu đề số 0"));
    /// assert!(out.lines().last().unwrap().ends_with("Tiêu đề số 7"));
    /// ```
    pub fn clean_html_stream<I, F>(&self, pages: I, f: F)
    where
        I: IntoIterator,
        I::Item: HtmlPage + Send,
        F: FnMut(I::Item, Result<Article, Error>),
    {
        stream(pages, |page| self.clean_page(page), f);
    }

    /// Cleans the texts of an iterator in parallel and hands each text back
    /// with its result to `f`, on the calling thread and in the iterator's
    /// order: [`Cleaner::clean_html_stream`] for [`TextPage`]s.
    ///
    /// ```
    /// let cleaner = tinsach::Cleaner::new();
    /// let lead = "Đoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.";
    /// let texts = (0..8).map(|i| format!("Tiêu đề số {i}\n\n{lead}\n"));
    /// let mut headlines = Vec::new();
    /// cleaner.clean_text_stream(texts, |_, result| {
    ///     headlines.push(result.unwrap().headline.unwrap());
    /// });
    /// assert_eq!(headlines[3], "Tiêu đề số 3");
    /// assert_eq!(headlines.len(), 8);
    /// ```
    pub fn clean_text_stream<I, F>(&self, texts: I, f: F)
    where
        I: IntoIterator,
        I::Item: TextPage + Send,
        F: FnMut(I::Item, Result<Article, Error>),
    {
        stream(texts, |text| self.clean_text_page(text), f);
    }
}

/// What a worker sends back: the item's index, the item, and its result
/// (or the panic it ended in).
type Done<P> = (usize, P, std::thread::Result<Result<Article, Error>>);

/// Cleans the items of `items` with `clean` on the pool and calls `f` with
/// each item and its result on this thread, in the items' order.
///
/// A sliding window: an item is handed to the pool when fewer than the
/// window are in flight; results that come before an earlier one wait in a
/// reorder buffer (slot `k` holds item `next + k`) until it comes. A panic
/// in `clean` is caught on the worker and raised again here, in its turn,
/// so that this thread, which waits for that item's result, is never left
/// waiting for a result that will not come.
fn stream<P, C, F>(items: impl IntoIterator<Item = P>, clean: C, mut f: F)
where
    P: Send,
    C: Fn(&P) -> Result<Article, Error> + Sync,
    F: FnMut(P, Result<Article, Error>),
{
    let window = STREAM_WINDOW_PER_THREAD * rayon::current_num_threads().max(1);
    let clean = &clean;
    rayon::in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel::<Done<P>>();
        let mut waiting: VecDeque<Option<(P, std::thread::Result<_>)>> = VecDeque::new();
        let mut next = 0;
        let mut taken = 0;
        let mut hand_over = |(i, item, result): Done<P>| {
            let slot = i - next;
            if waiting.len() <= slot {
                waiting.resize_with(slot + 1, || None);
            }
            waiting[slot] = Some((item, result));
            while let Some(Some(_)) = waiting.front() {
                let Some(Some((item, result))) = waiting.pop_front() else {
                    unreachable!("the front was just seen");
                };
                next += 1;
                match result {
                    Ok(result) => f(item, result),
                    Err(panicked) => panic::resume_unwind(panicked),
                }
            }
            next
        };
        let mut delivered = 0;
        for item in items {
            while taken - delivered >= window {
                delivered = hand_over(receive(&rx));
            }
            let tx = tx.clone();
            let i = taken;
            scope.spawn(move |_| {
                let result = panic::catch_unwind(AssertUnwindSafe(|| clean(&item)));
                // The receiver is gone only if this thread is unwinding
                // from a panic, which the scope raises when the workers
                // are done.
                let _ = tx.send((i, item, result));
            });
            taken += 1;
            while let Ok(done) = rx.try_recv() {
                delivered = hand_over(done);
            }
        }
        drop(tx);
        while delivered < taken {
            delivered = hand_over(receive(&rx));
        }
    });
}

/// The next result from the workers. A thread outside the pool blocks for
/// it; a pool thread (the stream called inside `ThreadPool::install`) runs
/// pool work meanwhile, as blocking it would take a thread from the workers
/// (all of them, in a pool of one).
fn receive<T>(rx: &mpsc::Receiver<T>) -> T {
    loop {
        if let Ok(done) = rx.try_recv() {
            return done;
        }
        match rayon::yield_now() {
            None => return rx.recv().expect("a worker holds a sender until it sends"),
            Some(rayon::Yield::Executed) => {}
            Some(rayon::Yield::Idle) => {
                if let Ok(done) = rx.recv_timeout(POOL_THREAD_WAIT) {
                    return done;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::stream;
    use crate::{Cleaner, PageInfo};

    fn texts(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| {
                format!(
                    "Tiêu đề số {i}\n\nĐoạn mở đầu của bài báo số {i}, đủ dài để là một đoạn văn thật sự của bài viết này.\n"
                )
            })
            .chain([String::new()])
            .collect()
    }

    /// Each text as an HTML page: its first line the `h1`, the rest `p`s.
    fn pages(texts: &[String]) -> Vec<Vec<u8>> {
        texts
            .iter()
            .map(|t| {
                let mut lines = t.lines().filter(|l| !l.is_empty());
                let h1 = lines.next().unwrap_or_default();
                let ps: String = lines.map(|l| format!("<p>{l}</p>")).collect();
                format!("<html><body><h1>{h1}</h1>{ps}</body></html>").into_bytes()
            })
            .collect()
    }

    #[test]
    fn batch_takes_what_callers_hold_and_matches_one_by_one() {
        let cleaner = Cleaner::new();
        let texts = texts(16);
        let pages = pages(&texts);
        let one_by_one: Vec<_> = pages.iter().map(|p| cleaner.clean_html(p)).collect();
        // Articles, but the blank page at the end.
        assert_eq!(one_by_one.iter().filter(|r| r.is_ok()).count(), 16);
        // A &Vec<Vec<u8>>, a Vec<Vec<u8>>, a &[&[u8]], a Vec<String>.
        assert_eq!(cleaner.clean_html_batch(&pages), one_by_one);
        assert_eq!(cleaner.clean_html_batch(pages.clone()), one_by_one);
        let slices: Vec<&[u8]> = pages.iter().map(Vec::as_slice).collect();
        assert_eq!(cleaner.clean_html_batch(&slices[..]), one_by_one);
        let strings: Vec<String> = pages
            .iter()
            .map(|p| String::from_utf8(p.clone()).unwrap())
            .collect();
        assert_eq!(cleaner.clean_html_batch(strings), one_by_one);

        let one_by_one: Vec<_> = texts.iter().map(|t| cleaner.clean_text(t)).collect();
        assert_eq!(cleaner.clean_text_batch(&texts), one_by_one);
        let strs: Vec<&str> = texts.iter().map(String::as_str).collect();
        assert_eq!(cleaner.clean_text_batch(&strs), one_by_one);
        assert_eq!(cleaner.clean_text_batch(texts), one_by_one);
    }

    #[test]
    fn batch_pairs_pages_with_their_info() {
        let cleaner = Cleaner::new();
        let texts = texts(6);
        let pages = pages(&texts);
        let urls: Vec<String> = (0..pages.len())
            .map(|i| format!("https://www.site{i}.vn/tin/{i}"))
            .collect();
        let paired: Vec<(&Vec<u8>, PageInfo)> = pages
            .iter()
            .zip(&urls)
            .map(|(p, u)| {
                (
                    p,
                    PageInfo::new()
                        .url(u)
                        .content_type("text/html; charset=utf-8"),
                )
            })
            .collect();
        let got = cleaner.clean_html_batch(&paired);
        for ((page, info), got) in paired.iter().zip(&got) {
            assert_eq!(got, &cleaner.clean_html_with(page, *info));
        }
        // The URL reached the cleaner: it gives the host.
        let host = got[2].as_ref().unwrap().host.as_deref();
        assert_eq!(host, Some("site2.vn"));

        let paired: Vec<(&str, PageInfo)> = texts
            .iter()
            .zip(&urls)
            .map(|(t, u)| (t.as_str(), PageInfo::new().url(u)))
            .collect();
        let got = cleaner.clean_text_batch(paired.clone());
        for ((text, info), got) in paired.iter().zip(&got) {
            assert_eq!(got, &cleaner.clean_text_with(text, *info));
        }
        let host = got[4].as_ref().unwrap().host.as_deref();
        assert_eq!(host, Some("site4.vn"));
    }

    #[test]
    fn each_gives_every_result_once_with_its_index() {
        let texts = texts(16);
        let cleaner = Cleaner::new();
        let seen = std::sync::Mutex::new(vec![None; texts.len()]);
        cleaner.clean_text_each(&texts, |i, result| {
            let mut seen = seen.lock().unwrap();
            assert!(seen[i].is_none(), "index {i} given twice");
            seen[i] = Some(result);
        });
        let seen = seen.into_inner().unwrap();
        for (text, got) in texts.iter().zip(seen) {
            assert_eq!(got.expect("every index"), cleaner.clean_text(text));
        }
        let pages = pages(&texts);
        let count = std::sync::atomic::AtomicUsize::new(0);
        cleaner.clean_html_each(&pages, |i, result| {
            assert_eq!(result, cleaner.clean_html(&pages[i]));
            count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        assert_eq!(count.into_inner(), pages.len());
    }

    #[test]
    fn stream_hands_results_over_in_order_to_an_fn_mut() {
        let cleaner = Cleaner::new();
        let texts = texts(40);
        let pages = pages(&texts);
        // Pages of very different sizes finish out of order.
        let pages: Vec<Vec<u8>> = pages
            .into_iter()
            .enumerate()
            .map(|(i, mut p)| {
                if i % 3 == 0 {
                    p.extend(b"<p>x</p>".repeat(2000));
                }
                p
            })
            .collect();
        let mut got = Vec::new();
        cleaner.clean_html_stream(&pages, |page, result| got.push((page, result)));
        assert_eq!(got.len(), pages.len());
        assert_eq!(got.iter().filter(|(_, r)| r.is_ok()).count(), 40);
        for ((page, result), want) in got.iter().zip(&pages) {
            assert!(std::ptr::eq(*page, want), "out of order");
            assert_eq!(result, &cleaner.clean_html(want));
        }

        // An iterator of owned texts, each handed back.
        let mut got = Vec::new();
        cleaner.clean_text_stream(texts.clone(), |text, result| got.push((text, result)));
        let want: Vec<_> = texts
            .iter()
            .map(|t| (t.clone(), cleaner.clean_text(t)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn stream_keeps_its_order_when_later_items_finish_first() {
        // Each item sleeps less than the one before: they finish in reverse.
        let items: Vec<u64> = (0..24).rev().collect();
        let mut order = Vec::new();
        stream(
            items.clone(),
            |&ms| {
                std::thread::sleep(std::time::Duration::from_millis(ms));
                crate::clean_text("")
            },
            |ms, _| order.push(ms),
        );
        assert_eq!(order, items);
    }

    #[test]
    fn stream_runs_inside_a_pool_of_one() {
        // The caller is the pool's only thread: waiting must not block it.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let texts = texts(12);
        let mut n = 0;
        pool.install(|| {
            Cleaner::new().clean_text_stream(&texts, |_, _| n += 1);
        });
        assert_eq!(n, texts.len());
    }

    #[test]
    fn a_panic_while_cleaning_is_raised_in_its_turn() {
        let mut before = Vec::new();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            stream(
                0..20,
                |&i| {
                    assert!(i != 7, "item 7");
                    crate::clean_text("")
                },
                |i, _| before.push(i),
            )
        }));
        let panicked = outcome.expect_err("the panic reaches the caller");
        let message = panicked
            .downcast_ref::<&str>()
            .copied()
            .or(panicked.downcast_ref::<String>().map(String::as_str));
        assert_eq!(message, Some("item 7"));
        assert_eq!(before, (0..7).collect::<Vec<_>>());
    }
}
