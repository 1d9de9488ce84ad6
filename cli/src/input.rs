//! Reading the inputs: files, folders, JSON lines and WARC records, each
//! turned into a [`Job`] in input order.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use tinsach::ErrorKind;
use warc::{RecordType, WarcHeader, WarcReader};

/// What an input holds, from its name (the `.gz` / `.zst` suffix apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Text,
    JsonLines,
    Warc,
}

/// How an input is compressed, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// The kind and compression of a file, from its name; `None` when the name
/// ends in none of the extensions the tool reads.
pub fn kind_of(path: &Path) -> Option<(Kind, Compression)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, compression) = if let Some(stem) = name.strip_suffix(".gz") {
        (stem, Compression::Gzip)
    } else if let Some(stem) = name.strip_suffix(".zst") {
        (stem, Compression::Zstd)
    } else {
        (name.as_str(), Compression::None)
    };
    let kind = match stem.rsplit_once('.')?.1 {
        "html" | "htm" => Kind::Html,
        "txt" => Kind::Text,
        "jsonl" | "ndjson" => Kind::JsonLines,
        "warc" => Kind::Warc,
        _ => return None,
    };
    Some((kind, compression))
}

/// One page to clean, or one bad record to report, with where it came from.
pub struct Job {
    pub origin: Origin,
    pub payload: Payload,
}

/// Where a page came from: the input's position (`path`, `path:LINE`,
/// `path#RECORD`), its id and URL when the input gives them, and the fields
/// of a JSON line kept for the output.
#[derive(Default)]
pub struct Origin {
    pub input: String,
    pub id: Option<Value>,
    pub url: Option<String>,
    pub fields: Option<Map<String, Value>>,
}

pub enum Payload {
    Html {
        bytes: Vec<u8>,
        content_type: Option<String>,
    },
    Text(String),
    /// Refused before the cleaner saw it (a file over `max_bytes` is not
    /// read into memory).
    Refused(ErrorKind),
    /// A part of an input that could not be read: reported and skipped.
    Bad {
        kind: &'static str,
        message: String,
    },
}

impl Payload {
    /// The bytes of input this job carries.
    pub fn len(&self) -> usize {
        match self {
            Payload::Html { bytes, .. } => bytes.len(),
            Payload::Text(text) => text.len(),
            _ => 0,
        }
    }
}

/// What the reader needs to know.
pub struct ReadOptions {
    /// Pages over this size are not read into memory.
    pub max_bytes: usize,
    /// Fields of JSON lines kept: `None` keeps none, an empty list all.
    pub keep_fields: Option<Vec<String>>,
}

/// Where jobs go; returns `false` when the run is over (the writer failed).
pub trait Sink {
    fn send(&mut self, job: Job) -> bool;
    /// A WARC record that is no page (request, metadata, an image…).
    fn skipped(&mut self);
}

/// A command-line INPUT: `-` (stdin, JSON lines), a file or a folder.
pub enum Input {
    Stdin,
    File(PathBuf, Kind, Compression),
    Folder(PathBuf),
}

/// Reads every input in order into `sink`. Errors inside an input are sent
/// as bad records; an `Err` is an I/O error on stdin.
pub fn read_all(inputs: &[Input], options: &ReadOptions, sink: &mut dyn Sink) -> io::Result<()> {
    for input in inputs {
        let go_on = match input {
            Input::Stdin => {
                let stdin = io::stdin().lock();
                read_json_lines(Box::new(sniff_compression(stdin)?), "-", options, sink)
            }
            Input::File(path, kind, compression) => {
                read_file(path, *kind, *compression, options, sink)
            }
            Input::Folder(root) => {
                let mut go_on = true;
                let walk = walkdir::WalkDir::new(root)
                    .follow_links(true)
                    .sort_by_file_name();
                for entry in walk {
                    let entry = match entry {
                        Ok(entry) => entry,
                        Err(error) => {
                            let at = error.path().map_or_else(
                                || root.display().to_string(),
                                |p| p.display().to_string(),
                            );
                            go_on = sink.send(bad(at, "read_error", error.to_string()));
                            if !go_on {
                                break;
                            }
                            continue;
                        }
                    };
                    if !entry.file_type().is_file() {
                        continue;
                    }
                    let Some((kind, compression)) = kind_of(entry.path()) else {
                        continue;
                    };
                    go_on = read_file(entry.path(), kind, compression, options, sink);
                    if !go_on {
                        break;
                    }
                }
                go_on
            }
        };
        if !go_on {
            break;
        }
    }
    Ok(())
}

