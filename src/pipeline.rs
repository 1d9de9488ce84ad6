//! Stages 4 and 5, shared by both paths: classify the blocks (stage 4,
//! [`crate::classify`]), then read the metadata and assemble the [`Article`]
//! (stage 5).

use crate::article::{Article, EncodingInfo, Reason, Removed};
use std::borrow::Cow;

use crate::block::{Block, Doc};
use crate::classify::{self, Label};
use crate::error::{Error, ErrorKind, NoArticleReason};
use std::collections::hash_map::Entry;

use crate::classify::features;
use crate::hash::{FastMap, FastSet};
use crate::meta;
use crate::recognize::source_mark;

/// The end mark Vietnamese outlets print after the last paragraph; cut
/// from the end of any body paragraph, since the copy detection or a cut
/// trailer can leave it on what is not the last one.
const END_MARK: &str = "./.";

/// What the assembly records beyond the article itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Options {
    /// Whether [`Article::removed`] lists what was cut
    /// ([`crate::Builder::keep_removed`]).
    pub keep_removed: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { keep_removed: true }
    }
}

pub(crate) fn run(
    mut doc: Doc<'_>,
    encoding: Option<EncodingInfo>,
    options: Options,
) -> Result<Article, Error> {
    if doc.blocks.is_empty() {
        return Err(Error::new(ErrorKind::NoArticle {
            why: NoArticleReason::NoText,
        }));
    }
    let keys = features::Keys::of(&doc);
    let feats = features::compute(&doc, &keys);
    let mut cls = classify::classify(&doc, &feats);
    let mut meta = meta::read(&doc, &feats, &cls);
    cls.relabel(&meta.relabels);
    let (kind, confidence, signals) = crate::kind::judge(&doc, &feats, &cls, &meta);
    // The column is chosen by its own model's kind (see `kind::COLUMN_MODEL`).
    if let Some(page) = classify::pages::for_kind(&doc, &feats, &cls, signals.column_kind()) {
        // The page's own content read again, for a page that is not one
        // story: its headline and the rest are read from it.
        cls = page;
        meta = meta::read(&doc, &feats, &cls);
        cls.relabel(&meta.relabels);
    }
    #[cfg(feature = "trace")]
    trace(&doc, &cls);
    #[cfg(feature = "trace")]
    eprintln!("kind {kind} confidence {confidence:.3} {signals:?}");

    let mut article = Article {
        headline: meta.headline,
        kicker: meta.kicker,
        dateline: meta.dateline,
        authors: meta.authors,
        credit: meta.credit.clone(),
        outlet: meta.outlet.clone(),
        host: meta.host,
        source: meta.credit.or(meta.outlet),
        encoding,
        kind,
        confidence,
        ..Article::default()
    };
    let mut removed = Pieces {
        list: if options.keep_removed {
            Vec::with_capacity(cut_runs(&cls.labels))
        } else {
            Vec::new()
        },
        run: false,
        keep: options.keep_removed,
    };
    // Paragraphs seen, with the container that held them. A paragraph
    // printed again in another container is a copy of the page (a mobile
    // or print copy, a pull quote); repeated within one container, the
    // author wrote it twice and it stays.
    // Sized for every body block at once: growing would hash each
    // paragraph again.
    let bodies = cls.labels.iter().filter(|l| **l == Label::Body).count();
    let mut seen_body: FastMap<&str, u32> =
        FastMap::with_capacity_and_hasher(bodies, Default::default());
    let mut seen_caption: FastSet<&str> = FastSet::default();
    // The key of each body paragraph, beside it.
    let mut body_keys: Vec<&str> = Vec::new();
    // The element holding a block is its own `<p>`; the container is that
    // element's parent.
    let containers: Vec<u32> = (0..doc.blocks.len()).map(|i| doc.holder(i)).collect();
    // The features borrow the blocks' text, which the article takes over:
    // only their keys go on, read from `keys` (as the features did).
    drop(feats);
    let labels = cls.labels;
    for i in 0..doc.blocks.len() {
        // A borrowed line becomes the article's own here, and only if kept.
        let text = std::mem::take(&mut doc.blocks[i].text);
        let key = keys.get(i);
        // What the rest of a run cut for this block's label will add to
        // its piece: the piece is made that size at once.
        let rest = || run_rest(&doc.blocks[i + 1..], &labels[i + 1..], labels[i]);
        match labels[i] {
            Label::Body => {
                // One hash of the paragraph for the test and the record: a
                // paragraph seen in this same container keeps its entry.
                let copy = match seen_body.entry(key) {
                    Entry::Vacant(v) => {
                        v.insert(containers[i]);
                        false
                    }
                    Entry::Occupied(o) => !doc.is_html || *o.get() != containers[i],
                };
                if !copy {
                    body_keys.push(key);
                    article.body.push(text.into_owned());
                    article.roles.push(doc.blocks[i].kind.role());
                    removed.end_run();
                } else {
                    // Whether the next paragraph is a copy too is not known
                    // yet: the piece grows as it goes.
                    removed.cut(text, Reason::Duplicate, || 0);
                }
            }
            Label::Cut(Reason::Caption) => {
                let reason = if seen_caption.insert(key) {
                    article.captions.push(text.to_string());
                    Reason::Caption
                } else {
                    Reason::RepeatedCaption
                };
                removed.cut(text, reason, rest);
            }
            Label::Cut(reason) => removed.cut(text, reason, rest),
        }
    }
    // A caption printed again as a paragraph is not body.
    if !seen_caption.is_empty() {
        let body = std::mem::take(&mut article.body);
        let roles = std::mem::take(&mut article.roles);
        for ((text, role), key) in body.into_iter().zip(roles).zip(&body_keys) {
            if seen_caption.contains(key) {
                removed.push(text, Reason::RepeatedCaption);
            } else {
                article.body.push(text);
                article.roles.push(role);
            }
        }
    }
    if let Some(first) = article.body.first_mut()
        && let Some((name, rest)) = source_mark::split_lead_prefix(first)
    {
        let prefix = first[..first.len() - rest.len()].trim().to_string();
        *first = rest;
        removed.push(prefix, Reason::SourceMark);
        if article.outlet.is_none() {
            let mut found = meta::Meta {
                host: article.host.take(),
                ..meta::Meta::default()
            };
            let places: Vec<&str> = meta.places.iter().map(String::as_str).collect();
            if meta::take_outlet(&name, &places, &mut found) {
                article.source.get_or_insert_with(|| name.clone());
            }
            article.outlet = found.outlet;
            article.host = found.host;
        }
    }
    for p in article.body.iter_mut() {
        if let Some(stripped) = p.strip_suffix(END_MARK) {
            *p = stripped.trim_end().to_string();
            removed.push(END_MARK.to_string(), Reason::SourceMark);
        }
    }
    // A paragraph emptied by the cuts above goes, with its role.
    if article.body.iter().any(String::is_empty) {
        let mut roles = std::mem::take(&mut article.roles).into_iter();
        article.body.retain(|p| {
            let role = roles.next();
            if !p.is_empty() {
                article.roles.extend(role);
            }
            !p.is_empty()
        });
    }
    if article.body.is_empty() {
        return Err(Error::new(ErrorKind::NoArticle {
            why: NoArticleReason::NoBody,
        }));
    }
    article.removed = removed.list;
    Ok(article)
}

