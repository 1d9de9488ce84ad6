//! Stage 5, shared by both paths: classify the blocks, read the metadata and
//! assemble the [`Article`].

use crate::article::{Article, EncodingInfo, Reason, Removed};
use crate::block::Doc;
use crate::classify::{self, Label};
use crate::error::{Error, ErrorKind, NoArticleReason};
use crate::{features, meta};

/// The end mark Vietnamese outlets print after the last paragraph.
const END_MARK: &str = "./.";

pub(crate) fn run(doc: Doc, encoding: Option<EncodingInfo>) -> Result<Article, Error> {
    if doc.blocks.is_empty() {
        return Err(Error::new(ErrorKind::NoArticle {
            why: NoArticleReason::NoText,
        }));
    }
    let feats = features::compute(&doc);
    let mut cls = classify::classify(&doc, &feats);
    let meta = meta::read(&doc, &feats, &mut cls);

    let mut article = Article {
        headline: meta.headline,
        kicker: meta.kicker,
        dateline: meta.dateline,
        authors: meta.authors,
        credit: meta.credit.clone(),
        outlet: meta.outlet.clone(),
        source: meta.credit.or(meta.outlet),
        encoding,
        ..Article::default()
    };
    let mut seen_body = std::collections::HashSet::new();
    let mut seen_caption = std::collections::HashSet::new();
    for (block, label) in doc.blocks.into_iter().zip(cls.labels) {
        match label {
            Label::Body => {
                if seen_body.insert(block.text.to_lowercase()) {
                    article.body.push(block.text);
                } else {
                    article.removed.push(Removed {
                        text: block.text,
                        reason: Reason::Duplicate,
                    });
                }
            }
            Label::Cut(Reason::Caption) => {
                if seen_caption.insert(block.text.to_lowercase()) {
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
        let (keep, cut): (Vec<String>, Vec<String>) = article
            .body
            .drain(..)
            .partition(|p| !seen_caption.contains(&p.to_lowercase()));
        article.body = keep;
        article.removed.extend(cut.into_iter().map(|text| Removed {
            text,
            reason: Reason::RepeatedCaption,
        }));
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