fn bad(input: String, kind: &'static str, message: String) -> Job {
    Job {
        origin: Origin {
            input,
            ..Origin::default()
        },
        payload: Payload::Bad { kind, message },
    }
}

/// Opens a file through its decompressor.
fn open(path: &Path, compression: Compression) -> io::Result<Box<dyn BufRead>> {
    let file = File::open(path)?;
    Ok(match compression {
        Compression::None => Box::new(BufReader::with_capacity(1 << 16, file)),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(BufReader::with_capacity(1 << 16, file)),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::new(file)?,
        )),
    })
}

/// Stdin has no name: its compression is read from its first bytes.
fn sniff_compression(mut reader: impl BufRead + 'static) -> io::Result<impl BufRead> {
    let head = reader.fill_buf()?;
    let boxed: Box<dyn BufRead> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Box::new(BufReader::new(zstd::stream::read::Decoder::with_buffer(
            reader,
        )?))
    } else {
        Box::new(reader)
    };
    Ok(boxed)
}

fn read_file(
    path: &Path,
    kind: Kind,
    compression: Compression,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let name = path.display().to_string();
    let reader = match open(path, compression) {
        Ok(reader) => reader,
        Err(error) => return sink.send(bad(name, "read_error", error.to_string())),
    };
    match kind {
        Kind::Html | Kind::Text => read_page(reader, name, kind, options, sink),
        Kind::JsonLines => read_json_lines(reader, &name, options, sink),
        Kind::Warc => read_warc(reader, &name, options, sink),
    }
}

/// A whole file is one page; one over `max_bytes` is counted, not kept.
fn read_page(
    reader: Box<dyn BufRead>,
    name: String,
    kind: Kind,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let mut bytes = Vec::new();
    let limit = options.max_bytes as u64 + 1;
    let mut reader = reader;
    let result = (&mut reader)
        .take(limit)
        .read_to_end(&mut bytes)
        .and_then(|n| {
            if n as u64 == limit {
                let rest = io::copy(&mut reader, &mut io::sink())?;
                Ok(n + rest as usize)
            } else {
                Ok(n)
            }
        });
    let origin = Origin {
        input: name,
        ..Origin::default()
    };
    let payload = match result {
        Err(error) => Payload::Bad {
            kind: "read_error",
            message: error.to_string(),
        },
        Ok(size) if size > options.max_bytes => Payload::Refused(ErrorKind::TooLarge {
            size,
            limit: options.max_bytes,
        }),
        Ok(_) => match kind {
            Kind::Text => Payload::Text(String::from_utf8_lossy(&bytes).into_owned()),
            _ => Payload::Html {
                bytes,
                content_type: None,
            },
        },
    };
    sink.send(Job { origin, payload })
}

