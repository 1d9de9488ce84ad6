//! Many pages at once on all cores (feature `parallel`).
//!
//! Each page is cleaned independently by the same [`Cleaner`] (it is
//! `Send + Sync` and holds only its limits), so the batch is a plain parallel
//! map on rayon's global pool: no locks, no shared state, results in input
//! order. The pool's size is rayon's (all cores unless `RAYON_NUM_THREADS`
//! or a custom pool installed by the caller says otherwise).

use rayon::prelude::*;

use crate::article::Article;
use crate::cleaner::Cleaner;
use crate::error::Error;

impl Cleaner {
    /// Cleans many raw HTML pages (any encoding) in parallel; the results
    /// are in the order of `pages`, one per page.
    ///
    /// Equivalent to calling [`Cleaner::clean_html`] on each page. A page
    /// that fails gives its own `Err`; the others are unaffected.
    ///
    /// ```
    /// let cleaner = tinsach::Cleaner::new();
    /// let pages: Vec<&[u8]> = vec![b"   ", b"\n"];
    /// let results = cleaner.clean_html_batch(&pages);
    /// assert_eq!(results.len(), 2);
    /// assert!(results.iter().all(|r| r.is_err())); // blank input
    /// ```
    pub fn clean_html_batch(&self, pages: &[&[u8]]) -> Vec<Result<Article, Error>> {
        pages.par_iter().map(|page| self.clean_html(page)).collect()
    }

    /// Cleans many plain-text scrapes in parallel; the results are in the
    /// order of `texts`, one per text.
    ///
    /// Equivalent to calling [`Cleaner::clean_text`] on each text.
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
    pub fn clean_text_batch(&self, texts: &[&str]) -> Vec<Result<Article, Error>> {
        texts.par_iter().map(|text| self.clean_text(text)).collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::Cleaner;

    #[test]
    fn batch_matches_one_by_one_in_order() {
        let texts: Vec<String> = (0..16)
            .map(|i| {
                format!(
                    "Tiêu đề số {i}\n\nĐoạn mở đầu của bài báo số {i}, đủ dài để là một đoạn văn thật sự của bài viết này.\n"
                )
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let cleaner = Cleaner::new();
        let batch = cleaner.clean_text_batch(&refs);
        assert_eq!(batch.len(), refs.len());
        for (text, got) in refs.iter().zip(&batch) {
            let one = cleaner.clean_text(text).map(|a| a.headline);
            assert_eq!(one.ok(), got.as_ref().ok().map(|a| a.headline.clone()));
        }
    }
}
