//! Stage 2 (HTML): parse into the block list.

use crate::block::Doc;
use crate::cleaner::Limits;
use crate::error::Error;

/// Parses an HTML document into blocks. STUB.
pub(crate) fn parse(_html: &str, _limits: &Limits) -> Result<Doc, Error> {
    Ok(Doc {
        is_html: true,
        ..Doc::default()
    })
}