/// One JSON object a line: `{"id"?, "url"?, "html" | "text", "content_type"?, …}`.
fn read_json_lines(
    mut reader: Box<dyn BufRead>,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let mut line = Vec::new();
    let mut number = 0u64;
    // A line is read whole, but no longer than this: JSON escapes rarely
    // double a page, and a longer line is skipped unkept.
    let cap = 2 * options.max_bytes as u64 + (64 << 10);
    loop {
        line.clear();
        number += 1;
        let at = || format!("{name}:{number}");
        let read = (&mut reader)
            .take(cap)
            .read_until(b'\n', &mut line)
            .and_then(|n| {
                if n as u64 == cap && !line.ends_with(b"\n") {
                    Ok(n + skip_line(&mut reader)?)
                } else {
                    Ok(n)
                }
            });
        match read {
            Ok(0) => return true,
            Ok(n) if n as u64 >= cap => {
                let job = Job {
                    origin: Origin {
                        input: at(),
                        ..Origin::default()
                    },
                    payload: Payload::Refused(ErrorKind::TooLarge {
                        size: n,
                        limit: options.max_bytes,
                    }),
                };
                if !sink.send(job) {
                    return false;
                }
                continue;
            }
            Ok(_) => {}
            Err(error) => {
                // A broken compressed stream: nothing after it can be read.
                return sink.send(bad(at(), "bad_record", error.to_string()));
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let job = match serde_json::from_slice::<Map<String, Value>>(&line) {
            Err(error) => bad(at(), "invalid_json", error.to_string()),
            Ok(object) => json_job(object, at(), options),
        };
        if !sink.send(job) {
            return false;
        }
    }
}

/// Skips the rest of a line, its newline included; returns the bytes skipped.
fn skip_line(reader: &mut dyn BufRead) -> io::Result<usize> {
    let mut skipped = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = buf.iter().position(|&b| b == b'\n') {
            reader.consume(i + 1);
            return Ok(skipped + i + 1);
        }
        let n = buf.len();
        reader.consume(n);
        skipped += n;
    }
}

fn json_job(mut object: Map<String, Value>, at: String, options: &ReadOptions) -> Job {
    let payload = match (object.shift_remove("html"), object.shift_remove("text")) {
        (Some(Value::String(html)), _) => Payload::Html {
            bytes: html.into_bytes(),
            content_type: object
                .get("content_type")
                .and_then(Value::as_str)
                .map(str::to_owned),
        },
        (_, Some(Value::String(text))) => Payload::Text(text),
        _ => {
            return bad(
                at,
                "invalid_json",
                "the line has no \"html\" or \"text\" string".to_owned(),
            );
        }
    };
    let id = object.get("id").cloned();
    let url = object.get("url").and_then(Value::as_str).map(str::to_owned);
    let fields = options.keep_fields.as_ref().map(|keep| {
        if keep.is_empty() {
            object
        } else {
            object
                .into_iter()
                .filter(|(key, _)| keep.iter().any(|k| k == key))
                .collect()
        }
    });
    Job {
        origin: Origin {
            input: at,
            id,
            url,
            fields,
        },
        payload,
    }
}

/// Errors in a row after which a WARC file is given up (garbage that never
/// parses as a record header).
const MAX_WARC_ERRORS_IN_A_ROW: usize = 16;

/// Response records with an HTML content type (and resource records of HTML)
/// become pages; every other record is skipped without reading its body.
fn read_warc(
    reader: Box<dyn BufRead>,
    name: &str,
    options: &ReadOptions,
    sink: &mut dyn Sink,
) -> bool {
    let mut warc = WarcReader::new(reader);
    let mut records = warc.stream_records();
    let mut number = 0u64;
    let mut errors_in_a_row = 0;
    while let Some(item) = records.next_item() {
        number += 1;
        let at = format!("{name}#{number}");
        let mut record = match item {
            Ok(record) => record,
            Err(error) => {
                // An I/O error (a broken gzip member) or a body cut short
                // leaves nothing readable after it in this file.
                let fatal = matches!(error, warc::Error::ReadData(_) | warc::Error::UnexpectedEOB);
                let message = match &error {
                    warc::Error::ReadData(io) => format!("{error} ({io})"),
                    _ => error.to_string(),
                };
                let kind = if matches!(error, warc::Error::UnexpectedEOB) {
                    "truncated_record"
                } else {
                    "bad_record"
                };
                errors_in_a_row += 1;
                if !sink.send(bad(at, kind, message)) {
                    return false;
                }
                if fatal || errors_in_a_row >= MAX_WARC_ERRORS_IN_A_ROW {
                    return true;
                }
                continue;
            }
        };
        errors_in_a_row = 0;
        let warc_type = record.warc_type().clone();
        let warc_content_type = record
            .header(WarcHeader::ContentType)
            .map(|c| c.to_ascii_lowercase())
            .unwrap_or_default();
        let is_http = match warc_type {
            RecordType::Response if warc_content_type.starts_with("application/http") => true,
            RecordType::Resource if is_html_type(&warc_content_type) => false,
            _ => {
                sink.skipped();
                continue;
            }
        };
        let length = record.content_length();
        let url = record.header(WarcHeader::TargetURI).map(|u| u.into_owned());
        let id = Some(Value::String(record.warc_id().to_owned()));
        // The HTTP head rarely passes a few KiB; a body over the limit is
        // refused unread (and skipped by the reader).
        let head_room = if is_http { 64 << 10 } else { 0 };
        if length > (options.max_bytes + head_room) as u64 {
            let job = Job {
                origin: Origin {
                    input: at,
                    id,
                    url,
                    fields: None,
                },
                payload: Payload::Refused(ErrorKind::TooLarge {
                    size: length as usize,
                    limit: options.max_bytes,
                }),
            };
            if !sink.send(job) {
                return false;
            }
            continue;
        }
        let mut block = Vec::with_capacity(length as usize);
        if let Err(error) = record.read_to_end(&mut block) {
            return sink.send(bad(at, "bad_record", error.to_string()));
        }
        if (block.len() as u64) < length {
            return sink.send(bad(
                at,
                "truncated_record",
                format!(
                    "the record ends after {} of its {length} bytes",
                    block.len()
                ),
            ));
        }
        let (content_type, bytes) = if is_http {
            let Some(head) = split_http(&block) else {
                if !sink.send(bad(at, "bad_record", "no HTTP response head".to_owned())) {
                    return false;
                }
                continue;
            };
            if !head.content_type.as_deref().is_some_and(is_html_type) {
                sink.skipped();
                continue;
            }
            block.drain(..head.body_start);
            if head.chunked
                && let Some(body) = dechunk(&block)
            {
                block = body;
            }
            match decode_content(block, head.encoding.as_deref(), options.max_bytes) {
                Ok(body) => (head.content_type, body),
                Err(payload) => {
                    let job = Job {
                        origin: Origin {
                            input: at,
                            id,
                            url,
                            fields: None,
                        },
                        payload,
                    };
                    if !sink.send(job) {
                        return false;
                    }
                    continue;
                }
            }
        } else {
            (Some(warc_content_type), block)
        };
        let job = Job {
            origin: Origin {
                input: at,
                id,
                url,
                fields: None,
            },
            payload: Payload::Html {
                bytes,
                content_type,
            },
        };
        if !sink.send(job) {
            return false;
        }
    }
    true
}

fn is_html_type(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "text/html" || essence == "application/xhtml+xml"
}

/// What the tool reads of an HTTP response head.
struct HttpHead {
    content_type: Option<String>,
    /// `Transfer-Encoding: chunked` (crawlers that store the bytes as sent).
    chunked: bool,
    /// `Content-Encoding`, lower case, when not `identity`.
    encoding: Option<String>,
    body_start: usize,
}

/// The head of an HTTP response and where its body starts.
fn split_http(block: &[u8]) -> Option<HttpHead> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_end, body_start) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => {
            let i = find(block, b"\n\n")?;
            (i, i + 2)
        }
    };
    let text = String::from_utf8_lossy(&block[..head_end]);
    let mut head = HttpHead {
        content_type: None,
        chunked: false,
        encoding: None,
        body_start,
    };
    for line in text.lines().skip(1) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        if name.eq_ignore_ascii_case("content-type") {
            head.content_type.get_or_insert_with(|| value.to_owned());
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            head.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-encoding") {
            let value = value.to_ascii_lowercase();
            if !value.is_empty() && value != "identity" {
                head.encoding = Some(value);
            }
        }
    }
    Some(head)
}

