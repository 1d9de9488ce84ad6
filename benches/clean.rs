//! Throughput on real pages, in bytes of input per second, one thread.
//!
//! ```text
//! cargo bench --bench clean                   # everything (~3 minutes)
//! cargo bench --bench clean -- vi_html        # one group
//! ```
//!
//! Groups (every page set is cleaned whole in one iteration; throughput is
//! the set's total size):
//! - `vi_html`: the nine Vietnamese pages through `clean_html`, and in the
//!   same run through dom_smoothie, rs-trafilatura, scraper's full parse and
//!   html5ever's tokenizer alone with a no-op sink (the floor).
//! - `readability_html`: `clean_html` on the readability pages.
//! - `text`: `clean_text` on the seeds and the vi-text renderings.
//! - `stages_html`, `stages_text`: each stage apart, its input prepared
//!   outside the timing loop; throughput counts the raw input's bytes so the
//!   stage rates add up like the end-to-end rate (1/total = Σ 1/stage).
//! - `linearity`: one page with its body repeated 1×, 4×, 16×.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{Page, load, repeat_body, total_bytes};
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput, measurement::WallTime};
use html5ever::local_name;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};
use tinsach::stages;

/// The page repeated in the linearity bench: a mid-sized page (113 KB)
/// whose body holds most of its bytes (98 KB) and gives an article, so that
/// repeating the body multiplies the work of every stage. (The vnexpress
/// pages are 90% head script: repeating their body would time the head.)
const LINEAR_PAGE: &str = "cafef-1.html";

/// The repetitions of the linearity bench.
const REPEATS: [usize; 3] = [1, 4, 16];

fn configure<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    // 2 shared cores: ten samples over a few seconds give a stable mean
    // (criterion reports its spread) while the whole run stays short.
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group
}

/// html5ever's tokenizer with a sink that drops every token. It only does
/// what a tree builder must tell the tokenizer for a correct token stream:
/// switch to the raw-text states after `script`, `style` and friends, so
/// that script bodies are scanned as text, as in a real parse.
struct NoopSink;

impl TokenSink for NoopSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let TagToken(Tag {
            kind: StartTag,
            name,
            self_closing: false,
            ..
        }) = token
        {
            return match name {
                local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
                local_name!("style")
                | local_name!("xmp")
                | local_name!("iframe")
                | local_name!("noembed")
                | local_name!("noframes") => TokenSinkResult::RawData(RawKind::Rawtext),
                local_name!("title") | local_name!("textarea") => {
                    TokenSinkResult::RawData(RawKind::Rcdata)
                }
                local_name!("plaintext") => TokenSinkResult::Plaintext,
                _ => TokenSinkResult::Continue,
            };
        }
        TokenSinkResult::Continue
    }
}

fn tokenize(html: &str) {
    let tokenizer = Tokenizer::new(NoopSink, TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
}

fn clean_html_all(pages: &[Page]) -> usize {
    pages
        .iter()
        .map(|p| match tinsach::clean_html(p.bytes()) {
            Ok(article) => article.body.len(),
            Err(_) => 0,
        })
        .sum()
}

fn clean_text_all(pages: &[Page]) -> usize {
    pages
        .iter()
        .map(|p| match tinsach::clean_text(p.text()) {
            Ok(article) => article.body.len(),
            Err(_) => 0,
        })
        .sum()
}

/// Benchmarks `f` over every page of the set in one iteration.
fn over_pages(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: impl Into<String>,
    pages: &[Page],
    f: impl Fn(&Page) -> usize,
) {
    group.bench_function(id.into(), |b| {
        b.iter(|| pages.iter().map(&f).sum::<usize>())
    });
}

fn vi_html(c: &mut Criterion) {
    let pages = load("vi-html", "html");
    let mut group = configure(c, "vi_html");
    group.throughput(Throughput::Bytes(total_bytes(&pages)));
    group.bench_function("tinsach", |b| b.iter(|| black_box(clean_html_all(&pages))));
    over_pages(&mut group, "dom_smoothie", &pages, |p| {
        dom_smoothie::Readability::new(p.text(), None, None)
            .ok()
            .and_then(|mut r| r.parse().ok())
            .map_or(0, |a| a.text_content.len())
    });
    over_pages(&mut group, "rs_trafilatura", &pages, |p| {
        rs_trafilatura::extract(p.text()).map_or(0, |r| r.content_text.len())
    });
    group.bench_function("scraper_parse", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(scraper::Html::parse_document(p.text()));
            }
        })
    });
    group.bench_function("html5ever_tokenizer", |b| {
        b.iter(|| {
            for p in &pages {
                tokenize(black_box(p.text()));
            }
        })
    });
    group.finish();
}

