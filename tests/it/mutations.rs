//! The mutation suite: each kind of defect the checker looks for is
//! injected, one at a time, into the clean fixtures of
//! `tests/fixtures/mutations` — a made-up Russian regulation (`ru/clean.reglament`),
//! another regulation of the same decree (`ru/other.reglament`), and the first
//! one's Kazakh version (`kk/clean.reglament`), over one source, `clean.txt`. Each
//! mutation must give exactly one finding (an error or a warning) of its
//! code, at the source line of the faulty cell; the clean fixtures give none.
//!
//! A mutation edits the source document and, where the rendition quotes what
//! changed, the rendition too (a rendition always quotes its document
//! verbatim). Each edit replaces a text that stands once on its line (or in
//! its file). The source lines of the fixtures are given by name below.

use std::path::{Path, PathBuf};

use reglament_compiler::diagnostics::{Diagnostic, Severity};
use reglament_compiler::sources::manifest::{Entry, Manifest};
use reglament_compiler::sources::SourceDoc;
use reglament_compiler::{compile_paths, Lang, Options};
use reglament_tests::{describe, root, scratch};

/// Lines of `clean.txt` (written by the fixtures' generator; see the
/// fixtures' comments).
mod line {
    pub const RU_P1: u32 = 3;
    pub const RU_SFE_DEF: u32 = 6;
    pub const RU_ITEM_REFUSAL: u32 = 12;
    pub const RU_ITEM_REVIEW: u32 = 13;
    pub const RU_PART_ISMIO: u32 = 21;
    pub const RU_PART_PEP: u32 = 24;
    pub const RU_T1_CAPTION: u32 = 26;
    pub const RU_T1_NUMBERS: u32 = 27;
    pub const RU_T1_SFE: u32 = 28;
    pub const RU_T1_DOES: u32 = 29;
    pub const RU_T1_COMPLETION: u32 = 30;
    pub const RU_T1_DEADLINE: u32 = 31;
    pub const RU_T1_NEXT: u32 = 32;
    pub const RU_T2_DOES: u32 = 37;
    pub const RU_T2_DEADLINE: u32 = 39;
    pub const RU_ADDRESS: u32 = 44;
    pub const KK_TERM: u32 = 57;
    pub const KK_PARTS: u32 = 68;
    pub const KK_PART_PEP: u32 = 73;
    pub const KK_T1_DEADLINE: u32 = 80;
    pub const KK_T1_NEXT: u32 = 81;
    pub const KK_ADDRESS: u32 = 93;
}

