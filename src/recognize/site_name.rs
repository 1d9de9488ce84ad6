//! Site names: whether a value a page gives as its site's name
//! (`og:site_name`, a JSON-LD publisher, `application-name`, a title's
//! suffix, a source mark) is a name, a host, or neither. Pages put URLs,
//! bare hosts and bylines in these places (`http://www.tmz.com`,
//! "SIMPLYFOUND.COM | BY: JOE WEE"); `Article::outlet` holds names only and
//! `Article::host` the host.

use crate::data::chrome::TITLE_SEPARATORS;

/// Longest site name kept, in characters. The longest institution names
/// on the corpora's pages run to about 70 characters ("Harvard Medical
/// School Professional, Corporate, and Continuing Education", "National
/// Institute of Diabetes and Digestive and Kidney Diseases"); a longer
/// value is a name with a slogan or a sentence ("freederia.com - An Archive
/// of Ultra-High Quality Research Materials for …", 113), not a name.
pub(crate) const SITE_NAME_MAX_CHARS: usize = 80;

/// What a site-name value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SiteName {
    /// A name, cleaned: "VnExpress", "Golem.de", "TUOI TRE ONLINE".
    Name(String),
    /// A URL or a bare host, as the host alone: "tmz.com".
    Host(String),
    /// Neither: empty, a byline alone, over-long, a path.
    Neither,
}

/// Reads a value given as the site's name.
///
/// - a URL (`http://www.tmz.com`, `www.x.com/news`, a percent-encoded
///   path) is a host, never a name;
/// - a byline after a separator ("SIMPLYFOUND.COM | BY: JOE WEE") is cut
///   off, and a value that is a byline alone ("by Charlie Hills") is
///   neither; "by" inside a name ("Fandom powered by Wikia") stays;
/// - a host written in small letters ("vnexpress.net") is the host; the
///   same with capitals ("Golem.de", "VTV.vn", "FAZ.NET") is the brand's
///   own spelling of its name and stays a name;
/// - a value over [`SITE_NAME_MAX_CHARS`] is neither.
pub(crate) fn read(value: &str) -> SiteName {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") || lower.contains("%2f") {
        return host_of(v).map_or(SiteName::Neither, SiteName::Host);
    }
    if v.contains('/') {
        // A path or a date ("UPDATED 16:47 EST /"), not a name.
        return SiteName::Neither;
    }
    let v = before_byline(v);
    if v.is_empty() || v.chars().count() > SITE_NAME_MAX_CHARS {
        return SiteName::Neither;
    }
    if is_lowercase_host(v) {
        return host_of(v).map_or(SiteName::Neither, SiteName::Host);
    }
    SiteName::Name(v.to_string())
}

/// The value without a byline: cut at the first separated part that opens
/// with "by" ("… | BY: JOE WEE", "… - by Jane Doe"), or at "by:" anywhere.
/// A value that opens with a byline gives nothing.
fn before_byline(v: &str) -> &str {
    if opens_with_by(v) {
        return "";
    }
    let mut cut = v.len();
    for sep in TITLE_SEPARATORS {
        let mut from = 0;
        while let Some(at) = v[from..].find(sep) {
            let at = from + at;
            if opens_with_by(&v[at + sep.len()..]) {
                cut = cut.min(at);
                break;
            }
            from = at + sep.len();
        }
    }
    let lower = v.to_ascii_lowercase();
    if let Some(at) = lower.find("by:") {
        cut = cut.min(at);
    }
    v[..cut]
        .trim()
        .trim_end_matches(['|', '-', '–', '—', '·', '•', ':', ','])
        .trim()
}

/// Whether a text opens with "by " or "by:" in any case.
fn opens_with_by(s: &str) -> bool {
    let b = s.trim_start().as_bytes();
    b.len() > 2 && b[..2].eq_ignore_ascii_case(b"by") && matches!(b[2], b' ' | b':')
}

