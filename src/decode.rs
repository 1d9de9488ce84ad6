//! Stage 1 (HTML): bytes to text, in the WHATWG order.
//!
//! The encoding is chosen the way a browser chooses it (the HTML standard's
//! "encoding sniffing algorithm"), so the text we clean is the text a reader
//! saw:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 2. the charset parameter of the HTTP `Content-Type` the caller gave;
//! 3. a `<meta charset>` or `<meta http-equiv="Content-Type">` declaration
//!    found by the standard's prescan of the first 1024 bytes;
//! 4. otherwise a guess: UTF-8 when the bytes are valid UTF-8, else
//!    chardetng's guess from a bounded sample.
//!
//! A declaration (steps 2 and 3) is trusted, as browsers trust it, with one
//! exception: bytes that are valid UTF-8 and hold multi-byte characters are
//! read as UTF-8 whatever legacy charset the page declares
//! ([`EncodingSource::Utf8OverDeclaration`]). Scraped pages are re-saved by
//! whatever fetched them, usually as UTF-8, with the original `<meta
//! charset>` left in; and text in a legacy encoding (windows-1252,
//! windows-1258, GBK…) is practically never valid UTF-8 once it holds a
//! letter outside ASCII, so the test cannot mistake a real legacy page. A
//! page declared UTF-8 that holds invalid bytes stays UTF-8, with U+FFFD for
//! the bad bytes and `had_errors` set, as in browsers.
//!
//! Deliberate departures from the standard, because we extract text and run
//! no scripts: labels of the "replacement" encoding (ISO-2022-KR,
//! HZ-GB-2312…) count as unknown labels instead of turning the whole page
//! into one U+FFFD, and UTF-8 is an allowed guess in step 4.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::article::{EncodingInfo, EncodingSource};

/// How many bytes the `<meta>` prescan reads: 1024, the number the HTML
/// standard fixes so that every browser agrees on which declarations count.
const PRESCAN_BYTES: usize = 1024;

/// The most bytes from the first non-ASCII byte that chardetng sees.
/// chardetng scores every candidate encoding on every byte it is fed, at
/// about 7 MB/s on news pages (measured), so a multi-MB page fed whole would
/// cost a second or more; 64 KiB bounds the worst case near 10 ms. The sample
/// starts at the first non-ASCII byte because news pages often open with
/// 100 KiB or more of inline script and style that is pure ASCII and tells
/// the detector nothing.
const DETECT_BYTES: usize = 64 << 10;

/// How many non-ASCII bytes make a sample big enough to stop early. On the
/// corpus pages re-encoded in their natural legacy encoding (Vietnamese as
/// windows-1258, the others as windows-1252), stopping after 64, 128, 256,
/// 512 or 1024 non-ASCII bytes gave the same guesses as the 64 KiB sample
/// (measured); 512 keeps a margin of eight times the smallest that worked,
/// while typical pages stop within the first 4–16 KiB.
const DETECT_NON_ASCII: usize = 512;

/// Bytes fed to chardetng at a time between checks of the sample's size.
const DETECT_CHUNK: usize = 4 << 10;

/// How many bytes after a UTF-16 byte-order mark are read to judge whether
/// they are UTF-16 at all: UTF-16 markup has a NUL in every other byte, so
/// any real page shows them within its first few bytes; the prescan's 1024
/// is plenty and bounds the check.
const BOM_CHECK_BYTES: usize = PRESCAN_BYTES;

/// Bytes sampled from the start of an input to tell binary data from text.
const BINARY_SAMPLE: usize = 8 << 10;

/// The share of control characters (C0 controls other than tab, line feed,
/// form feed, carriage return and escape; and, in a string, U+FFFD, the mark
/// of bytes that were not text) past which an input is binary. Text, markup
/// and scripts hold none but a stray one; random bytes hold 10% (27 of 256
/// byte values), images, archives and compressed PDF streams as many, and
/// UTF-16 without a byte-order mark a NUL in every other byte.
const BINARY_CONTROL_SHARE: f64 = 0.05;

/// A control byte that text does not hold.
fn is_binary_control(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | 0x1b)
}

/// Whether raw input bytes are binary data rather than text in some
/// encoding: see [`BINARY_CONTROL_SHARE`]. A byte-order mark says text.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    let controls = sample.iter().filter(|&&b| is_binary_control(b)).count();
    controls as f64 > BINARY_CONTROL_SHARE * sample.len() as f64
}

