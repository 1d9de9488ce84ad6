//! Any UTF-8 string into `clean_text` (invalid UTF-8 is decoded lossily, as
//! a caller reading scraped files would): any result is fine, a panic, hang
//! or blow-up is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = tinsach::clean_text(&text);
});