/// The pieces cut from the page, recorded as assembly goes.
struct Pieces {
    list: Vec<Removed>,
    /// Whether the last piece in `list` ends at the previous block: a block
    /// cut for the same reason then extends it.
    run: bool,
    /// Whether pieces are recorded at all ([`Options::keep_removed`]).
    keep: bool,
}

impl Pieces {
    /// Records a block cut for `reason`: a piece of its own, or the end of
    /// the last piece when that one ends at the previous block and was cut
    /// for the same reason, after a line break.
    ///
    /// One piece per run keeps a menu, a related list or a date picker
    /// together as the reader sees it, and spares an allocation per line:
    /// most lines of a page are chrome, and a batch that keeps its articles
    /// frees them all on one thread at the end.
    ///
    /// A new piece that starts a run is made the size `rest` says the run
    /// will reach (what follows this block), so that it is not grown line by
    /// line. A piece that starts inside a run (the reason changed, as
    /// captions alternate between first and repeated ones) is not: `rest`
    /// scans the run to its end, so asking it at every such block was
    /// quadratic in time and in the bytes reserved (a 1.2 MB run of
    /// alternating captions took 16 s and 340 MB).
    fn cut(&mut self, text: Cow<'_, str>, reason: Reason, rest: impl FnOnce() -> usize) {
        let continues = std::mem::replace(&mut self.run, true);
        if !self.keep {
            return;
        }
        match self.list.last_mut() {
            Some(last) if continues && last.reason == reason => {
                last.text.push('\n');
                last.text.push_str(&text);
            }
            _ => {
                let rest = if continues { 0 } else { rest() };
                let text = if rest == 0 {
                    text.into_owned()
                } else {
                    let mut piece = String::with_capacity(text.len() + rest);
                    piece.push_str(&text);
                    piece
                };
                self.list.push(Removed { text, reason });
            }
        }
    }

