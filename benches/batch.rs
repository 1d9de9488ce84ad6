//! The batch API on one thread and on all cores (feature `parallel`).
//!
//! ```text
//! cargo bench --features parallel --bench batch
//! ```
//!
//! The batch is the nine Vietnamese pages four times over (36 pages, about
//! 8 MB): enough pages that the largest one does not leave a core idle at
//! the end. Each batch runs inside a rayon pool of 1 thread, then of one
//! thread per core; the scaling is the ratio of the two times.

#[path = "common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Duration;

use common::{Page, first_panic, load, total_bytes};
use criterion::{BenchmarkId, Criterion, Throughput};
use tinsach::Cleaner;

/// How many times the page set is repeated to make the batch.
const COPIES: usize = 4;

fn pools() -> Vec<(usize, rayon::ThreadPool)> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut sizes = vec![1];
    if cores > 1 {
        sizes.push(cores);
    }
    sizes
        .into_iter()
        .map(|n| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .expect("thread pool");
            (n, pool)
        })
        .collect()
}

fn batch(c: &mut Criterion) {
    let cleaner = Cleaner::new();
    let html = load("vi-html", "html");
    let mut text = load("seeds", "txt");
    text.extend(load("vi-text", "txt"));
    let html_ok = match first_panic(&html, |bytes| {
        let _ = cleaner.clean_html(bytes);
    }) {
        None => true,
        Some(name) => {
            eprintln!("skipped the HTML batch: clean_html panics on {name}");
            false
        }
    };
    let html_batch: Vec<&[u8]> = (0..COPIES)
        .flat_map(|_| html.iter().map(|p| p.bytes.as_slice()))
        .collect();
    let text_batch: Vec<&str> = (0..COPIES)
        .flat_map(|_| text.iter().map(Page::text))
        .collect();

    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for (threads, pool) in pools() {
        if html_ok {
            group.throughput(Throughput::Bytes(total_bytes(&html) * COPIES as u64));
            group.bench_function(BenchmarkId::new("clean_html", threads), |b| {
                b.iter(|| pool.install(|| black_box(cleaner.clean_html_batch(&html_batch))))
            });
        }
        group.throughput(Throughput::Bytes(total_bytes(&text) * COPIES as u64));
        group.bench_function(BenchmarkId::new("clean_text", threads), |b| {
            b.iter(|| pool.install(|| black_box(cleaner.clean_text_batch(&text_batch))))
        });
    }
    group.finish();
}

criterion::criterion_group!(benches, batch);
criterion::criterion_main!(benches);