/// Whether a string given as text holds binary data (a binary file read
/// lossily): control characters and U+FFFD past [`BINARY_CONTROL_SHARE`] of
/// the characters of its first [`BINARY_SAMPLE`] bytes.
pub(crate) fn looks_binary_text(text: &str) -> bool {
    let mut end = text.len().min(BINARY_SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut chars, mut bad) = (0usize, 0usize);
    for c in text[..end].chars() {
        chars += 1;
        bad += usize::from(c == '\u{FFFD}' || (c.is_ascii() && is_binary_control(c as u8)));
    }
    bad as f64 > BINARY_CONTROL_SHARE * chars as f64
}

/// Decoded page text and how it was decoded.
///
/// The text is not yet in NFC: the parse stage normalises each block of
/// visible text as it cuts it, which costs a fraction of normalising the
/// whole page with its markup and scripts. It borrows the input when the
/// page is valid UTF-8, the common case, so decoding it costs one
/// validating scan and no copy.
#[derive(Debug, Clone)]
pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub info: EncodingInfo,
}

/// Decodes page bytes: chooses the encoding in the WHATWG order (see the
/// module documentation), decodes with replacement of malformed sequences,
/// and drops a byte-order mark.
///
/// `tld` is the top-level domain of the page's URL when the caller knows it
/// ("vn"): a guess from the bytes alone then leans towards that country's
/// encodings (windows-1258 for `.vn`), as browsers do.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    tld: Option<&str>,
) -> Decoded<'a> {
    let declared = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        Some((enc, EncodingSource::ByteOrderMark, &bytes[bom_len..]))
    } else if let Some(enc) = content_type.and_then(charset_from_content_type) {
        Some((enc, EncodingSource::ContentType, bytes))
    } else {
        prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)])
            .map(|enc| (enc, EncodingSource::MetaPrescan, bytes))
    };
    let (encoding, source, body) = match declared {
        // A declared legacy charset over valid UTF-8 with multi-byte
        // characters: the page was saved as UTF-8 (see the module docs).
        Some((enc, source @ (EncodingSource::ContentType | EncodingSource::MetaPrescan), body))
            if enc != UTF_8 && !bytes.is_ascii() =>
        {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    return finish(
                        Cow::Borrowed(text),
                        UTF_8,
                        EncodingSource::Utf8OverDeclaration,
                        false,
                    );
                }
                Err(_) => (enc, source, body),
            }
        }
        Some(d) => d,
        None => match std::str::from_utf8(bytes) {
            // Valid UTF-8 is what it looks like: no legacy page of real text
            // is also valid UTF-8, and the check is far cheaper than
            // chardetng.
            Ok(text) => {
                return finish(Cow::Borrowed(text), UTF_8, EncodingSource::Detected, false);
            }
            Err(_) => (detect(bytes, tld), EncodingSource::Detected, bytes),
        },
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let mut decoded = finish(text, encoding, source, had_errors);
    decoded.info.looks_wrong = (encoding == UTF_16LE || encoding == UTF_16BE)
        && source == EncodingSource::ByteOrderMark
        && reads_as_utf8(&body[..body.len().min(BOM_CHECK_BYTES)]);
    decoded
}

/// Whether a sample of bytes after a UTF-16 byte-order mark reads as UTF-8:
/// no NUL byte (UTF-16 markup and Latin text have one in every other byte)
/// and valid UTF-8, a character cut at the sample's end allowed.
fn reads_as_utf8(sample: &[u8]) -> bool {
    !sample.contains(&0)
        && match std::str::from_utf8(sample) {
            Ok(_) => true,
            Err(e) => e.error_len().is_none(),
        }
}

/// Records how the text was decoded.
fn finish<'a>(
    text: Cow<'a, str>,
    encoding: &'static Encoding,
    source: EncodingSource,
    had_errors: bool,
) -> Decoded<'a> {
    Decoded {
        text,
        info: EncodingInfo {
            name: encoding.name().to_string(),
            source,
            had_errors,
            looks_wrong: false,
        },
    }
}