/// One edit of a mutation.
enum Edit {
    /// In the source document, on a line: a text that stands there once, replaced.
    Source(u32, &'static str, &'static str),
    /// In a rendition (`ru/clean.reglament`, `kk/clean.reglament`): a text that stands there once, replaced.
    Rendition(&'static str, &'static str, &'static str),
}

/// A defect injected into the clean fixtures, and the finding it must give.
struct Mutation {
    name: &'static str,
    edits: Vec<Edit>,
    /// Whether the two language versions are compiled (else the two Russian regulations).
    versions: bool,
    /// The code of the one finding expected.
    code: &'static str,
    /// The rendition it is reported in.
    file: &'static str,
    /// The source line of the faulty cell.
    line: u32,
}

fn mutation(name: &'static str, code: &'static str, file: &'static str, line: u32, edits: Vec<Edit>) -> Mutation {
    Mutation { name, edits, versions: false, code, file, line }
}

fn versions(name: &'static str, code: &'static str, line: u32, edits: Vec<Edit>) -> Mutation {
    Mutation { name, edits, versions: true, code, file: "kk/clean.reglament", line }
}

const RU: &str = "ru/clean.reglament";

/// Every kind of defect of issue 14, and more of the checker's.
fn mutations() -> Vec<Mutation> {
    use line::*;
    use Edit::{Rendition as R, Source as S};
    vec![
        // Abbreviations.
        mutation("undefined abbreviation in an unquoted sentence", "W0302", RU, RU_ADDRESS, vec![
            S(RU_ADDRESS, "город Павлодар", "город Павлодар (РГП)"),
        ]),
        mutation("undefined abbreviation in a column header only", "W0302", RU, RU_T1_SFE, vec![
            S(RU_T1_SFE, "Наименование СФЕ", "Наименование СФЕ, ИИС"),
        ]),
        versions("a defined abbreviation written with a look-alike key", "W0302", KK_PARTS, vec![
            S(KK_PARTS, "мынадай ҚФБ қатысады", "мынадай КФБ қатысады"),
        ]),
        mutation("a defined abbreviation no line uses", "W0303", RU, RU_SFE_DEF, vec![
            S(RU_SFE_DEF, "единицы;", "единицы; ОБД – общая база данных;"),
            R(RU, "abbreviation \"РШЭП\"", "abbreviation \"ОБД\" = \"общая база данных\" @6\n    abbreviation \"РШЭП\""),
        ]),
        // Participants.
        mutation("a participant acting in a table but missing from the list", "W0304", RU, RU_T1_SFE, vec![
            S(RU_PART_ISMIO, "2) ИС МИО;", "2) –;"),
            R(RU, "participant is_mio system \"ИС МИО\" @21", "participant is_mio system \"ИС МИО\" @28"),
        ]),
        mutation("a listed participant no table names", "W0301", RU, RU_PART_PEP, vec![
            S(RU_PART_PEP, "5) ПЭП.", "5) ПЭП; 6) нотариус."),
            R(RU, "participant pep system \"ПЭП\" @24", "participant pep system \"ПЭП\" @24\n    participant notary unit \"нотариус\" @24"),
        ]),
        // Flow: one defect, one diagnostic, at its cell.
        mutation("a next action the table lacks", "E0403", RU, RU_T1_NEXT, vec![
            S(RU_T1_NEXT, "\t5\t-", "\t9\t-"),
            R(RU, "next       \"5\" @32", "next       \"9\" @32"),
        ]),
        mutation("two columns with one number", "E0404", RU, RU_T1_NUMBERS, vec![
            S(RU_T1_NUMBERS, "\t4\t5", "\t4\t4"),
            R(RU, "action 5 @27", "action 4 @27"),
        ]),
        mutation("a «-» in the middle of the table", "W0107", RU, RU_T1_NEXT, vec![
            S(RU_T1_NEXT, "\t5\t-", "\t-\t-"),
            R(RU, "next       \"5\" @32", "next       \"-\" @32"),
        ]),
        mutation("a column nothing leads to", "W0104", RU, RU_T1_NUMBERS, vec![
            S(RU_T1_NEXT, "действия\t2\t", "действия\t4\t"),
            R(RU, "next       \"2\" @32", "next       \"4\" @32"),
        ]),
        mutation("a loop with no way out", "E0407", RU, RU_T1_NUMBERS, vec![
            S(RU_T1_NEXT, "\t5\t-", "\t5\t4"),
            R(RU, "deadline   \"Не более 15 минут\" @31\n                next       \"-\" @32", "deadline   \"Не более 15 минут\" @31\n                next       \"4\" @32"),
        ]),
        mutation("a blank next-action cell", "W0103", RU, RU_T1_NUMBERS, vec![
            S(RU_T1_NEXT, "\t5\t-", "\t\t-"),
            R(RU, "next       \"5\" @32", "next       empty @32"),
        ]),
        mutation("a next-action cell nobody can read", "E0402", RU, RU_T1_NEXT, vec![
            S(RU_T1_NEXT, "\t5\t-", "\tпятое\t-"),
            R(RU, "next       \"5\" @32", "next       \"пятое\" @32"),
        ]),
        // Deadlines.
        mutation("the same step with other deadlines, its text spaced otherwise", "W0501", RU, RU_T2_DEADLINE, vec![
            S(RU_T2_DOES, "\tРассмотрение заявления\t", "\tРассмотрение  заявления.\t"),
            R(RU, "does       \"Рассмотрение заявления\" @37", "does       \"Рассмотрение  заявления.\" @37"),
            S(RU_T2_DEADLINE, "\tВ течение 3 рабочих дней\t", "\tВ течение 1 рабочего дня\t"),
            R(RU, "deadline   \"В течение 3 рабочих дней\" @39", "deadline   \"В течение 1 рабочего дня\" @39"),
        ]),
        mutation("an exceptional maximum longer than the service term", "W0502", RU, RU_T1_DEADLINE, vec![
            S(RU_T1_DEADLINE, "исполнения\tНе более 15 минут", "исполнения\tНе более 15 минут (в исключительных случаях до 10 рабочих дней)"),
            R(RU, "deadline   \"Не более 15 минут\" @31\n                next       \"2\" @32", "deadline   \"Не более 15 минут (в исключительных случаях до 10 рабочих дней)\" @31\n                next       \"2\" @32"),
        ]),
        mutation("a blank deadline cell", "W0504", RU, RU_T1_DEADLINE, vec![
            S(RU_T1_DEADLINE, "дней\tНе более 15 минут", "дней\t"),
            R(RU, "deadline   \"Не более 15 минут\" @31\n                next       \"-\" @32", "deadline   empty @31\n                next       \"-\" @32"),
        ]),
        mutation("an empty column", "W0108", RU, RU_T1_DOES, vec![
            S(RU_T1_DOES, "\tВыдача справки", "\t-"),
            S(RU_T1_COMPLETION, "\tСправка", "\t-"),
            S(RU_T1_DEADLINE, "дней\tНе более 15 минут", "дней\t-"),
            R(RU, "does       \"Выдача справки\" @29", "does       \"-\" @29"),
            R(RU, "completion \"Справка\" @30", "completion \"-\" @30"),
            R(RU, "deadline   \"Не более 15 минут\" @31\n                next       \"-\" @32", "deadline   \"-\" @31\n                next       \"-\" @32"),
        ]),
        // The process list against the table.
        mutation("a refusal in the table the list never mentions", "W0605", RU, RU_T1_DOES, vec![
            S(RU_ITEM_REFUSAL, "формирование мотивированного отказа", "уведомление о неполноте документов"),
            R(RU, "\"процесс 2 – формирование мотивированного отказа в ИС МИО;\"", "\"процесс 2 – уведомление о неполноте документов в ИС МИО;\""),
        ]),
        mutation("a time limit of the list the table contradicts", "W0606", RU, RU_ITEM_REVIEW, vec![
            S(RU_ITEM_REVIEW, "в течение 3 рабочих дней", "в течение 2 рабочих дней"),
            R(RU, "в течение 3 рабочих дней;\" @13", "в течение 2 рабочих дней;\" @13"),
        ]),
        mutation("a table that lost its branch", "W0604", RU, RU_T1_CAPTION, vec![
            S(RU_T1_NEXT, "\t3 – при неполноте документов; 4 – при полноте документов\t-\t5", "\t3\t4\t5"),
            R(RU, "\"3 – при неполноте документов; 4 – при полноте документов\" @32", "\"3\" @32"),
            R(RU, "completion \"Отказ\" @30\n                deadline   \"Не более 1 минуты\" @31\n                next       \"-\" @32", "completion \"Отказ\" @30\n                deadline   \"Не более 1 минуты\" @31\n                next       \"4\" @32"),
            S(RU_T1_DOES, "Формирование мотивированного отказа", "Регистрация результата проверки"),
            R(RU, "does       \"Формирование мотивированного отказа\" @29", "does       \"Регистрация результата проверки\" @29"),
        ]),
        // The text of the document.
        mutation("a reference to an appendix the document lacks", "W1001", RU, RU_P1, vec![
            S(RU_P1, "в приложении 1", "в приложении 2"),
        ]),
        mutation("a cell naming another regulation's service", "W1002", RU, RU_T1_DOES, vec![
            S(RU_T1_DOES, "\tРассмотрение заявления\t", "\tРассмотрение заявления о наличии личного подсобного хозяйства\t"),
            R(RU, "does       \"Рассмотрение заявления\" @29", "does       \"Рассмотрение заявления о наличии личного подсобного хозяйства\" @29"),
        ]),
        // Language versions: what the documents say, readings aside.
        versions("a next-action row the Kazakh version copied wrongly", "W0701", KK_T1_NEXT, vec![
            S(KK_T1_NEXT, "\t5\t-", "\t4\t-"),
            R("kk/clean.reglament", "next       \"5\" @81", "next       \"4\" @81 reading \"5\" because \"келесі әрекет – 5\""),
        ]),
        versions("a deadline the Kazakh version gives otherwise", "W0701", KK_T1_DEADLINE, vec![
            S(KK_T1_DEADLINE, "15 минуттан аспай\t1 минуттан", "15 минуттан аспай\t2 минуттан"),
            R("kk/clean.reglament", "deadline   \"1 минуттан аспай\" @80\n                next       \"3 – егер", "deadline   \"2 минуттан аспай\" @80 reading \"1 минуттан аспай\" because \"орыс нұсқасы бойынша\"\n                next       \"3 – егер"),
        ]),
        versions("a term the Kazakh version's text gives otherwise", "W0701", KK_TERM, vec![
            S(KK_TERM, "5 жұмыс күн", "6 жұмыс күн"),
            R("kk/clean.reglament", "term \"5 жұмыс күн ішінде.\" @57", "term \"6 жұмыс күн ішінде.\" @57"),
        ]),
        versions("a term the Kazakh version counts in other days", "W0701", KK_TERM, vec![
            S(KK_TERM, "5 жұмыс күн", "5 күн"),
            R("kk/clean.reglament", "term \"5 жұмыс күн ішінде.\" @57", "term \"5 күн ішінде.\" @57"),
        ]),
        versions("a ministry the Kazakh version names otherwise", "W0701", KK_ADDRESS, vec![
            S(RU_ADDRESS, "Адрес МИО:", "Адрес МИО (Министерство юстиции Республики Казахстан):"),
            S(KK_ADDRESS, "ЖАО мекенжайы:", "ЖАО мекенжайы (Қазақстан Республикасының Қаржы министрлігі):"),
        ]),
        versions("a document only the Kazakh version names", "W0701", KK_ADDRESS, vec![
            S(KK_ADDRESS, "Сұраулар Ө Ш Э Ү", "Сұраулар мен жеке басын куәландыратын құжаттар Ө Ш Э Ү"),
        ]),
        versions("a list of participants with an item fewer", "W0701", KK_PART_PEP, vec![
            S(KK_PART_PEP, "5) ЭҮП.", "ЭҮП."),
        ]),
    ]
}

/// The clean fixtures copied into a scratch workspace, with `edits` applied
/// and the manifest recording the edited source.
fn workspace(name: &str, edits: &[Edit]) -> PathBuf {
    let dir = scratch(&format!("mutation-{}", name.replace(|c: char| !c.is_ascii_alphanumeric(), "-")));
    let fixtures = root().join("tests/fixtures/mutations");
    let regs = dir.join("regulations");
    for sub in ["sources", "ru", "kk"] {
        std::fs::create_dir_all(regs.join(sub)).expect("a folder");
    }
    let mut source = std::fs::read_to_string(fixtures.join("sources/clean.txt")).expect("clean.txt");
    let mut renditions: Vec<(&str, String)> = ["ru/clean.reglament", "ru/other.reglament", "kk/clean.reglament"]
        .iter()
        .map(|f| (*f, std::fs::read_to_string(fixtures.join(f)).expect("a rendition")))
        .collect();
    for edit in edits {
        match edit {
            Edit::Source(line, old, new) => source = edit_line(&source, *line, old, new),
            Edit::Rendition(file, old, new) => {
                let text = &mut renditions.iter_mut().find(|(f, _)| f == file).expect("a rendition of the fixtures").1;
                assert_eq!(text.matches(old).count(), 1, "{file}: «{old}» must stand once");
                *text = text.replacen(old, new, 1);
            }
        }
    }
    std::fs::write(regs.join("sources/clean.txt"), &source).expect("the source");
    for (file, text) in &renditions {
        std::fs::write(regs.join(file), text).expect("a rendition");
    }
    let doc = SourceDoc::from_text(&source);
    let mut manifest = Manifest::empty(Manifest::path_for(&regs.join("sources")));
    let entry =
        Entry { file: "clean.txt".into(), sha256: doc.sha256().into(), lines: doc.line_count(), ..Entry::default() };
    manifest.add(entry);
    std::fs::write(&manifest.path, manifest.text()).expect("the manifest");
    dir
}

/// `text` with `old` replaced by `new` on 1-based line `line`, where it must stand once.
fn edit_line(text: &str, line: u32, old: &str, new: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let l = &mut lines[line as usize - 1];
    assert_eq!(l.matches(old).count(), 1, "line {line} «{l}» must hold «{old}» once");
    *l = l.replacen(old, new, 1);
    lines.join("\n")
}

/// The errors and warnings of the fixtures in `dir`: the two Russian
/// regulations, or the two language versions.
fn findings(dir: &Path, versions: bool) -> Vec<Diagnostic> {
    let regs = dir.join("regulations");
    let files: Vec<PathBuf> = if versions {
        vec![regs.join("ru/clean.reglament"), regs.join("kk/clean.reglament")]
    } else {
        vec![regs.join("ru/clean.reglament"), regs.join("ru/other.reglament")]
    };
    let sources = regs.join("sources");
    let options = Options { sources: Some(&sources), jobs: 1, ..Options::default() };
    let session = compile_paths(&files, &options).expect("the fixtures are readable");
    session.diagnostics().into_iter().filter(|d| d.severity != Severity::Note).collect()
}

#[test]
fn the_clean_fixtures_give_no_findings() {
    for versions in [false, true] {
        let dir = workspace(&format!("clean-{versions}"), &[]);
        let found: Vec<String> = findings(&dir, versions).iter().map(|d| describe(d, Lang::En)).collect();
        assert!(found.is_empty(), "{found:#?}");
    }
}

#[test]
fn every_injected_defect_gives_one_finding_at_its_cell() {
    let mut failures = Vec::new();
    let all = mutations();
    for m in &all {
        let dir = workspace(m.name, &m.edits);
        let found = findings(&dir, m.versions);
        let shown: Vec<String> = found
            .iter()
            .map(|d| {
                format!("{} {} [source line {:?}]", d.file(), describe(d, Lang::En), d.source.as_ref().map(|s| s.line))
            })
            .collect();
        let ok = match found.as_slice() {
            [d] => {
                d.code() == m.code && d.file().ends_with(m.file) && d.source.as_ref().is_some_and(|s| s.line == m.line)
            }
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: expected one {} at source line {} in {}, found {shown:#?}",
                m.name, m.code, m.line, m.file
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} mutations failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}