/// The body of a chunked HTTP response; `None` when it is not chunked after
/// all (a crawler that stored it decoded but kept the header).
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let size = find(rest, b"\n").and_then(|end| {
            let line = std::str::from_utf8(&rest[..end]).ok()?;
            let digits = line.split(';').next()?.trim();
            let size = usize::from_str_radix(digits, 16).ok()?;
            rest = &rest[end + 1..];
            Some(size)
        });
        let Some(size) = size else {
            return (!out.is_empty()).then_some(out);
        };
        if size == 0 {
            return Some(out);
        }
        if rest.len() <= size {
            // Cut short: keep what there is.
            out.extend_from_slice(rest);
            return Some(out);
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// The body decoded from its `Content-Encoding` (gzip, deflate, zstd), no
/// larger than `max_bytes`; else the payload that says why not.
fn decode_content(
    body: Vec<u8>,
    encoding: Option<&str>,
    max_bytes: usize,
) -> Result<Vec<u8>, Payload> {
    let Some(encoding) = encoding else {
        return Ok(body);
    };
    let decoder: Box<dyn Read + '_> = match encoding {
        "gzip" | "x-gzip" => Box::new(flate2::read::MultiGzDecoder::new(&body[..])),
        // "deflate" is zlib-wrapped by the standard, raw by some servers.
        "deflate" if body.first().is_some_and(|b| b & 0x0f == 8) => {
            Box::new(flate2::read::ZlibDecoder::new(&body[..]))
        }
        "deflate" => Box::new(flate2::read::DeflateDecoder::new(&body[..])),
        "zstd" => match zstd::stream::read::Decoder::new(&body[..]) {
            Ok(decoder) => Box::new(decoder),
            Err(error) => return Err(bad_encoding(encoding, &error.to_string())),
        },
        _ => return Err(bad_encoding(encoding, "not supported")),
    };
    let mut out = Vec::new();
    let limit = max_bytes as u64 + 1;
    match decoder.take(limit).read_to_end(&mut out) {
        Err(error) => Err(bad_encoding(encoding, &error.to_string())),
        // Decoded no further: the size is at least this.
        Ok(n) if n as u64 == limit => Err(Payload::Refused(ErrorKind::TooLarge {
            size: n,
            limit: max_bytes,
        })),
        Ok(_) => Ok(out),
    }
}