/// chardetng's guess from a sample: [`DETECT_CHUNK`]-byte chunks from the
/// first non-ASCII byte until [`DETECT_NON_ASCII`] non-ASCII bytes or
/// [`DETECT_BYTES`] bytes have been seen.
fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    let first_non_ascii = Encoding::ascii_valid_up_to(bytes);
    let limit = bytes
        .len()
        .min(first_non_ascii.saturating_add(DETECT_BYTES));
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // chardetng skips an ASCII prefix itself, at memory speed.
    let mut fed = 0;
    let mut end = first_non_ascii;
    let mut non_ascii = 0;
    while fed < limit {
        end = limit.min(end.saturating_add(DETECT_CHUNK));
        let chunk = &bytes[fed..end];
        non_ascii += chunk.iter().filter(|b| !b.is_ascii()).count();
        detector.feed(chunk, end == bytes.len());
        fed = end;
        if non_ascii >= DETECT_NON_ASCII {
            break;
        }
    }
    // chardetng takes the domain's last label in ASCII lower case; `None`
    // means a generic one (.com).
    let tld = tld.filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()));
    detector.guess(tld.map(str::as_bytes), Utf8Detection::Allow)
}

/// A label's encoding, with the labels of the "replacement" encoding treated
/// as unknown (see the module documentation).
fn encoding_for_label(label: &[u8]) -> Option<&'static Encoding> {
    Encoding::for_label_no_replacement(label)
}

/// The encoding named by the charset parameter of a `Content-Type` value
/// ("text/html; charset=windows-1258"), if it names a known one.
///
/// Parameters are split as the Fetch standard splits them, with its quoted
/// strings and backslash escapes; the first `charset` parameter counts.
/// Beyond the standard, spaces around `=` and single quotes around the value
/// are tolerated, as servers send both.
fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    let bytes = content_type.as_bytes();
    let mut pos = bytes.iter().position(|&b| b == b';')?;
    while pos < bytes.len() {
        pos += 1; // past the ';'
        let name_end = bytes[pos..]
            .iter()
            .position(|&b| b == b';' || b == b'=')
            .map_or(bytes.len(), |i| pos + i);
        let name = bytes[pos..name_end].trim_ascii();
        pos = name_end;
        if pos >= bytes.len() || bytes[pos] == b';' {
            continue; // a parameter without a value
        }
        pos += 1; // past the '='
        while pos < bytes.len() && is_http_space(bytes[pos]) {
            pos += 1;
        }
        let value: Cow<'_, [u8]> = if bytes.get(pos) == Some(&b'"') {
            let (value, after) = quoted_string(bytes, pos);
            pos = bytes[after..]
                .iter()
                .position(|&b| b == b';')
                .map_or(bytes.len(), |i| after + i);
            Cow::Owned(value)
        } else {
            let end = bytes[pos..]
                .iter()
                .position(|&b| b == b';')
                .map_or(bytes.len(), |i| pos + i);
            let value = bytes[pos..end].trim_ascii();
            pos = end;
            let value = match value {
                [b'\'', inner @ .., b'\''] => inner,
                _ => value,
            };
            Cow::Borrowed(value)
        };
        if name.eq_ignore_ascii_case(b"charset") {
            return encoding_for_label(&value);
        }
    }
    None
}

/// An HTTP quoted string starting at the `"` at `start`: its value with
/// escapes resolved, and the position after it.
fn quoted_string(bytes: &[u8], start: usize) -> (Vec<u8>, usize) {
    let mut value = Vec::new();
    let mut pos = start + 1;
    while let Some(&b) = bytes.get(pos) {
        pos += 1;
        match b {
            b'"' => break,
            b'\\' => {
                if let Some(&escaped) = bytes.get(pos) {
                    value.push(escaped);
                    pos += 1;
                } else {
                    value.push(b'\\');
                }
            }
            _ => value.push(b),
        }
    }
    (value, pos)
}