/// A host name in small letters: labels of letters, digits and hyphens,
/// joined by dots, the last of letters only.
fn is_lowercase_host(v: &str) -> bool {
    let mut labels = v.split('.');
    let last = labels.next_back().unwrap_or("");
    v.contains('.')
        && !v.chars().any(char::is_uppercase)
        && last.len() >= 2
        && last.chars().all(|c| c.is_ascii_lowercase())
        && v.split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// The host of a URL or a bare host, lower case, without "www." and
/// without user, port, path, query or fragment: `https://www.Example.vn/a`
/// → "example.vn". `None` when there is no dotted host.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let url = url.trim();
    // A scheme, or none (a bare host), or a scheme-relative "//host/…".
    let rest = url
        .split_once("://")
        .map_or(url.strip_prefix("//").unwrap_or(url), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    // Percent-encoded paths glued to the host ("host%2fpath").
    let authority = match authority.to_ascii_lowercase().find("%2f") {
        Some(at) => &authority[..at],
        None => authority,
    };
    let host = authority.split(':').next()?.trim().trim_end_matches('.');
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let ok = host.contains('.')
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    ok.then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names() {
        use SiteName::{Host, Name, Neither};
        let name = |s: &str| Name(s.to_string());
        let host = |s: &str| Host(s.to_string());
        let cases: &[(&str, SiteName)] = &[
            ("VnExpress", name("VnExpress")),
            ("TUOI TRE ONLINE", name("TUOI TRE ONLINE")),
            ("  Báo Tin Nhanh ", name("Báo Tin Nhanh")),
            // URLs give their host, never a name.
            ("http://www.tmz.com", host("tmz.com")),
            (
                "https://News.Example.co.uk/path?q=1",
                host("news.example.co.uk"),
            ),
            ("www.example.vn", host("example.vn")),
            (
                "blog.guillaume-gomez.fr%2farticles%2f2025-12-15",
                host("blog.guillaume-gomez.fr"),
            ),
            ("/", Neither),
            ("UPDATED 16:47 EST /", Neither),
            // A host in small letters is a host; with capitals, a name.
            ("vnexpress.net", host("vnexpress.net")),
            ("baochinhphu.vn", host("baochinhphu.vn")),
            ("Golem.de", name("Golem.de")),
            ("VTV.vn", name("VTV.vn")),
            ("FAZ.NET", name("FAZ.NET")),
            // Not hosts: no dot, or words.
            ("cafef", name("cafef")),
            ("news.ORF.at", name("news.ORF.at")),
            ("Yahoo!ニュース", name("Yahoo!ニュース")),
            // Bylines.
            ("SIMPLYFOUND.COM | BY: JOE WEE", name("SIMPLYFOUND.COM")),
            ("Site - by Jane Doe", name("Site")),
            ("by Charlie Hills", Neither),
            ("BY: JOE WEE", Neither),
            ("Fandom powered by Wikia", name("Fandom powered by Wikia")),
            ("Body by Bikini", name("Body by Bikini")),
            // Over-long: a slogan.
            (
                "freederia.com - An Archive of Ultra-High Quality Research Materials for AI Learning and Advanced Technology Analysis",
                Neither,
            ),
            (
                "National Institute of Diabetes and Digestive and Kidney Diseases",
                name("National Institute of Diabetes and Digestive and Kidney Diseases"),
            ),
            ("", Neither),
            ("   ", Neither),
        ];
        for (value, want) in cases {
            assert_eq!(&read(value), want, "{value:?}");
        }
    }

    #[test]
    fn hosts() {
        let cases: &[(&str, Option<&str>)] = &[
            ("https://www.vnexpress.net/a-b.html", Some("vnexpress.net")),
            ("http://user@Example.VN:8080/x", Some("example.vn")),
            ("//cdn.example.com/x", Some("cdn.example.com")),
            ("example.com.", Some("example.com")),
            ("https://localhost/x", None),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(host_of(url).as_deref(), *want, "{url:?}");
        }
    }
}
