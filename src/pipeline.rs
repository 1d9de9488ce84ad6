//! Stages 4 and 5, shared by both paths: classify blocks, read metadata,
//! assemble the article. STUB.

use crate::article::{Article, EncodingInfo};
use crate::block::Doc;
use crate::error::Error;

pub(crate) fn run(doc: Doc, encoding: Option<EncodingInfo>) -> Result<Article, Error> {
    Ok(Article {
        body: doc.blocks.into_iter().map(|b| b.text).collect(),
        encoding,
        ..Article::default()
    })
}
