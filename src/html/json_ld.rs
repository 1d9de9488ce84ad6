//! A few keys of JSON-LD, read without a JSON library.
//!
//! This is a scanner, not a parser: it finds the keys `"datePublished"`,
//! `"headline"`, `"author"` and `"publisher"` anywhere in the script text (at any depth,
//! in `@graph` arrays too) and reads their values by matching brackets
//! outside strings. Limitations: a key inside a string value that happens to
//! be spelt with quotes (`"\"author\""`) is skipped only when escaped; the
//! first publisher found wins even when the script describes several items;
//! malformed JSON yields whatever the scanner can still read.
/// What the scanner found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub published: Vec<String>,
    /// `"headline"` string values, in order found.
    pub headlines: Vec<String>,
    pub authors: Vec<String>,
    pub publisher: Option<String>,
    /// Every `"@type"` value (a string, or each string of an array), in
    /// order, at most [`TYPES_MAX`].
    pub types: Vec<String>,
}

/// Most `@type` values kept from one script: a page describes itself, its
/// publisher, its breadcrumb and a few images; a script with hundreds (an
/// item list of products) says what it is within its first few dozen.
pub(crate) const TYPES_MAX: usize = 32;

pub(crate) fn read(text: &str) -> Found {
    let b = text.as_bytes();
    let mut found = Found::default();
    for start in values_of(b, "datePublished") {
        if let Some(s) = string_at(b, start) {
            found.published.push(s);
        }
    }
    for start in values_of(b, "headline") {
        if let Some(s) = string_at(b, start).and_then(|s| crate::html::head::clean(&s)) {
            found.headlines.push(s);
        }
    }
    // An author value inside an earlier one is skipped: reading each of
    // `{"author":{"author":…}}` nested 20,000 deep skipped the rest of
    // the nesting again for every level (quadratic, 220 KB took 2.4 s).
    // Top-level values are disjoint, so finding their ends is linear. A
    // value that never closes holds every later key.
    let mut covered = 0;
    for start in values_of(b, "author") {
        if start < covered {
            continue;
        }
        covered = value_end(b, start).unwrap_or(b.len());
        names(b, start, &mut found.authors);
    }
    if let Some(start) = values_of(b, "publisher").next() {
        let mut v = Vec::new();
        names(b, start, &mut v);
        found.publisher = v.into_iter().next();
    }
    for start in values_of(b, "@type") {
        if found.types.len() >= TYPES_MAX {
            break;
        }
        if b[start] == b'[' {
            let mut i = skip_ws(b, start + 1);
            while i < b.len() && b[i] == b'"' && found.types.len() < TYPES_MAX {
                found.types.extend(string_at(b, i));
                let Some(end) = string_end(b, i) else { break };
                i = skip_ws(b, end);
                if b.get(i) == Some(&b',') {
                    i = skip_ws(b, i + 1);
                }
            }
        } else {
            found.types.extend(string_at(b, start));
        }
    }
    found
}

/// Start offsets of the values of every `"key":` in the text.
fn values_of<'a>(b: &'a [u8], key: &'a str) -> impl Iterator<Item = usize> + 'a {
    let pat = format!("\"{key}\"");
    let text = std::str::from_utf8(b).unwrap_or("");
    text.match_indices(pat.as_str())
        .map(|(i, _)| i)
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(move |i| {
            if i > 0 && b[i - 1] == b'\\' {
                return None;
            }
            let mut j = skip_ws(b, i + key.len() + 2);
            if b.get(j) != Some(&b':') {
                return None;
            }
            j = skip_ws(b, j + 1);
            (j < b.len()).then_some(j)
        })
}

/// Person or organisation names in a value: a string, an object's
/// `"name"`, or an array of those.
fn names(b: &[u8], start: usize, out: &mut Vec<String>) {
    if b[start] != b'[' {
        out.extend(single_name(b, start));
        return;
    }
    let mut i = skip_ws(b, start + 1);
    while i < b.len() && b[i] != b']' {
        out.extend(single_name(b, i));
        // A stray `}` or `,` ends no value: stop rather than loop on it.
        let Some(end) = value_end(b, i).filter(|&end| end > i) else {
            return;
        };
        i = skip_ws(b, end);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
}

/// The name in a string value or in an object's `"name"`.
fn single_name(b: &[u8], start: usize) -> Option<String> {
    let s = match b[start] {
        b'"' => string_at(b, start),
        b'{' => member(b, start, "name").and_then(|v| string_at(b, v)),
        _ => None,
    }?;
    let s = s.trim();
    (!s.is_empty() && !crate::html::head::looks_like_url(s)).then(|| s.to_string())
}

/// The value start of the top-level member `key` of the object at `obj`.
fn member(b: &[u8], obj: usize, key: &str) -> Option<usize> {
    let mut i = skip_ws(b, obj + 1);
    while i < b.len() && b[i] == b'"' {
        let key_end = string_end(b, i)?;
        let is_key = &b[i + 1..key_end - 1] == key.as_bytes();
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if is_key {
            return Some(i);
        }
        i = skip_ws(b, value_end(b, i)?);
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    None
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The offset after the string that starts at `i` (a `"`).
fn string_end(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The offset after the value that starts at `i`.
fn value_end(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => string_end(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') {
                j += 1;
            }
            Some(j)
        }
    }
}

/// The decoded string that starts at `i`, if a string starts there.
fn string_at(b: &[u8], i: usize) -> Option<String> {
    if b.get(i) != Some(&b'"') {
        return None;
    }
    let end = string_end(b, i)?;
    let raw = std::str::from_utf8(&b[i + 1..end - 1]).ok()?;
    Some(unescape(raw))
}

fn unescape(raw: &str) -> String {
    let s = unescape_json(raw);
    if s.contains('&') {
        decode_entities(&s)
    } else {
        s
    }
}

/// Decodes the character references some CMSes leave inside JSON-LD
/// strings ("NH&#7852;T"): numeric ones and the five XML names.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // A reference is short: look for its ';' in the next 12 bytes.
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = if let Some(num) = name.strip_prefix('#') {
                let code = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                };
                code.and_then(char::from_u32)
            } else {
                match name {
                    "amp" => Some('&'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "nbsp" => Some(' '),
                    _ => None,
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn unescape_json(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('r') | Some('t') => out.push(' '),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                let Ok(mut code) = u32::from_str_radix(&hex, 16) else {
                    continue;
                };
                if (0xD800..0xDC00).contains(&code) {
                    // A surrogate pair: the low half follows as \uXXXX.
                    let rest = chars.as_str();
                    if rest.starts_with("\\u")
                        && let Ok(low) = u32::from_str_radix(rest.get(2..6).unwrap_or(""), 16)
                        && (0xDC00..0xE000).contains(&low)
                    {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00));
                        chars = rest[6..].chars();
                    }
                }
                out.extend(char::from_u32(code));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_read_from_strings_and_arrays_up_to_the_cap() {
        let found = read(
            r#"{"@graph":[{"@type":"WebPage"},{"@type":["NewsArticle","Article"],"author":"A"}]}"#,
        );
        assert_eq!(found.types, ["WebPage", "NewsArticle", "Article"]);
        let many = format!("[{}]", vec![r#"{"@type":"Product"}"#; 500].join(","));
        assert_eq!(read(&many).types.len(), TYPES_MAX);
        // Broken JSON yields what can be read, and no panic.
        assert_eq!(read(r#"{"@type":["Article","#).types, ["Article"]);
        assert!(read(r#"{"@type":"#).types.is_empty());
    }
}
