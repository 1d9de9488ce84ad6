//! `tinsach`: clean scraped news pages from files, folders, JSON lines and
//! WARC files into JSON lines (or text, or Markdown), on all cores.
//!
//! One reader thread turns the inputs into jobs in input order; `-j N`
//! workers clean them; the main thread writes the results in input order.
//! The channels between them are bounded, and the reader waits while more
//! than a window of pages is in flight, so memory holds at most
//! `WINDOW_PER_WORKER × N` pages whatever the length of the input.

mod input;
mod output;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use clap::Parser;
use tinsach::{Cleaner, PageInfo};

use crate::input::{Input, Job, Payload, ReadOptions, Sink};
use crate::output::Format;

/// Default per-page size limit of the tool: lower than the library's 64 MiB
/// so that one page costs at most a fraction of a second (the cleaner's time
/// is linear in the input's size) and `WINDOW_PER_WORKER × N` pages in flight
/// stay within a few hundred MiB.
const DEFAULT_MAX_BYTES: usize = 16 << 20;
/// Default element limit: a real page has a few thousand elements, the
/// largest of the fixtures about 20,000.
const DEFAULT_MAX_NODES: usize = 1_000_000;
/// Pages in flight (read, being cleaned, or waiting for their turn to be
/// written) per worker.
const WINDOW_PER_WORKER: u64 = 8;

const EXAMPLES: &str = "\
Examples:
  tinsach tests/fixtures/vi-html                 every .html/.htm/.txt/.jsonl/.warc page under a folder
  tinsach crawl.warc.gz -o articles.jsonl       HTML responses of a WARC file
  zstdcat dump.jsonl.zst | tinsach --keep-fields  JSON lines {\"id\", \"url\", \"html\"|\"text\", ...} from stdin
  tinsach --format markdown page.html           one page as Markdown

Inputs: a file's kind comes from its name: .html .htm .txt .jsonl .warc, each optionally
.gz or .zst; a folder is walked (sorted by name) for such files; `-` or no INPUT reads JSON
lines from stdin. WARC: response records with an HTML Content-Type (and HTML resource
records); the record's WARC-Target-URI and HTTP Content-Type go to the cleaner; a body
stored as sent (chunked, gzip, deflate or zstd Content-Encoding) is decoded first.

Output: one result per page in input order. In JSON (the library's schema, docs/SCHEMA.md),
a page gives the article's fields after `input` (its position: path, path:LINE or
path#RECORD), `id` and `url`; a page the cleaner refuses, or a bad record, gives
{\"input\", \"error\": {\"kind\", \"message\", ...}} (kinds: empty_input, too_large,
too_many_nodes, binary, work_limit, no_article with `why` no_text or no_body,
not_an_article; bad records: bad_record, truncated_record, invalid_json, read_error). In
text and Markdown, errors go to stderr.

Limits: no page may stall a run: a page over --max-bytes is refused before it is read
into memory, and the cleaner stops parsing at --max-nodes elements; the cleaner's time is
linear in the page's size, so --max-bytes bounds the work of every page.

Exit status: 0 every page cleaned or judged (an error object for a page that is no
article or is over a limit is a judgement); 1 some part of an input could not be read (a
bad record, a broken gzip member, a truncated WARC record, an invalid JSON line, an
unreadable file), reported with its position and skipped (a broken compressed stream or a
truncated record ends its file, as nothing after it can be read; the other inputs go on);
2 usage or I/O error (a missing INPUT, an unwritable output).";

#[derive(Parser, Debug)]
#[command(
    name = "tinsach",
    version,
    about = "Clean scraped news pages into articles: files, folders, JSON lines and WARC in, JSON lines out",
    after_long_help = EXAMPLES,
    after_help = "See --help for the examples, the formats and the exit status."
)]
struct Args {
    /// Files or folders to read; `-` or none reads JSON lines from stdin.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Write to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// No progress bar and no summary on stderr; errors of text and
    /// Markdown output are not printed either.
    #[arg(short, long)]
    quiet: bool,

    /// Carry the fields of JSON-lines input into the output (all but
    /// `html` and `text`, or only those listed: `--keep-fields=lang,date`).
    #[arg(long, value_name = "FIELDS", num_args = 0..=1, require_equals = true, value_delimiter = ',', default_missing_value = "")]
    keep_fields: Option<Vec<String>>,

    /// Include the pieces cut from each page (`removed`) in JSON output.
    #[arg(long)]
    removed: bool,

    /// Largest page in bytes; a larger one is refused unread (`too_large`).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    max_bytes: usize,