fn bad_encoding(encoding: &str, why: &str) -> Payload {
    Payload::Bad {
        kind: "bad_record",
        message: format!("Content-Encoding {encoding}: {why}"),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_names() {
        let k = |name: &str| kind_of(Path::new(name));
        assert_eq!(k("a/b.html"), Some((Kind::Html, Compression::None)));
        assert_eq!(k("b.HTM.gz"), Some((Kind::Html, Compression::Gzip)));
        assert_eq!(k("b.txt.zst"), Some((Kind::Text, Compression::Zstd)));
        assert_eq!(k("crawl.warc.gz"), Some((Kind::Warc, Compression::Gzip)));
        assert_eq!(k("dump.jsonl"), Some((Kind::JsonLines, Compression::None)));
        assert_eq!(k("x.gold.json"), None);
        assert_eq!(k("html"), None);
    }

    #[test]
    fn http_heads() {
        let block =
            b"HTTP/1.1 200 OK\r\nServer: x\r\ncontent-type: text/html; charset=utf-8\r\n\r\n<p>hi";
        let head = split_http(block).unwrap();
        assert_eq!(
            head.content_type.as_deref(),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(&block[head.body_start..], b"<p>hi");
        assert!(!head.chunked && head.encoding.is_none());
        let block =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: GZIP\r\n\r\n";
        let head = split_http(block).unwrap();
        assert!(head.chunked);
        assert_eq!(head.encoding.as_deref(), Some("gzip"));
        assert!(is_html_type("Text/HTML; charset=x"));
        assert!(!is_html_type("image/png"));
        assert!(split_http(b"<html>").is_none());
    }

    #[test]
    fn chunked_and_encoded_bodies() {
        assert_eq!(
            dechunk(b"5\r\n<p>hi\r\n3;x=y\r\n yo\r\n0\r\n\r\n").as_deref(),
            Some(&b"<p>hi yo"[..])
        );
        assert_eq!(dechunk(b"4\r\nabcdefgh").as_deref(), Some(&b"abcd"[..]));
        assert_eq!(dechunk(b"8\r\nabc").as_deref(), Some(&b"abc"[..]));
        assert_eq!(dechunk(b"<html>"), None);

        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>xin chao</p>").unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            decode_content(gz.clone(), Some("gzip"), 100).ok().unwrap(),
            b"<p>xin chao</p>"
        );
        assert!(matches!(
            decode_content(gz.clone(), Some("gzip"), 5),
            Err(Payload::Refused(ErrorKind::TooLarge { limit: 5, .. }))
        ));
        assert!(matches!(
            decode_content(gz[..gz.len() / 2].to_vec(), Some("gzip"), 100),
            Err(Payload::Bad { .. })
        ));
        assert!(matches!(
            decode_content(gz, Some("br"), 100),
            Err(Payload::Bad { .. })
        ));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"abc").unwrap();
        assert_eq!(
            decode_content(z.finish().unwrap(), Some("deflate"), 100)
                .ok()
                .unwrap(),
            b"abc"
        );
    }
}