/// HTTP white space (Fetch standard).
fn is_http_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// White space as the HTML prescan knows it: TAB, LF, FF, CR, SPACE.
fn is_prescan_space(b: u8) -> bool {
    matches!(b, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

/// The HTML standard's "prescan a byte stream to determine its encoding"
/// over `bytes` (the caller passes the first 1024). A tag cut off by the end
/// of `bytes` ends the prescan without a result: a label cut short could
/// name another encoding ("iso-8859-1" of "iso-8859-15").
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    // "<?x" in UTF-16 without a byte-order mark: an XML declaration.
    if bytes.starts_with(b"<\0?\0x\0") {
        return Some(UTF_16LE);
    }
    if bytes.starts_with(b"\0<\0?\0x") {
        return Some(UTF_16BE);
    }
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        if rest.starts_with(b"<!--") {
            // The comment ends at the first "-->", whose dashes may be those
            // of "<!--" itself ("<!-->").
            pos += 2 + find(&rest[2..], b"-->")? + 3;
            continue;
        }
        if rest.len() > 5
            && rest[..5].eq_ignore_ascii_case(b"<meta")
            && (is_prescan_space(rest[5]) || rest[5] == b'/')
        {
            pos += 5;
            if let Some(enc) = meta_tag(bytes, &mut pos)? {
                return Some(enc);
            }
        } else if rest.first() == Some(&b'<')
            && match rest.get(1) {
                Some(b'/') => rest.get(2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic(),
                None => false,
            }
        {
            // Any other tag: skip its name, then its attributes, so that a
            // "<meta" inside an attribute value is not taken for a tag.
            pos += rest
                .iter()
                .position(|&b| is_prescan_space(b) || b == b'>')?;
            while get_attribute(bytes, &mut pos)?.is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += rest.iter().position(|&b| b == b'>')?;
        }
        pos += 1;
    }
    None
}

/// The attributes of a `<meta` tag from `pos` (just after "<meta") to its
/// `>`: `Some(Some(encoding))` when it declares one, `Some(None)` when it
/// declares none, `None` when the bytes end inside the tag.
fn meta_tag(bytes: &[u8], pos: &mut usize) -> Option<Option<&'static Encoding>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    // `None`: no charset seen; `Some(true)`: from `content`, which needs
    // `http-equiv="content-type"`; `Some(false)`: from `charset`.
    let mut need_pragma: Option<bool> = None;
    let mut charset: Option<&'static Encoding> = None;
    while let Some((name, value)) = get_attribute(bytes, pos)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value == b"content-type",
            b"content" => {
                if charset.is_none()
                    && let Some(enc) = charset_from_meta_content(&value)
                {
                    charset = Some(enc);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = encoding_for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let declared = match (need_pragma, charset) {
        (Some(true), Some(enc)) if got_pragma => enc,
        (Some(false), Some(enc)) => enc,
        _ => return Some(None),
    };
    // A page that could be read as ASCII bytes is not UTF-16, whatever it
    // says; x-user-defined is for binary data, never a page's real encoding.
    Some(Some(if declared == UTF_16BE || declared == UTF_16LE {
        UTF_8
    } else if declared == X_USER_DEFINED {
        WINDOWS_1252
    } else {
        declared
    }))
}

/// An attribute as the prescan reads it (name and value lower-cased).
type Attribute = (Vec<u8>, Vec<u8>);

/// The HTML standard's "get an attribute": the next attribute of the tag at
/// `pos`, `Some(None)` at the tag's `>`, `None` when the bytes end first.
fn get_attribute(bytes: &[u8], pos: &mut usize) -> Option<Option<Attribute>> {
    while is_prescan_space(*bytes.get(*pos)?) || bytes[*pos] == b'/' {
        *pos += 1;
    }
    if bytes[*pos] == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    let mut value = Vec::new();
    // The name: up to '=', white space, '/' or '>'.
    loop {
        let b = *bytes.get(*pos)?;
        if b == b'=' && !name.is_empty() {
            *pos += 1;
            break;
        }
        if is_prescan_space(b) {
            while is_prescan_space(*bytes.get(*pos)?) {
                *pos += 1;
            }
            if bytes[*pos] != b'=' {
                return Some(Some((name, value)));
            }
            *pos += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, value)));
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    // The value: quoted, or up to white space or '>'.
    while is_prescan_space(*bytes.get(*pos)?) {
        *pos += 1;
    }
    let b = bytes[*pos];
    if b == b'"' || b == b'\'' {
        *pos += 1;
        let len = bytes[*pos..].iter().position(|&c| c == b)?;
        value.extend(bytes[*pos..*pos + len].iter().map(u8::to_ascii_lowercase));
        *pos += len + 1;
        return Some(Some((name, value)));
    }
    if b == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let b = *bytes.get(*pos)?;
        if is_prescan_space(b) || b == b'>' {
            return Some(Some((name, value)));
        }
        value.push(b.to_ascii_lowercase());
        *pos += 1;
    }
}

/// The HTML standard's "extracting a character encoding from a meta
/// element": the charset inside a `content` value such as
/// "text/html; charset='utf-8'". `content` is already lower-cased.
fn charset_from_meta_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    loop {
        pos += find(&content[pos..], b"charset")? + b"charset".len();
        while content.get(pos).is_some_and(|&b| is_prescan_space(b)) {
            pos += 1;
        }
        if content.get(pos) != Some(&b'=') {
            continue;
        }
        pos += 1;
        while content.get(pos).is_some_and(|&b| is_prescan_space(b)) {
            pos += 1;
        }
        let rest = &content[pos..];
        return match rest.first()? {
            &q @ (b'"' | b'\'') => {
                let len = rest[1..].iter().position(|&b| b == q)?;
                encoding_for_label(&rest[1..1 + len])
            }
            _ => {
                let len = rest
                    .iter()
                    .position(|&b| is_prescan_space(b) || b == b';')
                    .unwrap_or(rest.len());
                encoding_for_label(&rest[..len])
            }
        };
    }
}

