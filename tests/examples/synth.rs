//! Writes a synthetic corpus: `cargo run -p reglament-tests --example synth -- N DIR [SEED]`.
//!
//! `DIR/regulations/{ru,kk,sources}` receive N renditions and the source
//! documents they quote; `regc build --root DIR` compiles them.

use std::path::PathBuf;
use std::process::ExitCode;

use reglament_tests::synth::{write_corpus, DEFAULT_SEED};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: synth N DIR [SEED]   (N regulations, written to DIR/regulations/)";
    let (Some(n), Some(dir)) = (args.first().and_then(|n| n.parse::<usize>().ok()), args.get(1)) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let seed = match args.get(2) {
        None => DEFAULT_SEED,
        Some(s) => match s.strip_prefix("0x").map_or_else(|| s.parse(), |h| u64::from_str_radix(h, 16)) {
            Ok(seed) => seed,
            Err(_) => {
                eprintln!("the seed must be a number (decimal or 0x…)\n{usage}");
                return ExitCode::from(2);
            }
        },
    };
    match write_corpus(&PathBuf::from(dir), seed, n) {
        Ok(stats) => {
            println!(
                "{} rendition(s), {:.1} MB; {} source document(s), {:.1} MB; in {dir}/regulations (seed {seed:#x})",
                stats.renditions,
                stats.rendition_bytes as f64 / 1e6,
                stats.sources,
                stats.source_bytes as f64 / 1e6
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