    /// Most elements in an HTML page; parsing stops past it (`too_many_nodes`).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_NODES)]
    max_nodes: usize,
}

/// How a page ended, for the counts and the exit status.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Cleaned,
    Refused,
    Failed,
}

struct Done {
    seq: u64,
    text: String,
    /// For text and Markdown: a line for stderr.
    note: Option<String>,
    status: Status,
    bytes: usize,
}

/// The reader's side of the window: it may not run more than `window` pages
/// ahead of the writer.
struct Window {
    written: Mutex<u64>,
    moved: Condvar,
    size: u64,
}

struct ChannelSink<'a> {
    next: u64,
    window: &'a Window,
    jobs: crossbeam_channel::Sender<(u64, Job)>,
    skipped: u64,
}

impl Sink for ChannelSink<'_> {
    fn send(&mut self, job: Job) -> bool {
        let mut written = self.window.written.lock().expect("not poisoned");
        while self.next >= *written + self.window.size {
            written = self.window.moved.wait(written).expect("not poisoned");
        }
        drop(written);
        let seq = self.next;
        self.next += 1;
        self.jobs.send((seq, job)).is_ok()
    }

    fn skipped(&mut self) {
        self.skipped += 1;
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("tinsach: {error}");
            ExitCode::from(2)
        }
    }
}

fn inputs(args: &Args) -> Result<Vec<Input>, String> {
    if args.inputs.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    args.inputs
        .iter()
        .map(|path| {
            if path.as_os_str() == "-" {
                return Ok(Input::Stdin);
            }
            let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
            if meta.is_dir() {
                Ok(Input::Folder(path.clone()))
            } else {
                let (kind, compression) = input::kind_of(path).ok_or_else(|| {
                    format!(
                        "{}: unknown kind of input (want .html, .htm, .txt, .jsonl or .warc, optionally .gz or .zst)",
                        path.display()
                    )
                })?;
                Ok(Input::File(path.clone(), kind, compression))
            }
        })
        .collect()
}