/// The position of the first `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decode with no URL known, as most cases are.
    fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Decoded<'a> {
        super::decode(bytes, content_type, None)
    }
    use encoding_rs::{WINDOWS_1251, WINDOWS_1258};

    /// A Vietnamese sentence as a legacy windows-1258 page stores it:
    /// letters the code page lacks are a base letter plus a combining tone
    /// mark (0xCC grave, 0xEC acute, 0xDE tilde, 0xD2 hook, 0xF2 dot below).
    const LEGACY: &[u8] = b"Ng\xfd\xf5\xcci d\xe2n \xf0a\xde \xf0\xea\xecn th\xe0nh ph\xf4\xec \
        \xf0\xea\xd2 xem l\xea\xde h\xf4\xf2i \xf0\xfang gi\xf5\xcc. ";
    /// [`LEGACY`] as it reads, in NFC.
    const LEGACY_NFC: &str = "Người dân đã đến thành phố để xem lễ hội đúng giờ. ";

    fn chosen(bytes: &[u8], content_type: Option<&str>) -> (String, EncodingSource) {
        let info = decode(bytes, content_type).info;
        (info.name, info.source)
    }

    fn meta(html: &str) -> Option<&'static str> {
        prescan(html.as_bytes()).map(Encoding::name)
    }

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1258>Đà Nẵng".as_bytes());
        let d = decode(&bytes, Some("text/html; charset=iso-8859-2"));
        assert_eq!(d.info.name, "UTF-8");
        assert_eq!(d.info.source, EncodingSource::ByteOrderMark);
        assert_eq!(
            crate::normalize::nfc(&d.text),
            "<meta charset=windows-1258>Đà Nẵng"
        );
    }

    #[test]
    fn utf16_boms() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "<p>Hà Nội</p>".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        let d = decode(&le, Some("text/html; charset=windows-1252"));
        assert_eq!(
            (d.info.name.as_str(), d.info.source, d.text.as_ref()),
            ("UTF-16LE", EncodingSource::ByteOrderMark, "<p>Hà Nội</p>")
        );
        let d = decode(&be, None);
        assert_eq!(
            (d.info.name.as_str(), d.info.source, d.text.as_ref()),
            ("UTF-16BE", EncodingSource::ByteOrderMark, "<p>Hà Nội</p>")
        );
        assert!(!d.info.had_errors);
        assert!(!d.info.looks_wrong);
    }

    #[test]
    fn utf16_bom_over_utf8_looks_wrong() {
        for bom in [[0xFF, 0xFE], [0xFE, 0xFF]] {
            let mut bytes = bom.to_vec();
            bytes.extend_from_slice("<p>Hà Nội mở thêm tuyến</p>".as_bytes());
            let d = decode(&bytes, None);
            // The standard is followed: the mark wins.
            assert_eq!(d.info.source, EncodingSource::ByteOrderMark);
            assert!(d.info.name.starts_with("UTF-16"));
            assert!(d.info.looks_wrong);
        }
        // A UTF-8 mark over UTF-8 is fine.
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<p>Hà Nội</p>".as_bytes());
        assert!(!decode(&bytes, None).info.looks_wrong);
    }

    #[test]
    fn content_type_wins_over_meta() {
        let bytes = b"<meta charset=utf-8><p>Tuy\xea\xect</p>";
        let d = decode(bytes, Some("text/html; charset=windows-1258"));
        assert_eq!(d.info.name, "windows-1258");
        assert_eq!(d.info.source, EncodingSource::ContentType);
        assert_eq!(
            crate::normalize::nfc(&d.text),
            "<meta charset=utf-8><p>Tuyết</p>"
        );
    }

    #[test]
    fn content_type_forms() {
        let name = |ct: &str| charset_from_content_type(ct).map(Encoding::name);
        assert_eq!(
            name("text/html; charset=windows-1258"),
            Some("windows-1258")
        );
        assert_eq!(name("text/html;charset=UTF-8"), Some("UTF-8"));
        assert_eq!(
            name("TEXT/HTML ;  CharSet = \"Windows-1258\" "),
            Some("windows-1258")
        );
        assert_eq!(name("text/html; charset='utf-8'"), Some("UTF-8"));
        assert_eq!(name("text/html; charset=\"utf\\-8\"; x=y"), Some("UTF-8"));
        assert_eq!(
            name("text/html; q=\"a;charset=koi8-r\"; charset=gbk"),
            Some("GBK")
        );
        assert_eq!(name("text/html; foo; charset=latin1"), Some("windows-1252"));
        assert_eq!(name("text/html; charset=utf-8; charset=gbk"), Some("UTF-8"));
        assert_eq!(name("text/html"), None);
        assert_eq!(name("text/html; charset="), None);
        assert_eq!(name("text/html; charset=\"unterminated"), None);
        assert_eq!(name("text/html; charset=no-such-encoding"), None);
        assert_eq!(name("text/html; charset=iso-2022-kr"), None);
        assert_eq!(name(";;;="), None);
    }

    #[test]
    fn unknown_content_type_label_falls_through_to_meta() {
        let html = "<meta charset=windows-1251><p>\u{0416}</p>";
        let (bytes, _, _) = WINDOWS_1251.encode(html);
        let d = decode(&bytes, Some("text/html; charset=bogus"));
        assert_eq!(d.info.source, EncodingSource::MetaPrescan);
        assert_eq!(d.info.name, "windows-1251");
        assert_eq!(d.text, html);
    }

    #[test]
    fn meta_forms() {
        assert_eq!(meta("<meta charset=windows-1258>"), Some("windows-1258"));
        assert_eq!(meta("<META CHARSET=\"UTF-8\">"), Some("UTF-8"));
        assert_eq!(meta("<meta charset='utf-8'/>"), Some("UTF-8"));
        assert_eq!(meta("<meta/charset=utf-8>"), Some("UTF-8"));
        assert_eq!(meta("<meta charset = utf-8 >"), Some("UTF-8"));
        assert_eq!(
            meta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\">"),
            Some("windows-1258")
        );
        // Attributes in any order.
        assert_eq!(
            meta("<meta content='text/html; charset=windows-1258' http-equiv='content-type'>"),
            Some("windows-1258")
        );
        assert_eq!(
            meta("<meta content=\"text/html;charset='utf-8'\" http-equiv=Content-Type>"),
            Some("UTF-8")
        );
        assert_eq!(
            meta("<meta http-equiv=content-type content='charset=\"gbk\"'>"),
            Some("GBK")
        );
    }

    #[test]
    fn meta_content_needs_http_equiv() {
        assert_eq!(meta("<meta content=\"text/html; charset=gbk\">"), None);
        assert_eq!(
            meta("<meta name=x content=\"text/html; charset=gbk\"><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
    }

    #[test]
    fn meta_rules_of_the_standard() {
        // A declared UTF-16 means UTF-8; x-user-defined means windows-1252.
        assert_eq!(meta("<meta charset=utf-16le>"), Some("UTF-8"));
        assert_eq!(meta("<meta charset=utf-16>"), Some("UTF-8"));
        assert_eq!(meta("<meta charset=x-user-defined>"), Some("windows-1252"));
        // The first of a repeated attribute counts.
        assert_eq!(meta("<meta charset=gbk charset=koi8-r>"), Some("GBK"));
        // An unknown label is skipped and the next meta considered.
        assert_eq!(meta("<meta charset=bogus><meta charset=gbk>"), Some("GBK"));
        // "charset" inside another tag's attribute is not a meta.
        assert_eq!(
            meta("<div title='<meta charset=gbk>'><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        assert_eq!(meta("<metadata charset=gbk>"), None);
        // Processing instructions and doctypes are skipped to their '>'.
        assert_eq!(
            meta("<!DOCTYPE html><?x y?><meta charset=gbk>"),
            Some("GBK")
        );
        // A tag cut off by the end ends the prescan.
        assert_eq!(meta("<meta charset=iso-8859-1"), None);
        assert_eq!(meta("<meta charset=\"gbk"), None);
        assert_eq!(meta("<meta charset=gbk"), None);
        assert_eq!(meta(""), None);
        assert_eq!(meta("<"), None);
        assert_eq!(prescan(b"<\0?\0x\0m\0l\0"), Some(UTF_16LE));
        assert_eq!(prescan(b"\0<\0?\0x\0m\0l"), Some(UTF_16BE));
        assert_eq!(meta("<meta "), None);
    }

    #[test]
    fn meta_in_comment_is_ignored() {
        assert_eq!(
            meta("<!-- <meta charset=gbk> --><meta charset=koi8-r>"),
            Some("KOI8-R")
        );
        assert_eq!(meta("<!--><meta charset=gbk>"), Some("GBK"));
        assert_eq!(meta("<!-- unterminated <meta charset=gbk>"), None);
    }

    #[test]
    fn meta_after_1024_bytes_is_ignored() {
        let mut html = format!("<!doctype html><title>x</title>{}", " ".repeat(1024));
        html.push_str("<meta charset=windows-1258><p>caf\u{e9}</p>");
        let (bytes, _, _) = WINDOWS_1258.encode(&html);
        let d = decode(&bytes, None);
        assert_ne!(d.info.source, EncodingSource::MetaPrescan);
        // Just inside the 1024 bytes it counts.
        let html = format!("{}<meta charset=gbk>", " ".repeat(PRESCAN_BYTES - 18));
        assert_eq!(html.len(), PRESCAN_BYTES);
        assert_eq!(
            chosen(html.as_bytes(), None),
            ("GBK".into(), EncodingSource::MetaPrescan)
        );
        let html = format!(" {html}");
        assert_eq!(
            chosen(html.as_bytes(), None),
            ("UTF-8".into(), EncodingSource::Detected)
        );
    }

    #[test]
    fn valid_utf8_without_declaration_is_utf8() {
        let page = "<p>Người dân đã đến</p>";
        let d = decode(page.as_bytes(), None);
        assert_eq!(d.info.name, "UTF-8");
        assert_eq!(d.info.source, EncodingSource::Detected);
        assert!(!d.info.had_errors);
        // Valid UTF-8 is borrowed, not copied.
        assert!(matches!(d.text, Cow::Borrowed(_)));
    }

    #[test]
    fn legacy_bytes_without_declaration_are_detected() {
        let bytes = LEGACY.repeat(3);
        let d = decode(&bytes, None);
        assert_eq!(d.info.source, EncodingSource::Detected);
        assert_eq!(d.info.name, "windows-1258");
        assert!(!d.info.had_errors);
        assert_eq!(crate::normalize::nfc(&d.text), LEGACY_NFC.repeat(3));
    }

    #[test]
    fn declared_utf8_with_bad_bytes_stays_utf8() {
        let mut bytes = b"<meta charset=utf-8><p>Vi\xe1\xbb\x87t ".to_vec();
        bytes.extend_from_slice(b"\xe0 \xff</p>");
        let d = decode(&bytes, None);
        assert_eq!(d.info.name, "UTF-8");
        assert_eq!(d.info.source, EncodingSource::MetaPrescan);
        assert!(d.info.had_errors);
        assert_eq!(d.text, "<meta charset=utf-8><p>Việt \u{FFFD} \u{FFFD}</p>");
        let d = decode(&bytes, Some("text/html; charset=utf-8"));
        assert_eq!(d.info.source, EncodingSource::ContentType);
        assert!(d.info.had_errors);
    }

    #[test]
    fn undeclared_invalid_utf8_is_detected_without_panic() {
        let d = decode(b"<p>caf\xe9 cr\xe8me br\xfbl\xe9e</p>", None);
        assert_eq!(d.info.source, EncodingSource::Detected);
        assert_ne!(d.info.name, "UTF-8");
        assert!(d.text.contains("café"));
    }

    #[test]
    fn valid_utf8_wins_over_a_declared_legacy_charset() {
        // UTF-8 Vietnamese declared as windows-1252 or iso-8859-1: a page
        // re-saved as UTF-8 with its old declaration left in.
        for page in [
            "<meta charset=windows-1252><p>Việt Nam</p>",
            "<meta charset=iso-8859-1><p>Hà Nội mở thêm tuyến xe buýt</p>",
        ] {
            let d = decode(page.as_bytes(), None);
            assert_eq!(d.info.name, "UTF-8");
            assert_eq!(d.info.source, EncodingSource::Utf8OverDeclaration);
            assert!(!d.info.had_errors);
            assert_eq!(d.text, page);
        }
        let page = "<p>Việt Nam</p>";
        let d = decode(page.as_bytes(), Some("text/html; charset=windows-1258"));
        assert_eq!(d.info.source, EncodingSource::Utf8OverDeclaration);
        // ASCII alone proves nothing: the declaration stands.
        let d = decode(b"<meta charset=iso-8859-1><p>plain</p>", None);
        assert_eq!(d.info.name, "windows-1252");
        assert_eq!(d.info.source, EncodingSource::MetaPrescan);
        // Real legacy bytes are not valid UTF-8: the declaration stands.
        let (legacy, _, _) =
            encoding_rs::WINDOWS_1252.encode("<meta charset=iso-8859-1><p>Café crème</p>");
        let d = decode(&legacy, None);
        assert_eq!(d.info.name, "windows-1252");
        assert_eq!(d.info.source, EncodingSource::MetaPrescan);
        assert!(d.text.contains("Café crème"));
    }

    #[test]
    fn the_domain_steers_the_guess() {
        // Undeclared legacy bytes: a `.vn` page leans to windows-1258, as
        // chardetng does for browsers.
        let (bytes, _, _) = encoding_rs::WINDOWS_1258
            .encode("<p>Thành phố mở thêm ba tuyến xe buýt điện nối trung tâm</p>");
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = super::decode(&bytes, None, Some("vn"));
        assert_eq!(d.info.name, "windows-1258");
        assert!(d.text.contains("xe bu"));
    }

    #[test]
    fn empty_input() {
        let d = decode(b"", None);
        assert_eq!(d.text, "");
        assert_eq!(d.info.name, "UTF-8");
        assert_eq!(d.info.source, EncodingSource::Detected);
        assert!(!d.info.had_errors);
        let d = decode(b"\xEF\xBB\xBF", None);
        assert_eq!(d.text, "");
        assert_eq!(d.info.source, EncodingSource::ByteOrderMark);
    }

    #[test]
    fn detection_sample_is_bounded_but_starts_at_text() {
        // A long ASCII prefix (inline script) does not hide the text.
        let mut bytes = format!("<script>{}</script>", "var a = 1;\n".repeat(20_000)).into_bytes();
        bytes.extend(LEGACY.repeat(5_000));
        assert!(bytes.len() > DETECT_BYTES * 2);
        assert_eq!(detect(&bytes, None).name(), "windows-1258");
    }

    #[test]
    fn never_panics_on_odd_bytes() {
        let samples: [&[u8]; 8] = [
            b"<meta",
            b"<meta charset=",
            b"<meta charset='",
            b"<meta http-equiv=content-type content=\"charset=",
            b"<meta http-equiv=content-type content=\"charset='x",
            b"<a b c=d e='f' g=\"h\" /",
            b"<!",
            b"\xff\xfe\x00",
        ];
        for s in samples {
            let _ = decode(s, Some("text/html; charset"));
            for end in 0..=s.len() {
                let _ = prescan(&s[..end]);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Any bytes after any declaration-like prefix decode without panic,
        /// and valid UTF-8 without a declaration round-trips.
        #[test]
        fn decodes_any_bytes(
            prefix in proptest::sample::select(vec![
                "", "<meta charset=", "<meta http-equiv=content-type content='charset=",
                "<!--", "<meta charset=\"utf-8", "<a href='", "\u{feff}",
            ]),
            tail in proptest::collection::vec(proptest::num::u8::ANY, 0..300),
            ct in proptest::option::of("[ -~]{0,40}"),
        ) {
            let mut bytes = prefix.as_bytes().to_vec();
            bytes.extend_from_slice(&tail);
            let _ = decode(&bytes, ct.as_deref());
            if let Ok(s) = std::str::from_utf8(&tail) {
                let d = decode(s.as_bytes(), None);
                if !d.info.had_errors && d.info.source == EncodingSource::Detected {
                    proptest::prop_assert_eq!(d.text, s);
                }
            }
        }
    }

    #[test]
    fn binary_is_told_from_text() {
        let html = "<html><body><p>Hà Nội, ngày 3/6</p>\t\r\n</body></html>".repeat(50);
        assert!(!looks_binary(html.as_bytes()));
        assert!(!looks_binary_text(&html));
        // An image's header and data; a PDF's compressed stream.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        assert!(looks_binary(&png));
        assert!(looks_binary_text(&String::from_utf8_lossy(&png)));
        // UTF-16 without a byte-order mark: a NUL in every other byte.
        let utf16: Vec<u8> = "<p>text</p>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(looks_binary(&utf16));
        // With its mark it is text.
        let mut marked = vec![0xFF, 0xFE];
        marked.extend(&utf16);
        assert!(!looks_binary(&marked));
        // A stray control character or two in a real page.
        let stray = format!("{html}\u{1}\u{2}");
        assert!(!looks_binary(stray.as_bytes()));
    }
}