fn readability_html(c: &mut Criterion) {
    let pages = load("readability", "html");
    let mut group = configure(c, "readability_html");
    group.throughput(Throughput::Bytes(total_bytes(&pages)));
    group.bench_function("tinsach", |b| b.iter(|| black_box(clean_html_all(&pages))));
    group.finish();
}

fn text(c: &mut Criterion) {
    let mut group = configure(c, "text");
    for set in ["seeds", "vi-text"] {
        let pages = load(set, "txt");
        group.throughput(Throughput::Bytes(total_bytes(&pages)));
        group.bench_function(BenchmarkId::new("tinsach", set), |b| {
            b.iter(|| black_box(clean_text_all(&pages)))
        });
    }
    group.finish();
}

fn stages_html(c: &mut Criterion) {
    let pages = load("vi-html", "html");
    let mut group = configure(c, "stages_html");
    group.throughput(Throughput::Bytes(total_bytes(&pages)));
    over_pages(&mut group, "decode", &pages, |p| {
        stages::decode_len(black_box(p.bytes()))
    });
    let decoded: Vec<String> = pages.iter().map(|p| stages::decode(p.bytes())).collect();
    group.bench_function("parse", |b| {
        b.iter(|| {
            decoded
                .iter()
                .map(|text| stages::parse_html(black_box(text)).len())
                .sum::<usize>()
        })
    });
    let blocks: Vec<stages::Blocks> = decoded.iter().map(|t| stages::parse_html(t)).collect();
    stage_after_blocks(&mut group, &blocks);
    group.finish();
}

/// The stages that follow the block list, shared by both paths.
fn stage_after_blocks(group: &mut BenchmarkGroup<'_, WallTime>, blocks: &[stages::Blocks]) {
    group.bench_function("classify", |b| {
        b.iter(|| blocks.iter().map(stages::classify).sum::<usize>())
    });
    group.bench_function("metadata", |b| {
        b.iter(|| blocks.iter().map(stages::metadata).sum::<usize>())
    });
}

fn stages_text(c: &mut Criterion) {
    let mut pages = load("seeds", "txt");
    pages.extend(load("vi-text", "txt"));
    let mut group = configure(c, "stages_text");
    group.throughput(Throughput::Bytes(total_bytes(&pages)));
    over_pages(&mut group, "segment", &pages, |p| {
        stages::segment_text(black_box(p.text())).len()
    });
    let blocks: Vec<stages::Blocks> = pages
        .iter()
        .map(|p| stages::segment_text(p.text()))
        .collect();
    stage_after_blocks(&mut group, &blocks);
    group.bench_function("clean_text", |b| {
        b.iter(|| black_box(clean_text_all(&pages)))
    });
    group.finish();
}

fn linearity(c: &mut Criterion) {
    let pages = load("vi-html", "html");
    let page = pages
        .iter()
        .find(|p| p.name == LINEAR_PAGE)
        .expect("the linearity page is a fixture");
    let mut group = configure(c, "linearity");
    for times in REPEATS {
        let big = repeat_body(page.text(), times);
        let input = [Page::new(format!("{times}x"), big.into_bytes())];
        group.throughput(Throughput::Bytes(total_bytes(&input)));
        group.bench_function(BenchmarkId::new("clean_html", format!("{times}x")), |b| {
            b.iter(|| black_box(clean_html_all(&input)))
        });
    }
    group.finish();
}

criterion::criterion_group!(
    benches,
    vi_html,
    readability_html,
    text,
    stages_html,
    stages_text,
    linearity
);
criterion::criterion_main!(benches);