fn run(args: Args) -> Result<ExitCode, String> {
    let inputs = inputs(&args)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::with_capacity(
            1 << 16,
            File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, io::stdout().lock())),
    };
    let cleaner = Cleaner::builder()
        .max_bytes(args.max_bytes)
        .max_nodes(args.max_nodes)
        .keep_removed(args.removed)
        .build();
    let read_options = ReadOptions {
        max_bytes: args.max_bytes,
        // `--keep-fields` alone gives one empty name: keep them all.
        keep_fields: args
            .keep_fields
            .as_ref()
            .map(|names| names.iter().filter(|n| !n.is_empty()).cloned().collect()),
    };
    let window = Window {
        written: Mutex::new(0),
        moved: Condvar::new(),
        size: WINDOW_PER_WORKER * jobs as u64,
    };
    let capacity = 2 * jobs;
    let (job_tx, job_rx) = crossbeam_channel::bounded::<(u64, Job)>(capacity);
    let (done_tx, done_rx) = crossbeam_channel::bounded::<Done>(capacity);
    let format = args.format;
    let keep_removed = args.removed;
    let progress = (!args.quiet && io::stderr().is_terminal()).then(progress_bar);
    let started = Instant::now();

    let mut counts = Counts::default();
    let mut write_error = None;
    let (read_result, skipped) = thread::scope(|scope| {
        let window = &window;
        let reader = thread::Builder::new()
            .name("reader".into())
            // The WARC reader skips bodies through a 1 MiB buffer on its stack.
            .stack_size(8 << 20)
            .spawn_scoped(scope, move || {
                let mut sink = ChannelSink {
                    next: 0,
                    window,
                    jobs: job_tx,
                    skipped: 0,
                };
                let result = input::read_all(&inputs, &read_options, &mut sink);
                (result, sink.skipped)
            })
            .expect("spawn the reader");
        for n in 0..jobs {
            let job_rx = job_rx.clone();
            let done_tx = done_tx.clone();
            let cleaner = &cleaner;
            thread::Builder::new()
                .name(format!("worker-{n}"))
                .spawn_scoped(scope, move || {
                    for (seq, job) in job_rx {
                        let done = clean(cleaner, seq, job, format, keep_removed);
                        if done_tx.send(done).is_err() {
                            break;
                        }
                    }
                })
                .expect("spawn a worker");
        }
        drop(job_rx);
        drop(done_tx);

        // The writer: results in input order.
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut last_tick = Instant::now();
        for done in &done_rx {
            pending.insert(done.seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                counts.add(&done);
                if write_error.is_none() {
                    if let Err(e) = out.write_all(done.text.as_bytes()) {
                        write_error = Some(e);
                    }
                    if let Some(note) = &done.note
                        && !args.quiet
                    {
                        progress_println(progress.as_ref(), note);
                    }
                }
            }
            if write_error.is_some() {
                // Stop: the workers' sends fail once `done_rx` is dropped,
                // and then the reader's; the window no longer holds it back.
                *window.written.lock().expect("not poisoned") = u64::MAX / 2;
                window.moved.notify_all();
                break;
            }
            *window.written.lock().expect("not poisoned") = next;
            window.moved.notify_all();
            if let Some(bar) = &progress
                && last_tick.elapsed() > Duration::from_millis(100)
            {
                last_tick = Instant::now();
                bar.set_position(counts.pages);
                bar.set_message(counts.rates(started.elapsed()));
            }
        }
        drop(done_rx);
        reader.join().expect("the reader does not panic")
    });
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    if write_error.is_none()
        && let Err(e) = out.flush()
    {
        write_error = Some(e);
    }
    if let Some(error) = write_error {
        if error.kind() == io::ErrorKind::BrokenPipe {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(format!("writing the output: {error}"));
    }
    read_result.map_err(|e| format!("reading stdin: {e}"))?;
    if !args.quiet {
        eprintln!(
            "tinsach: {} pages in {:.2} s ({}): {} cleaned, {} refused, {} unreadable{}",
            counts.pages,
            started.elapsed().as_secs_f64(),
            counts.rates(started.elapsed()),
            counts.cleaned,
            counts.refused,
            counts.failed,
            if skipped > 0 {
                format!("; {skipped} WARC records skipped (no HTML page)")
            } else {
                String::new()
            }
        );
    }
    Ok(if counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[derive(Default)]
struct Counts {
    pages: u64,
    cleaned: u64,
    refused: u64,
    failed: u64,
    bytes: u64,
}

impl Counts {
    fn add(&mut self, done: &Done) {
        self.pages += 1;
        self.bytes += done.bytes as u64;
        match done.status {
            Status::Cleaned => self.cleaned += 1,
            Status::Refused => self.refused += 1,
            Status::Failed => self.failed += 1,
        }
    }

    fn rates(&self, elapsed: Duration) -> String {
        let secs = elapsed.as_secs_f64().max(1e-9);
        format!(
            "{:.1} pages/s, {:.1} MB/s, {} errors",
            self.pages as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
            self.refused + self.failed
        )
    }
}

fn progress_bar() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} pages, {elapsed}: {msg}")
            .expect("a valid template"),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn progress_println(bar: Option<&indicatif::ProgressBar>, line: &str) {
    match bar {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    }
}

fn clean(cleaner: &Cleaner, seq: u64, job: Job, format: Format, keep_removed: bool) -> Done {
    let Job { origin, payload } = job;
    let bytes = payload.len();
    let result = match payload {
        Payload::Html {
            bytes,
            content_type,
        } => {
            let mut info = PageInfo::new();
            if let Some(url) = &origin.url {
                info = info.url(url);
            }
            if let Some(content_type) = &content_type {
                info = info.content_type(content_type);
            }
            cleaner
                .clean_html_with(&bytes, info)
                .map_err(|e| e.into_kind())
        }
        Payload::Text(text) => cleaner.clean_text(&text).map_err(|e| e.into_kind()),
        Payload::Refused(kind) => Err(kind),
        Payload::Bad { kind, message } => {
            let note = format!("tinsach: {}: {kind}: {message}", origin.input);
            let text = output::record_error(origin, kind, &message);
            return finish(seq, text, note, format, Status::Failed, 0);
        }
    };
    match result {
        Ok(article) => Done {
            seq,
            text: output::article(format, origin, &article, keep_removed),
            note: None,
            status: Status::Cleaned,
            bytes,
        },
        Err(kind) => {
            let note = format!("tinsach: {}: {}: {kind}", origin.input, kind.name());
            let text = output::cleaner_error(origin, &kind);
            finish(seq, text, note, format, Status::Refused, bytes)
        }
    }
}

/// Errors are lines of the output in JSON, notes on stderr otherwise.
fn finish(
    seq: u64,
    json: String,
    note: String,
    format: Format,
    status: Status,
    bytes: usize,
) -> Done {
    let (text, note) = match format {
        Format::Json => (json, None),
        _ => (String::new(), Some(note)),
    };
    Done {
        seq,
        text,
        note,
        status,
        bytes,
    }
}
