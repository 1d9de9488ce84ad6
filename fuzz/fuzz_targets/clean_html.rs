//! Raw bytes into `clean_html`: any result is fine, a panic, hang or
//! blow-up is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tinsach::clean_html(data);
});
