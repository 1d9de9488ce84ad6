//! Stages 4 and 5, shared by both paths: classify the blocks (stage 4,
//! [`crate::classify`]), then read the metadata and assemble the [`Article`]
//! (stage 5).

use crate::article::{Article, EncodingInfo, Reason, Removed};
use crate::block::Doc;
use crate::classify::{self, Label};
use crate::error::{Error, ErrorKind, NoArticleReason};
use std::collections::hash_map::Entry;

use crate::hash::{FastMap, FastSet};
use crate::{features, meta};

/// The end mark Vietnamese outlets print after the last paragraph; cut
/// from the end of any body paragraph, since the copy detection or a cut
/// trailer can leave it on what is not the last one.
const END_MARK: &str = "./.";

pub(crate) fn run(doc: Doc, encoding: Option<EncodingInfo>) -> Result<Article, Error> {
    if doc.blocks.is_empty() {
        return Err(Error::new(ErrorKind::NoArticle {
            why: NoArticleReason::NoText,
        }));
    }
    let keys = features::Keys::of(&doc);
    let feats = features::compute(&doc, &keys);
    let mut cls = classify::classify(&doc, &feats);
    let meta = meta::read(&doc, &feats, &mut cls);
    #[cfg(feature = "trace")]
    trace(&doc, &cls);

    let mut article = Article {
        headline: meta.headline,
        kicker: meta.kicker,
        dateline: meta.dateline,
        authors: meta.authors,
        credit: meta.credit.clone(),
        outlet: meta.outlet.clone(),
        source: meta.credit.or(meta.outlet),
        encoding,
        // Most blocks of a page are chrome: sized once for all of them (a
        // growing vector would copy itself and, for a moment, hold twice).
        removed: Vec::with_capacity(doc.blocks.len()),
        ..Article::default()
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
    // only their keys (borrowed from `keys`) go on.
    let block_keys: Vec<&str> = feats.iter().map(|f| f.key).collect();
    drop(feats);
    for (((block, label), box_id), key) in doc
        .blocks
        .into_iter()
        .zip(cls.labels)
        .zip(containers)
        .zip(block_keys)
    {
        match label {
            Label::Body => {
                // One hash of the paragraph for the test and the record: a
                // paragraph seen in this same container keeps its entry.
                let copy = match seen_body.entry(key) {
                    Entry::Vacant(v) => {
                        v.insert(box_id);
                        false
                    }
                    Entry::Occupied(o) => !doc.is_html || *o.get() != box_id,
                };
                if !copy {
                    body_keys.push(key);
                    article.body.push(block.text);
                } else {
                    article.removed.push(Removed {
                        text: block.text,
                        reason: Reason::Duplicate,
                    });
                }
            }
            Label::Cut(Reason::Caption) => {
                if seen_caption.insert(key) {
                    article.captions.push(block.text.clone());
                    article.removed.push(Removed {
                        text: block.text,
                        reason: Reason::Caption,
                    });
                } else {
                    article.removed.push(Removed {
                        text: block.text,
                        reason: Reason::RepeatedCaption,
                    });
                }
            }
            Label::Cut(reason) => article.removed.push(Removed {
                text: block.text,
                reason,
            }),
        }
    }
    // A caption printed again as a paragraph is not body.
    if !seen_caption.is_empty() {
        let body = std::mem::take(&mut article.body);
        for (text, key) in body.into_iter().zip(&body_keys) {
            if seen_caption.contains(key) {
                article.removed.push(Removed {
                    text,
                    reason: Reason::RepeatedCaption,
                });
            } else {
                article.body.push(text);
            }
        }
    }
    if let Some(first) = article.body.first_mut()
        && let Some((name, rest)) = meta::split_lead_prefix(first)
    {
        let prefix = first[..first.len() - rest.len()].trim().to_string();
        *first = rest;
        article.removed.push(Removed {
            text: prefix,
            reason: Reason::SourceMark,
        });
        if article.outlet.is_none() {
            article.outlet = Some(name.clone());
            article.source.get_or_insert(name);
        }
    }
    for p in article.body.iter_mut() {
        if let Some(stripped) = p.strip_suffix(END_MARK) {
            *p = stripped.trim_end().to_string();
            article.removed.push(Removed {
                text: END_MARK.to_string(),
                reason: Reason::SourceMark,
            });
        }
    }
    article.body.retain(|p| !p.is_empty());
    if article.body.is_empty() {
        return Err(Error::new(ErrorKind::NoArticle {
            why: NoArticleReason::NoBody,
        }));
    }
    Ok(article)
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
