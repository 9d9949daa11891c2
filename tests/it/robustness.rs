//! Parsing and checking never panic, on any input: every rendition and
//! fixture is cut, shuffled and salted with junk, deterministically, and
//! compiled; each run must end with diagnostics, not a panic.

use reglament_tests::{compile_fixture, renditions, root};

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const JUNK: [&str; 14] = [
    "{",
    "}",
    "\"",
    "@",
    "@0",
    "@999999",
    "reading",
    "\\",
    "action 4294967296 @1 {",
    "«",
    "\u{A0}",
    "-",
    "next \"",
    "//",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    match rng.below(4) {
        0 => chars[..rng.below(chars.len() + 1)].iter().collect(),
        1 => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let i = rng.below(lines.len());
                lines.remove(i);
            }
            lines.join("\n")
        }
        2 => {
            let at = rng.below(chars.len() + 1);
            let junk = JUNK[rng.below(JUNK.len())];
            chars[..at].iter().collect::<String>() + junk + &chars[at..].iter().collect::<String>()
        }
        _ => {
            let mut lines: Vec<&str> = text.lines().collect();
            if lines.len() > 1 {
                let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
                lines.swap(a, b);
            }
            lines.join("\n")
        }
    }
}

#[test]
fn mutated_renditions_never_panic() {
    let mut files = renditions();
    files.extend(reglament_compiler::collect_renditions(&[root().join("tests/fixtures")]).unwrap_or_default());
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut runs = 0;
    for path in &files {
        let original = std::fs::read_to_string(path).expect("readable");
        for _ in 0..12 {
            let mut text = original.clone();
            for _ in 0..=rng.below(3) {
                text = mutate(&text, &mut rng);
            }
            let result = std::panic::catch_unwind(|| compile_fixture(path, &text));
            assert!(result.is_ok(), "compiling a mutation of {} panicked; input:\n{text}", path.display());
            runs += 1;
        }
    }
    assert!(runs > 100);
}

#[test]
fn arbitrary_text_never_panics() {
    let mut rng = Rng(42);
    let alphabet: Vec<char> = "regulation{}\"@-0123456789 \n\tабвӘәҚқ«»\\/:;,.()".chars().collect();
    for _ in 0..300 {
        let len = rng.below(200);
        let text: String = (0..len).map(|_| alphabet[rng.below(alphabet.len())]).collect();
        let result = std::panic::catch_unwind(|| compile_fixture(&root().join("x.reglament"), &text));
        assert!(result.is_ok(), "panicked on {text:?}");
    }
}

#[test]
fn phrase_readers_never_panic() {
    let mut rng = Rng(7);
    let words = [
        "не более",
        "10",
        "минут",
        "1,5",
        "-",
        "–",
        "(",
        ")",
        "до",
        "от",
        "күн",
        "аспай",
        "егер",
        ";",
        ",",
        "2",
        "в случае",
        ".",
    ];
    for _ in 0..2000 {
        let n = rng.below(8);
        let text: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
        let text = text.join(if rng.below(2) == 0 { " " } else { "" });
        let _ = reglament_grammar::phrases::parse_deadline(&text);
        let _ = reglament_grammar::phrases::parse_next(&text);
        let _ = reglament_grammar::phrases::parse_step_label(&text);
    }
}
