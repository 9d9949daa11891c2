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

const JUNK: [&str; 18] = [
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
    "acknowledge W9999 @0 because \"\"",
    "acknowledge W0302 \"\" @1-4294967295 because \"@99999999999\"",
    "lines 9-1, 4294967295-4294967296, 1",
    "undecided @",
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

/// Lines a damaged or unusual source document may hold, aimed at what the
/// checks read in the document's own text: appendix headings and
/// references, numbers too large for any type, letter-spaced words,
/// ministries, diagram boxes, table rows.
const SOURCE_JUNK: [&str; 14] = [
    "",
    "Приложение 4294967296",
    "99999999999999999999999-қосымша",
    "к регламенту в приложении 0 и в приложении 18446744073709551616",
    "\t\t\t\t",
    "1\t2\t3\t\t-\tНе более 99999999999999999999 минут",
    "А Б В Г Д Е",
    "Министерства министерства министрлігінің",
    "Специалист уполномоченного органа: прием",
    "Уәкілетті органның жауапты орындаушысы:",
    "Действие № 4294967296",
    "13. 14) 15.",
    "\u{feff}\u{a0}\u{200b}",
    "ҚР ИИН ЭҮП-те АБВГДЕЖЗИК",
];

/// A source document with lines removed, swapped, cut short or salted
/// with [`SOURCE_JUNK`].
fn mutate_source(text: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    for _ in 0..=rng.below(20) {
        let n = lines.len();
        match rng.below(4) {
            0 if n > 0 => {
                lines.remove(rng.below(n));
            }
            1 if n > 1 => lines.swap(rng.below(n), rng.below(n)),
            2 => lines.insert(rng.below(n + 1), SOURCE_JUNK[rng.below(SOURCE_JUNK.len())].to_string()),
            _ => lines.truncate(n - rng.below(n / 50 + 1)),
        }
    }
    lines.join("\n")
}

/// The checks that read the source documents' own text (abbreviations,
/// appendices, language versions and their diagrams, the tables' structure)
/// never panic on a damaged or unexpected document: the whole corpus is
/// compiled, checks across files included, against mutated copies of its
/// sources. Quotes that no longer match are errors, as they should be.
#[test]
fn mutated_source_documents_never_panic() {
    let mut rng = Rng(0xd0c5_0f1a_7700);
    let originals: Vec<(std::ffi::OsString, String)> = std::fs::read_dir(reglament_tests::sources())
        .expect("the sources")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| (e.file_name(), std::fs::read_to_string(e.path()).expect("a source")))
        .collect();
    assert_eq!(originals.len(), 5);
    for round in 0..12 {
        let dir = reglament_tests::scratch(&format!("mutated-sources-{round}"));
        for (name, text) in &originals {
            std::fs::write(dir.join(name), mutate_source(text, &mut rng)).expect("a mutated source");
        }
        let regulations = [root().join("regulations")];
        let compile = || {
            let options = reglament_compiler::Options { sources: Some(&dir), ..reglament_compiler::Options::default() };
            let session = reglament_compiler::compile_paths(&regulations, &options).expect("the renditions");
            session.files.iter().filter(|f| f.regulation.is_some()).count()
        };
        let result = std::panic::catch_unwind(compile);
        let lowered =
            result.unwrap_or_else(|_| panic!("compiling against the mutated sources in {} panicked", dir.display()));
        // The checks ran: the renditions were read into models against the damaged sources.
        assert!(lowered > 0, "no rendition reached the checks in round {round}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
