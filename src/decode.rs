//! Stage 1 (HTML): bytes to text, in the WHATWG order.

use crate::article::{EncodingInfo, EncodingSource};

/// Decoded page text, in NFC, and how it was decoded.
#[derive(Debug, Clone)]
pub(crate) struct Decoded {
    pub text: String,
    pub info: EncodingInfo,
}

/// Decodes page bytes. STUB: UTF-8 only.
pub(crate) fn decode(bytes: &[u8], _content_type: Option<&str>) -> Decoded {
    let (text, _, had_errors) = encoding_rs::UTF_8.decode(bytes);
    Decoded {
        text: crate::normalize::nfc(&text).into_owned(),
        info: EncodingInfo {
            name: "UTF-8".into(),
            source: EncodingSource::Detected,
            had_errors,
        },
    }
}