    /// Records a piece cut from a body paragraph after the fact: a piece of
    /// its own, never the end of another.
    fn push(&mut self, text: String, reason: Reason) {
        if self.keep {
            self.list.push(Removed { text, reason });
        }
        self.run = false;
    }

    /// A block kept as body: the next cut block starts a piece.
    fn end_run(&mut self) {
        self.run = false;
    }
}

/// The bytes the blocks after a cut block add to its piece: each of the
/// blocks that follow with the same `label`, after a line break. (Captions
/// of one run may split into first and repeated ones; the piece is then
/// larger than it needs, by the repeats.)
fn run_rest(blocks: &[Block<'_>], labels: &[Label], label: Label) -> usize {
    blocks
        .iter()
        .zip(labels)
        .take_while(|(_, l)| **l == label)
        .map(|(b, _)| 1 + b.text.len())
        .sum()
}

/// How many runs of blocks cut for one reason `labels` holds: the number of
/// pieces `removed` will have, short of copies found later (which grow it).
fn cut_runs(labels: &[Label]) -> usize {
    let mut runs = 0;
    let mut prev = None;
    for &label in labels {
        if matches!(label, Label::Cut(_)) && prev != Some(label) {
            runs += 1;
        }
        prev = Some(label);
    }
    runs
}

/// Prints the classifier's verdict on every block to stderr: index, `*`
/// inside the article span, label, kind, gap, hint, flags, link density and
/// the start of the text. For developing the classifier only (feature
/// `trace`).
#[cfg(feature = "trace")]
fn trace(doc: &Doc, cls: &classify::Classified) {
    for (i, b) in doc.blocks.iter().enumerate() {
        let inside = if i >= cls.start && i < cls.end {
            '*'
        } else {
            ' '
        };
        eprintln!(
            "{i:4}{inside} {:?} {:?} gap={} hint={:?} flags={:x} links={:.2} | {}",
            cls.labels[i],
            b.kind,
            b.gap_before,
            b.hint,
            b.flags.0,
            b.link_density(),
            b.text.chars().take(90).collect::<String>()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(removed: &[Removed]) -> Vec<(&str, Reason)> {
        removed
            .iter()
            .map(|r| (r.text.as_str(), r.reason))
            .collect()
    }

    #[test]
    fn blocks_cut_in_a_row_for_one_reason_make_one_piece() {
        let (nav, most_read) = (Reason::Navigation, Reason::MostRead);
        for keep in [true, false] {
            let mut removed = Pieces {
                list: Vec::new(),
                run: false,
                keep,
            };
            for (text, reason) in [("Thời sự", nav), ("Thể thao", nav), ("Tin mới", most_read)]
            {
                removed.cut(text.into(), reason, || 0);
            }
            // A body paragraph between ends the run.
            removed.end_run();
            removed.cut("Tin mới".into(), most_read, || 0);
            removed.push("./.".into(), Reason::SourceMark);
            let want = [
                ("Thời sự\nThể thao", nav),
                ("Tin mới", most_read),
                ("Tin mới", most_read),
                ("./.", Reason::SourceMark),
            ];
            assert_eq!(pieces(&removed.list), if keep { &want[..] } else { &[] });
        }
    }

    #[test]
    fn a_piece_is_made_its_full_size_by_its_first_block() {
        let nav = Reason::Navigation;
        let mut removed = Pieces {
            list: Vec::new(),
            run: false,
            keep: true,
        };
        let rest = "\nThể thao".len();
        removed.cut("Thời sự".into(), nav, || rest);
        let (at, capacity) = (
            removed.list[0].text.as_ptr(),
            removed.list[0].text.capacity(),
        );
        assert!(capacity >= "Thời sự".len() + rest);
        removed.cut("Thể thao".into(), nav, || panic!("not a new piece"));
        // Appended in place: no second allocation.
        assert_eq!(removed.list[0].text, "Thời sự\nThể thao");
        assert_eq!(removed.list[0].text.as_ptr(), at);
        assert_eq!(removed.list[0].text.capacity(), capacity);
    }

    #[test]
    fn the_rest_of_a_run_is_the_blocks_after_with_the_same_label() {
        let blocks: Vec<Block> = ["ab", "cde", "f", "gh"]
            .into_iter()
            .map(|t| Block::line(t.into(), 0))
            .collect();
        let nav = Label::Cut(Reason::Navigation);
        let labels = [nav, nav, Label::Body, nav];
        assert_eq!(run_rest(&blocks[1..], &labels[1..], nav), 1 + 3);
        assert_eq!(run_rest(&blocks[2..], &labels[2..], nav), 0);
        assert_eq!(run_rest(&blocks[4..], &labels[4..], nav), 0);
    }
}
