//! The catalog's smaller texts: words inside messages, secondary labels, and
//! what the command line says around its findings.

use super::{Lang, Message, Path};
use crate::model::{ChannelId, Column, FieldColumn, ItemKind, ParticipantId, RegulationId};

/// Defines [`Phrase`] like `messages!` defines messages, without code or severity.
macro_rules! phrases {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $ty:ty),* $(,)? } {
            en: $en:literal,
            ru: $ru:literal,
            kk: $kk:literal $(,)?
        }
    )*) => {
        /// A text of the catalog that is not a diagnostic of its own.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(missing_docs)]
        pub enum Phrase {
            $( $(#[doc = $doc])* $name { $($field: $ty),* }, )*
        }

        impl Phrase {
            /// The text in `lang`.
            pub fn text(&self, lang: Lang) -> String {
                #[allow(unused_imports)]
                use $crate::messages::Arg;
                match self {
                    $(Phrase::$name { $($field),* } => {
                        $(let $field = Arg::show($field, lang);)*
                        match lang {
                            Lang::En => format!($en),
                            Lang::Ru => format!($ru),
                            Lang::Kk => format!($kk),
                        }
                    })*
                }
            }

            /// The raw texts of every phrase, per language.
            pub fn templates() -> Vec<(&'static str, [&'static str; 3])> {
                vec![$((stringify!($name), [$en, $ru, $kk]),)*]
            }
        }
    };
}

phrases! {
    /// The kind of a process-list item.
    Process {} { en: "process", ru: "процесс", kk: "үдеріс" }
    /// The kind of a process-list item.
    Condition {} { en: "condition", ru: "условие", kk: "шарт" }
    /// A labelled item of a process list.
    ItemName { kind: ItemKind, number: u32 } { en: "{kind} {number}", ru: "{kind} {number}", kk: "{number} {kind}" }
    /// An unlabelled item of a process list, by its marker.
    ItemMarker { marker: String } { en: "item {marker}", ru: "пункт {marker}", kk: "{marker} тармақ" }
    /// A secondary label: an item of a process list that branches.
    BranchesHere {} { en: "the list branches here", ru: "здесь список ветвится", kk: "тізім осында тармақталады" }
    /// A secondary label: the deadline of the action that seems to carry out an item.
    ProbablyThisStep { action: u32, deadline: String } {
        en: "probably the same step: action {action}, «{deadline}»",
        ru: "вероятно, тот же шаг: действие {action}, «{deadline}»",
        kk: "сол қадам болса керек: {action} әрекеті, «{deadline}»",
    }
    /// A blank cell, in a list of cells.
    BlankCell {} { en: "blank", ru: "пусто", kk: "бос" }
    /// No words at all, in a list of what a text says.
    Nothing {} { en: "nothing", ru: "ничего", kk: "ештеңе" }
    /// A numbered paragraph of a regulation.
    ParagraphN { number: u32 } { en: "paragraph {number}", ru: "пункт {number}", kk: "{number}-тармақ" }
    /// A numbered appendix of a regulation.
    AppendixN { number: u32 } { en: "appendix {number}", ru: "приложение {number}", kk: "{number}-қосымша" }
    /// A unit of a regulation's text: the diagram's description.
    DiagramDescription {} { en: "the diagram's description", ru: "описание схемы", kk: "сызбаның сипаттамасы" }
    /// A month, by its number.
    Month { number: u32 } { en: "month {number}", ru: "месяц {number}", kk: "{number}-ай" }
    /// The Standard a reference names.
    TheStandard {} { en: "the Standard", ru: "Стандарт", kk: "Стандарт" }
    /// The Regulation a reference names.
    TheRegulation {} { en: "the Regulation", ru: "Регламент", kk: "Регламент" }
    /// A Code a reference names.
    TheCode {} { en: "a Code", ru: "кодекс", kk: "кодекс" }
    /// The unit a term counts in: hours, minutes or seconds.
    UnitClockTime {} { en: "clock time", ru: "часы и минуты", kk: "сағат пен минут" }
    /// The unit a term counts in: calendar days.
    UnitCalendarDays {} { en: "calendar days", ru: "календарные дни", kk: "күнтізбелік күндер" }
    /// The unit a term counts in: working days.
    UnitWorkingDays {} { en: "working days", ru: "рабочие дни", kk: "жұмыс күндері" }
    /// The unit a term counts in: months.
    UnitMonths {} { en: "months", ru: "месяцы", kk: "айлар" }
    /// A secondary label: the same place in the other language version.
    OtherVersionHere { other: RegulationId } {
        en: "the same in `{other}`",
        ru: "то же в `{other}`",
        kk: "`{other}` нұсқасында",
    }
    /// Before the source-document location of a finding.
    Source {} { en: "source", ru: "источник", kk: "дереккөз" }
    /// Before a finding's help.
    Help {} { en: "help", ru: "совет", kk: "кеңес" }
    /// Before a related place of a finding.
    See {} { en: "see", ru: "см.", kk: "қараңыз" }
    /// After a warning that `--deny warnings` turned into an error.
    Denied {} {
        en: " (denied by --deny warnings)",
        ru: " (запрещено --deny warnings)",
        kk: " (--deny warnings тыйым салған)",
    }
    /// After an abbreviation: the other forms the document writes it in.
    AlsoWritten { forms: String } {
        en: " (also written {forms})",
        ru: " (также пишется {forms})",
        kk: " (сондай-ақ {forms} деп жазылады)",
    }
    /// After an unused abbreviation: the forms the document writes instead.
    WritesInstead { forms: String } {
        en: " (it writes {forms})",
        ru: " (он пишет {forms})",
        kk: " (ол {forms} деп жазады)",
    }
    /// Where an abbreviation is defined: a line of the document.
    DefinedAtLine { line: u32 } {
        en: "defined at source line {line}",
        ru: "определено в строке источника {line}",
        kk: "дереккөздің {line} жолында анықталған",
    }
    /// Where an abbreviation is defined: by law, for every regulation.
    DefinedByLaw {} {
        en: "defined by law (docs/checks.md)",
        ru: "определено законом (docs/checks.md)",
        kk: "заңмен анықталған (docs/checks.md)",
    }
    /// After a warning the analyst has acknowledged.
    Acknowledged {} {
        en: " (acknowledged)",
        ru: " (признано)",
        kk: " (мойындалған)",
    }
    /// After a warning a free-standing reading at its line answers.
    AnsweredByReading {} {
        en: " (answered by a reading)",
        ru: " (отвечено прочтением)",
        kk: " (оқылыммен жауап берілген)",
    }
    /// A secondary label: the acknowledgement or reading that answers a finding.
    AnsweredHere { because: String } {
        en: "answered here: {because}",
        ru: "ответ здесь: {because}",
        kk: "жауабы осында: {because}",
    }
    /// The summary line of a run.
    Summary { errors: usize, warnings: usize, notes: usize } {
        en: "errors: {errors}, warnings: {warnings}, notes: {notes}",
        ru: "ошибок: {errors}, предупреждений: {warnings}, заметок: {notes}",
        kk: "қате: {errors}, ескерту: {warnings}, жазба: {notes}",
    }
    /// `regc check`'s count per code.
    PerCode { codes: String } {
        en: "by code: {codes}",
        ru: "по кодам: {codes}",
        kk: "кодтар бойынша: {codes}",
    }
    /// `regc check`'s last line.
    Checked { files: usize, summary: String } {
        en: "{files} rendition(s) checked: {summary}",
        ru: "проверено файлов: {files}; {summary}",
        kk: "тексерілген файл: {files}; {summary}",
    }
    /// `regc build`'s count of what it compiled.
    Compiled { regulations: usize, channels: usize, actions: usize, rules: usize, summary: String } {
        en: "{regulations} regulation(s), {channels} channel(s), {actions} action(s), {rules} FLK rule(s); {summary}",
        ru: "регламентов: {regulations}, каналов: {channels}, действий: {actions}, правил ФЛК: {rules}; {summary}",
        kk: "регламент: {regulations}, арна: {channels}, әрекет: {actions}, ФЛК ережесі: {rules}; {summary}",
    }
    /// `regc build` refuses to write.
    NothingWritten {} {
        en: "nothing written: fix the errors above (`regc check` shows them with notes)",
        ru: "ничего не записано: исправьте ошибки выше (`regc check` покажет их вместе с заметками)",
        kk: "ештеңе жазылмады: жоғарыдағы қателерді түзетіңіз (`regc check` оларды жазбалармен бірге көрсетеді)",
    }
    /// `regc build` wrote its files.
    Written { files: usize, changed: usize } {
        en: "generated/: {files} file(s), {changed} changed",
        ru: "generated/: файлов {files}, изменено {changed}",
        kk: "generated/: {files} файл, {changed} өзгерді",
    }
    /// `regc export` refuses to export.
    ExportRefused { errors: usize } {
        en: "export refused: {errors} error(s); fix them first (see `regc check`)",
        ru: "экспорт отклонён: ошибок {errors}; сначала исправьте их (см. `regc check`)",
        kk: "экспорттан бас тартылды: {errors} қате; алдымен оларды түзетіңіз (`regc check` қараңыз)",
    }
    /// `regc doc` wrote the site.
    SiteWritten { files: usize, changed: usize, folder: String, index: String, summary: String } {
        en: "review site: {files} file(s), {changed} changed, in {folder}; open {index}; {summary}",
        ru: "сайт для проверки: файлов {files}, изменено {changed}, в {folder}; откройте {index}; {summary}",
        kk: "тексеру сайты: {files} файл, {changed} өзгерді, {folder} ішінде; {index} ашыңыз; {summary}",
    }

    /// A secondary label: a finding that follows from the one reported.
    AsAResult { what: Box<Message> } {
        en: "as a result: {what}",
        ru: "как следствие: {what}",
        kk: "салдарынан: {what}",
    }
    /// A secondary label: a cell that leads to an action the table lacks.
    LeadsToMissing { action: u32, target: u32 } {
        en: "action {action} leads to {target}",
        ru: "действие {action} ведёт к {target}",
        kk: "{action} әрекеті {target} әрекетіне апарады",
    }
    /// A secondary label: the cell of the column before an action nothing leads to.
    GoesElsewhere { action: u32 } {
        en: "action {action}, the column before it, leads elsewhere",
        ru: "действие {action}, предыдущий столбец, ведёт в другое место",
        kk: "алдыңғы баған, {action} әрекеті, басқа жерге апарады",
    }
    /// A secondary label: where a thing was declared first.
    FirstDeclaredHere {} { en: "first declared here", ru: "впервые объявлено здесь", kk: "алғаш осында жарияланған" }
    /// A secondary label: the action that has the number first.
    FirstNumberedHere {} {
        en: "the first action with this number",
        ru: "первое действие с этим номером",
        kk: "осы нөмірлі бірінші әрекет",
    }
    /// A secondary label on the source document: where the quoted text stands.
    TextStandsHere {} {
        en: "the quoted text stands here",
        ru: "процитированный текст находится здесь",
        kk: "келтірілген мәтін осында тұр",
    }
    /// A secondary label on the source: where an action's cell stands.
    CellStandsHere { action: u32, column: Column } {
        en: "action {action}'s {column} stands here",
        ru: "здесь стоит {column} действия {action}",
        kk: "{action}-әрекеттің {column} осында тұр",
    }
    /// What a source table's cell is: an action's cell.
    CellOf { action: String, column: Column } {
        en: "action {action}'s {column}",
        ru: "{column} действия {action}",
        kk: "{action}-әрекеттің {column}",
    }
    /// What a source table's cell is: an action's number.
    NumberOf { action: String } {
        en: "the number of action {action}",
        ru: "номер действия {action}",
        kk: "{action}-әрекеттің нөмірі",
    }
    /// What a source table's cell is: a header or a cell of a column not known.
    OtherCell {} {
        en: "another part of the table",
        ru: "другая часть таблицы",
        kk: "кестенің басқа бөлігі",
    }
    /// A script's name, in a difference of letters.
    ScriptLatin {} { en: "Latin", ru: "латинская", kk: "латын" }
    /// A script's name, in a difference of letters.
    ScriptCyrillic {} { en: "Cyrillic", ru: "кириллическая", kk: "кирилл" }
    /// A difference: a lookalike letter of another script.
    QuoteLookalike { quoted: String, quoted_script: String, source: String, source_script: String } {
        en: "{quoted_script} {quoted} where the source has {source_script} {source}",
        ru: "{quoted_script} {quoted} вместо {source} ({source_script}) в источнике",
        kk: "дереккөздегі {source} ({source_script}) орнына {quoted} ({quoted_script})",
    }
    /// A difference: another dash.
    QuoteDash { quoted: String, source: String } {
        en: "the dash {quoted} where the source has {source}",
        ru: "тире {quoted} вместо {source} в источнике",
        kk: "дереккөздегі {source} орнына {quoted} сызықшасы",
    }
    /// A difference: another quotation mark.
    QuoteQuoteMark { quoted: String, source: String } {
        en: "the quotation mark {quoted} where the source has {source}",
        ru: "кавычка {quoted} вместо {source} в источнике",
        kk: "дереккөздегі {source} орнына {quoted} тырнақшасы",
    }
    /// A difference: an invisible character only the quote has.
    QuoteInvisibleInQuote { ch: String } {
        en: "an invisible {ch} that the source does not have",
        ru: "невидимый символ {ch}, которого нет в источнике",
        kk: "дереккөзде жоқ көрінбейтін {ch} таңбасы",
    }
    /// A difference: an invisible character only the source has.
    QuoteInvisibleInSource { ch: String } {
        en: "the source has an invisible {ch} here",
        ru: "в источнике здесь невидимый символ {ch}",
        kk: "дереккөзде мұнда көрінбейтін {ch} таңбасы бар",
    }
    /// A difference: text only the quote has.
    QuoteExtra { quoted: String } {
        en: "«{quoted}» is not in the source",
        ru: "«{quoted}» нет в источнике",
        kk: "«{quoted}» дереккөзде жоқ",
    }
    /// A difference: text only the source has.
    QuoteMissing { source: String } {
        en: "the source has «{source}» here",
        ru: "в источнике здесь «{source}»",
        kk: "дереккөзде мұнда «{source}»",
    }
    /// A difference: other text.
    QuoteText { quoted: String, source: String } {
        en: "«{quoted}» where the source has «{source}»",
        ru: "«{quoted}» вместо «{source}» в источнике",
        kk: "дереккөздегі «{source}» орнына «{quoted}»",
    }
    /// `regc source add`: recorded.
    SourceRecorded { file: String, lines: u32, sha256: String } {
        en: "recorded {file}: {lines} lines, SHA-256 {sha256}",
        ru: "записан {file}: {lines} строк, SHA-256 {sha256}",
        kk: "{file} жазылды: {lines} жол, SHA-256 {sha256}",
    }
    /// `regc source add`: recorded as a new edition.
    SourceRecordedEdition { previous: String } {
        en: "a new edition of {previous}",
        ru: "новая редакция {previous}",
        kk: "{previous} құжатының жаңа редакциясы",
    }
    /// `regc source add`: converted.
    SourceConverted { encoding: String } {
        en: "converted from {encoding} to UTF-8",
        ru: "перекодирован из {encoding} в UTF-8",
        kk: "{encoding} кодтауынан UTF-8-ке ауыстырылды",
    }
    /// `regc source add`: the renditions to move.
    SourceNextStep { renditions: String, file: String } {
        en: "renditions of the earlier edition: {renditions}\nmove them to this one with: regc rebase {renditions} --to {file}",
        ru: "файлы предыдущей редакции: {renditions}\nперенесите их на эту: regc rebase {renditions} --to {file}",
        kk: "алдыңғы редакцияның файлдары: {renditions}\nоларды осыған көшіріңіз: regc rebase {renditions} --to {file}",
    }
    /// `regc source add`: nothing to do.
    SourceAlreadyRecorded { file: String } {
        en: "{file} is already recorded with the same text; nothing was written",
        ru: "{file} уже записан с тем же текстом; ничего не записано",
        kk: "{file} дәл осы мәтінмен жазылған; ештеңе жазылмады",
    }
    /// `regc source add` errors.
    AddUnreadable { file: String, error: String } {
        en: "cannot read {file}: {error}",
        ru: "не удаётся прочитать {file}: {error}",
        kk: "{file} оқылмады: {error}",
    }
    /// `regc source add` errors.
    AddNotUtf8 { file: String, offset: usize, line: u32 } {
        en: "{file} is not UTF-8 text: byte {offset} (line {line}) is not part of a character; if a Windows editor saved it, add --encoding windows-1251",
        ru: "{file} — не текст в UTF-8: байт {offset} (строка {line}) не входит ни в один символ; если файл сохранён редактором Windows, добавьте --encoding windows-1251",
        kk: "{file} UTF-8 мәтіні емес: {offset} байт ({line} жол) ешбір таңбаға кірмейді; файлды Windows редакторы сақтаса, --encoding windows-1251 қосыңыз",
    }
    /// `regc source add` errors.
    AddUnknownEncoding { label: String } {
        en: "{label} is not an encoding regc knows; for Cyrillic text from Windows use windows-1251",
        ru: "кодировка {label} неизвестна; для кириллицы из Windows укажите windows-1251",
        kk: "{label} кодтауы белгісіз; Windows-тағы кирилл мәтіні үшін windows-1251 көрсетіңіз",
    }
    /// `regc source add` errors.
    AddNotInEncoding { file: String, encoding: String } {
        en: "{file} is not text in {encoding}: some bytes stand for no character",
        ru: "{file} — не текст в {encoding}: некоторые байты не соответствуют символам",
        kk: "{file} {encoding} мәтіні емес: кейбір байттар таңба емес",
    }
    /// `regc source add` errors.
    AddBadName { name: String } {
        en: "«{name}» is not a plain file name ending in .txt; choose one with --as NAME.txt",
        ru: "«{name}» — не простое имя файла с окончанием .txt; выберите имя через --as ИМЯ.txt",
        kk: "«{name}» .txt деп аяқталатын қарапайым файл атауы емес; --as АТАУ.txt арқылы таңдаңыз",
    }
    /// `regc source add` errors.
    AddNameTaken { name: String } {
        en: "another document is already recorded or stored as {name}; sources are never replaced: choose another name with --as NAME.txt",
        ru: "под именем {name} уже записан или лежит другой документ; источники не заменяют: выберите другое имя через --as ИМЯ.txt",
        kk: "{name} атауымен басқа құжат жазылған не сақталған; дереккөздер ауыстырылмайды: --as АТАУ.txt арқылы басқа атау таңдаңыз",
    }
    /// `regc source add` errors.
    AddEditionUnknown { file: String } {
        en: "--edition-of {file}: no such document is recorded; record the earlier edition first",
        ru: "--edition-of {file}: такой документ не записан; сначала запишите предыдущую редакцию",
        kk: "--edition-of {file}: мұндай құжат жазылмаған; алдымен алдыңғы редакцияны жазыңыз",
    }
    /// `regc source add` errors.
    AddEditionTaken { file: String, later: String } {
        en: "{file} already has a later edition, {later}; record this one as an edition of the latest",
        ru: "у {file} уже есть более поздняя редакция, {later}; запишите этот документ как редакцию последней",
        kk: "{file} құжатының кейінгі редакциясы бар: {later}; бұл құжатты соңғысының редакциясы ретінде жазыңыз",
    }
    /// `regc source add` errors.
    AddBadDate { date: String } {
        en: "{date} is not a date; write YYYY-MM-DD",
        ru: "{date} — не дата; пишите ГГГГ-ММ-ДД",
        kk: "{date} күн емес; ЖЖЖЖ-АА-КК түрінде жазыңыз",
    }
    /// `regc source add` errors.
    AddManifest { error: String } {
        en: "the manifest cannot be read: {error}",
        ru: "манифест не удаётся прочитать: {error}",
        kk: "манифест оқылмады: {error}",
    }
    /// `regc source add` errors.
    AddWrite { path: String, error: String } {
        en: "cannot write {path}: {error}; nothing was recorded",
        ru: "не удаётся записать {path}: {error}; ничего не записано",
        kk: "{path} жазылмады: {error}; ештеңе жазылмады",
    }
    /// `regc rebase` errors.
    RebaseSyntax { path: String } {
        en: "{path} has syntax errors; run `regc check` on it and fix them first",
        ru: "в {path} синтаксические ошибки; выполните `regc check` и сначала исправьте их",
        kk: "{path} файлында синтаксис қателері бар; `regc check` іске қосып, алдымен оларды түзетіңіз",
    }
    /// `regc rebase` errors.
    RebaseSourceNotFound { path: String, file: String } {
        en: "{path} cites {file}, which is not under regulations/sources/",
        ru: "{path} ссылается на {file}, которого нет в regulations/sources/",
        kk: "{path} файлы {file} құжатына сілтейді, ол regulations/sources/ ішінде жоқ",
    }
    /// `regc rebase` errors.
    RebaseNotAnEdition { path: String, from: String, to: String } {
        en: "{path} renders {from}, and the manifest does not record {to} as a later edition of it; record it with `regc source add {to} --edition-of {from}`",
        ru: "{path} передаёт {from}, а манифест не записывает {to} как его более позднюю редакцию; запишите её: `regc source add {to} --edition-of {from}`",
        kk: "{path} файлы {from} құжатын береді, ал манифестте {to} оның кейінгі редакциясы ретінде жазылмаған; жазыңыз: `regc source add {to} --edition-of {from}`",
    }
    /// `regc rebase`: a rendition moved.
    Rebased { path: String, from: String, to: String, moved: usize, kept: usize } {
        en: "{path}: {from} → {to}: {moved} citations moved, {kept} unchanged",
        ru: "{path}: {from} → {to}: перенесено ссылок: {moved}, без изменений: {kept}",
        kk: "{path}: {from} → {to}: {moved} сілтеме көшірілді, {kept} өзгеріссіз",
    }
    /// `regc rebase`: a rendition already on the edition.
    RebaseAlready { path: String, to: String } {
        en: "{path} already renders {to}; nothing to do",
        ru: "{path} уже передаёт {to}; делать нечего",
        kk: "{path} {to} құжатын бұрыннан береді; ештеңе істелмейді",
    }
    /// `regc rebase`: a quote the new edition changed.
    RebaseChanged { path: String, line: usize, quoted: String, now: String } {
        en: "  {path}:{line}: the text changed: «{quoted}» → «{now}»",
        ru: "  {path}:{line}: текст изменился: «{quoted}» → «{now}»",
        kk: "  {path}:{line}: мәтін өзгерді: «{quoted}» → «{now}»",
    }
    /// `regc rebase`: a citation placed by the lines around it.
    RebaseApproximate { path: String, line: usize, old: String, new: String } {
        en: "  {path}:{line}: @{old} → @{new}, by the lines around it (the line itself changed): check it",
        ru: "  {path}:{line}: @{old} → @{new}, по соседним строкам (сама строка изменилась): проверьте",
        kk: "  {path}:{line}: @{old} → @{new}, көрші жолдар бойынша (жолдың өзі өзгерген): тексеріңіз",
    }
    /// `regc rebase`: what is left to the analyst.
    RebaseLeft { changed: usize } {
        en: "{changed} quotes changed in the new edition and remain errors: fix each (the new text is shown) or record a reading",
        ru: "цитат, изменившихся в новой редакции: {changed}; они остаются ошибками: исправьте каждую (новый текст показан) или запишите прочтение",
        kk: "жаңа редакцияда өзгерген дәйексөздер: {changed}; олар қате болып қалады: әрқайсысын түзетіңіз (жаңа мәтіні көрсетілген) не оқылым жазыңыз",
    }
    /// `regc rebase --dry-run`.
    RebaseDryRun {} {
        en: "nothing was written (--dry-run)",
        ru: "ничего не записано (--dry-run)",
        kk: "ештеңе жазылмады (--dry-run)",
    }
    /// A code action of the language server.
    ActionCiteThere { citation: String } {
        en: "Cite {citation}, where the text stands",
        ru: "Сослаться на {citation}, где стоит текст",
        kk: "Мәтін тұрған {citation} жолына сілтеу",
    }
    /// A code action of the language server.
    ActionQuoteSource { text: String } {
        en: "Quote the source: «{text}»",
        ru: "Процитировать источник: «{text}»",
        kk: "Дереккөзді келтіру: «{text}»",
    }
    /// A code action of the language server.
    ActionAcknowledge { code: String } {
        en: "Acknowledge {code} as a defect of the document",
        ru: "Признать {code} дефектом документа",
        kk: "{code} құжаттың ақауы деп мойындау",
    }
    /// A code action of the language server.
    ActionAddReading {} {
        en: "Record a reading of this finding",
        ru: "Записать прочтение этой находки",
        kk: "Осы табыс бойынша оқылым жазу",
    }
    /// A deadline of a step in one channel.
    DeadlineIn { deadline: String, channel: ChannelId } {
        en: "«{deadline}» in channel `{channel}`",
        ru: "«{deadline}» в канале `{channel}`",
        kk: "`{channel}` арнасында «{deadline}»",
    }
    /// A secondary label: the same step in another channel.
    SameStepThere { channel: ChannelId } {
        en: "the same step in channel `{channel}`",
        ru: "тот же шаг в канале `{channel}`",
        kk: "`{channel}` арнасындағы сол қадам",
    }
    /// A secondary label: the other language version.
    OtherVersion {} { en: "the other language version", ru: "другая языковая версия", kk: "басқа тілдік нұсқа" }
    /// A secondary label: the other rendition with the same id.
    OtherRendition {} { en: "the other rendition", ru: "другой файл", kk: "басқа файл" }
    /// A secondary label: the path a critical-path note sums up.
    CriticalPath { path: Path } { en: "path {path}", ru: "путь {path}", kk: "жол {path}" }

    /// Reading subjects.
    SubjectRegulation {} { en: "regulation", ru: "регламент", kk: "регламент" }
    /// Reading subjects.
    SubjectTitle {} { en: "title", ru: "название", kk: "атауы" }
    /// Reading subjects.
    SubjectIssuer {} { en: "issuer", ru: "издавший орган", kk: "шығарған орган" }
    /// Reading subjects.
    SubjectAct {} { en: "act", ru: "акт", kk: "акт" }
    /// Reading subjects.
    SubjectRegistration {} { en: "registration", ru: "регистрация", kk: "тіркеу" }
    /// Reading subjects.
    SubjectStatus {} { en: "status", ru: "статус", kk: "мәртебе" }
    /// Reading subjects.
    SubjectTerm {} { en: "service term", ru: "срок оказания услуги", kk: "қызмет көрсету мерзімі" }
    /// Reading subjects.
    SubjectFootnote {} { en: "footnote", ru: "сноска", kk: "ескерту" }
    /// Reading subjects.
    SubjectAbbreviation { abbr: String } { en: "abbreviation {abbr}", ru: "сокращение {abbr}", kk: "{abbr} қысқартуы" }
    /// Reading subjects.
    SubjectParticipant { id: ParticipantId } { en: "participant {id}", ru: "участник {id}", kk: "{id} қатысушысы" }
    /// Reading subjects.
    SubjectChannel { channel: ChannelId } { en: "channel {channel}", ru: "канал {channel}", kk: "{channel} арнасы" }
    /// Reading subjects.
    SubjectProcessList { channel: ChannelId } {
        en: "channel {channel}, process list",
        ru: "канал {channel}, список процессов",
        kk: "{channel} арнасы, үдерістер тізімі",
    }
    /// Reading subjects.
    SubjectProcessItem { channel: ChannelId, marker: String } {
        en: "channel {channel}, process item {marker}",
        ru: "канал {channel}, пункт списка {marker}",
        kk: "{channel} арнасы, тізім тармағы {marker}",
    }
    /// Reading subjects.
    SubjectItem { channel: ChannelId, kind: ItemKind, number: u32 } {
        en: "channel {channel}, {kind} {number}",
        ru: "канал {channel}, {kind} {number}",
        kk: "{channel} арнасы, {number} {kind}",
    }
    /// Reading subjects.
    SubjectTable { channel: ChannelId } {
        en: "channel {channel}, table",
        ru: "канал {channel}, таблица",
        kk: "{channel} арнасы, кесте",
    }
    /// Reading subjects.
    SubjectBlock { channel: ChannelId } {
        en: "channel {channel}, block",
        ru: "канал {channel}, блок",
        kk: "{channel} арнасы, блок",
    }
    /// Reading subjects.
    SubjectUseCase { channel: ChannelId } {
        en: "channel {channel}, use case",
        ru: "канал {channel}, вариант использования",
        kk: "{channel} арнасы, қолдану нұсқасы",
    }
    /// Reading subjects.
    SubjectAction { channel: ChannelId, action: u32 } {
        en: "channel {channel}, action {action}",
        ru: "канал {channel}, действие {action}",
        kk: "{channel} арнасы, {action} әрекет",
    }
    /// Reading subjects.
    SubjectActionNumber { channel: ChannelId, action: u32 } {
        en: "channel {channel}, action {action}, number",
        ru: "канал {channel}, действие {action}, номер",
        kk: "{channel} арнасы, {action} әрекет, нөмір",
    }
    /// Reading subjects.
    SubjectCell { channel: ChannelId, action: u32, column: Column } {
        en: "channel {channel}, action {action}, {column}",
        ru: "канал {channel}, действие {action}, {column}",
        kk: "{channel} арнасы, {action} әрекет, {column}",
    }
    /// Reading subjects.
    SubjectForm { form: String } { en: "form {form}", ru: "форма {form}", kk: "{form} нысаны" }
    /// Reading subjects.
    SubjectField { form: String, number: u32, column: FieldColumn } {
        en: "form {form}, field {number}, {column}",
        ru: "форма {form}, поле {number}, {column}",
        kk: "{form} нысаны, {number} өріс, {column}",
    }

    /// The columns of an action table.
    ColumnSfe {} { en: "СФЕ", ru: "СФЕ", kk: "ҚФБ" }
    /// The columns of an action table.
    ColumnDoes {} { en: "action", ru: "действие", kk: "әрекет" }
    /// The columns of an action table.
    ColumnCompletion {} { en: "completion", ru: "форма завершения", kk: "аяқталу нысаны" }
    /// The columns of an action table.
    ColumnDeadline {} { en: "deadline", ru: "срок", kk: "мерзім" }
    /// The columns of an action table.
    ColumnNext {} { en: "next", ru: "следующее действие", kk: "келесі әрекет" }
    /// The columns of an FLK table.
    ColumnName {} { en: "name", ru: "наименование", kk: "атауы" }
    /// The columns of an FLK table.
    ColumnRequired {} { en: "required", ru: "обязательность", kk: "міндеттілігі" }
    /// The columns of an FLK table.
    ColumnSize {} { en: "size", ru: "размерность", kk: "өлшемі" }
    /// The columns of an FLK table.
    ColumnFormat {} { en: "format", ru: "формат", kk: "пішімі" }

    /// Durations in totals.
    Months { n: String } { en: "{n} months", ru: "{n} мес.", kk: "{n} ай" }
    /// Durations in totals.
    CalendarDays { n: String } { en: "{n} calendar days", ru: "{n} календ. дн.", kk: "{n} күнтізбелік күн" }
    /// Durations in totals.
    WorkingDays { n: String } { en: "{n} working days", ru: "{n} раб. дн.", kk: "{n} жұмыс күні" }
    /// Durations in totals.
    Hours { n: u64 } { en: "{n} h", ru: "{n} ч", kk: "{n} сағ" }
    /// Durations in totals.
    Minutes { n: u64 } { en: "{n} min", ru: "{n} мин", kk: "{n} мин" }
    /// Durations in totals.
    Seconds { n: u64 } { en: "{n} s", ru: "{n} с", kk: "{n} сек" }

    /// Syntax errors: what the parser expected.
    Keyword { keyword: &'static str } { en: "`{keyword}`", ru: "`{keyword}`", kk: "`{keyword}`" }
    /// Syntax errors: what the parser expected.
    ExpectName {} {
        en: "a name in ASCII letters, digits and `_`",
        ru: "имя из латинских букв, цифр и `_`",
        kk: "латын әріптерінен, цифрлардан және `_` тұратын атау",
    }
    /// Syntax errors: what the parser expected.
    ExpectNumber {} { en: "a number", ru: "число", kk: "сан" }
    /// Syntax errors: what the parser expected.
    ExpectDate {} { en: "a date such as 2012-06-23", ru: "дата вида 2012-06-23", kk: "2012-06-23 түріндегі күн" }
    /// Syntax errors: what the parser expected.
    ExpectQuote {} {
        en: "a quoted text such as \"…\"",
        ru: "текст в кавычках, например \"…\"",
        kk: "тырнақшадағы мәтін, мысалы \"…\"",
    }
    /// Syntax errors: what the parser expected.
    ExpectCitation {} {
        en: "a source citation such as @12 or @12-14",
        ru: "ссылка на строку источника, например @12 или @12-14",
        kk: "дереккөз жолына сілтеме, мысалы @12 немесе @12-14",
    }
    /// Syntax errors: what the parser expected.
    ExpectCited {} {
        en: "a quoted text with its source citation, such as \"…\" @12",
        ru: "текст в кавычках со ссылкой на источник, например \"…\" @12",
        kk: "дереккөз сілтемесі бар тырнақшадағы мәтін, мысалы \"…\" @12",
    }
    /// Syntax errors: what the parser expected.
    ExpectReading {} {
        en: "a reading (`reading \"…\" because \"…\"`)",
        ru: "прочтение (`reading \"…\" because \"…\"`)",
        kk: "оқылым (`reading \"…\" because \"…\"`)",
    }
    /// Syntax errors: what the parser expected.
    ExpectLanguage {} { en: "a language code: `ru` or `kk`", ru: "код языка: `ru` или `kk`", kk: "тіл коды: `ru` немесе `kk`" }
    /// Syntax errors: what the parser expected.
    ExpectAmendsTarget {} {
        en: "what the footnote amends (`title`, `whole`, `paragraph 3`, `appendix 2`)",
        ru: "что изменяет сноска (`title`, `whole`, `paragraph 3`, `appendix 2`)",
        kk: "ескерту нені өзгертеді (`title`, `whole`, `paragraph 3`, `appendix 2`)",
    }
    /// What the parser expected.
    ExpectStatus {} {
        en: "a status: `in_force` or `repealed`",
        ru: "статус: `in_force` или `repealed`",
        kk: "мәртебе: `in_force` немесе `repealed`",
    }
    /// Syntax errors: what the parser expected.
    ExpectParticipantKind {} {
        en: "a participant kind: `unit`, `system` or `applicant`",
        ru: "вид участника: `unit`, `system` или `applicant`",
        kk: "қатысушы түрі: `unit`, `system` немесе `applicant`",
    }
    /// Syntax errors: what the parser expected.
    ExpectChannelKind {} {
        en: "a channel kind: `authority`, `center` or `portal`",
        ru: "вид канала: `authority`, `center` или `portal`",
        kk: "арна түрі: `authority`, `center` немесе `portal`",
    }
    /// Syntax errors: what the parser expected.
    ExpectScenarioKind {} { en: "`main` or `alternative`", ru: "`main` или `alternative`", kk: "`main` немесе `alternative`" }
    /// Syntax errors: what the parser expected.
    ExpectStepKind {} { en: "`process` or `condition`", ru: "`process` или `condition`", kk: "`process` немесе `condition`" }
    /// Syntax errors: what the parser expected.
    ExpectListMarker {} {
        en: "a list marker such as 6) or -",
        ru: "маркер списка, например 6) или -",
        kk: "тізім белгісі, мысалы 6) немесе -",
    }
    /// Syntax errors: what the parser expected, or found.
    EndOfFile {} { en: "the end of the file", ru: "конец файла", kk: "файлдың соңы" }
    /// Syntax errors: what the parser expected.
    ExpectSpellings {} { en: "a `{{` with spellings", ru: "`{{` с написаниями", kk: "жазылымдары бар `{{`" }
    /// Syntax errors: what the parser expected.
    ExpectProcessItem {} {
        en: "a process-list item (\"…\" @12)",
        ru: "пункт списка процессов (\"…\" @12)",
        kk: "үдерістер тізімінің тармағы (\"…\" @12)",
    }
    /// Syntax errors: what the parser expected.
    ExpectFindingCode {} {
        en: "the code of a warning, such as W0302",
        ru: "код предупреждения, например W0302",
        kk: "ескерту коды, мысалы W0302",
    }
    /// Syntax errors: what the parser expected.
    ExpectOther {} { en: "another part of the statement", ru: "другая часть утверждения", kk: "тұжырымның басқа бөлігі" }
    /// Syntax errors: between the last two alternatives.
    Or {} { en: "or", ru: "или", kk: "немесе" }
    /// Syntax errors: no alternative known.
    SomethingElse {} { en: "something else", ru: "что-то другое", kk: "басқа нәрсе" }
    /// Syntax errors: too many alternatives to list.
    ManyAlternatives { first: String, more: usize } {
        en: "{first}, or one of {more} other statements",
        ru: "{first}, или одно из ещё {more} утверждений",
        kk: "{first}, немесе тағы {more} тұжырымның бірі",
    }
    /// Syntax errors: a misspelt keyword.
    DidYouMean { keyword: &'static str } {
        en: "did you mean `{keyword}`?",
        ru: "возможно, имелось в виду `{keyword}`?",
        kk: "`{keyword}` деп жазғыңыз келді ме?",
    }
    /// Syntax errors: a number where a citation belongs.
    CitationNeedsAt { number: String } {
        en: "a citation starts with @: write @{number}",
        ru: "ссылка начинается с @: пишите @{number}",
        kk: "сілтеме @ белгісінен басталады: @{number} деп жазыңыз",
    }
    /// Syntax errors: a second range of lines without the comma before it.
    RangesNeedComma { range: String } {
        en: "the ranges of a regulation's lines are separated by commas: write `, {range}`",
        ru: "диапазоны строк регламента разделяются запятыми: пишите `, {range}`",
        kk: "регламент жолдарының ауқымдары үтірмен бөлінеді: `, {range}` деп жазыңыз",
    }
    /// Syntax errors: typographic quotes.
    StraightQuotes {} {
        en: "quotes are written with straight double quotes \"…\"; a \" inside a quote is written \\\"",
        ru: "текст берётся в прямые кавычки \"…\"; кавычка внутри пишется \\\"",
        kk: "мәтін тік тырнақшаға алынады \"…\"; ішіндегі тырнақша \\\" деп жазылады",
    }

    // ─── regc diff ─────────────────────────────────────────────────────────
    // What `regc diff` says (compiler/src/diff/): headings, the names of the
    // elements and parts that change, values, and its errors. Kept together,
    // at the end of the catalog.

    /// regc diff: a regulation only the new side has.
    DiffRegulationAdded { id: String, title: String } {
        en: "regulation {id} «{title}» added",
        ru: "добавлен регламент {id} «{title}»",
        kk: "{id} «{title}» регламенті қосылды",
    }
    /// regc diff: a regulation only the old side has.
    DiffRegulationRemoved { id: String, title: String } {
        en: "regulation {id} «{title}» removed",
        ru: "удалён регламент {id} «{title}»",
        kk: "{id} «{title}» регламенті жойылды",
    }
    /// regc diff: the heading of a regulation that changed.
    DiffRegulationChanged { id: String, title: String } {
        en: "regulation {id} «{title}»",
        ru: "регламент {id} «{title}»",
        kk: "{id} «{title}» регламенті",
    }
    /// regc diff: the heading of the readings' changes.
    DiffReadings {} { en: "readings", ru: "прочтения", kk: "оқылымдар" }
    /// regc diff: the Markdown table's column of elements.
    DiffElement {} { en: "element", ru: "элемент", kk: "элемент" }
    /// regc diff: the Markdown table's column of old values.
    DiffBefore {} { en: "before", ru: "было", kk: "бұрын" }
    /// regc diff: the Markdown table's column of new values.
    DiffAfter {} { en: "after", ru: "стало", kk: "қазір" }
    /// regc diff: a source document's edition.
    DiffEdition {} { en: "edition", ru: "редакция источника", kk: "дереккөз редакциясы" }
    /// regc diff: actions under other numbers.
    DiffRenumberedActions {} {
        en: "renumbered actions",
        ru: "перенумерованные действия",
        kk: "қайта нөмірленген әрекеттер",
    }
    /// regc diff: an FLK field's number.
    DiffNumber {} { en: "number", ru: "номер", kk: "нөмірі" }
    /// regc diff: an action.
    DiffAction { action: u32 } { en: "action {action}", ru: "действие {action}", kk: "{action} әрекет" }
    /// regc diff: an item of a process list.
    DiffProcessItem { marker: String } {
        en: "process-list item {marker}",
        ru: "пункт списка процессов {marker}",
        kk: "үдерістер тізімінің {marker} тармағы",
    }
    /// regc diff: a use case, by its place among the channel's use cases and its kind (`main`, `alternative`).
    DiffUseCase { number: usize, kind: String } {
        en: "use case {number} (`{kind}`)",
        ru: "вариант использования {number} (`{kind}`)",
        kk: "{number} қолдану нұсқасы (`{kind}`)",
    }
    /// regc diff: an FLK field.
    DiffField { number: u32, id: String } { en: "field {number} `{id}`", ru: "поле {number} `{id}`", kk: "{number} өріс `{id}`" }
    /// regc diff: an analyst's reading, by its subject.
    DiffReading { subject: String } { en: "reading ({subject})", ru: "прочтение ({subject})", kk: "оқылым ({subject})" }
    /// regc diff: an element and the part of it that changed.
    DiffPartOf { element: String, part: String } { en: "{element}, {part}", ru: "{element}, {part}", kk: "{element}, {part}" }
    /// regc diff: a value the code reads from a text that did not change.
    DiffAsRead { part: String } {
        en: "{part}, as the code reads it",
        ru: "{part}, как его читает код",
        kk: "{part}, код оқуынша",
    }
    /// regc diff: parts that change.
    DiffLanguage {} { en: "language", ru: "язык", kk: "тілі" }
    /// regc diff: parts that change.
    DiffRegion {} { en: "region", ru: "регион", kk: "өңірі" }
    /// regc diff: parts that change.
    DiffDate {} { en: "date", ru: "дата", kk: "күні" }
    /// regc diff: parts that change.
    DiffText {} { en: "text", ru: "текст", kk: "мәтіні" }
    /// regc diff: parts that change.
    DiffRepealingAct {} { en: "repealing act", ru: "отменяющий акт", kk: "күшін жойған акт" }
    /// A part of a regulation, in a diff.
    DiffFollows {} { en: "the edition it follows", ru: "предыдущая редакция", kk: "алдыңғы редакция" }
    /// A part of a regulation, in a diff.
    DiffInForce {} { en: "in force from", ru: "вступает в силу", kk: "күшіне енеді" }
    /// regc diff: parts that change.
    DiffVersionOf {} { en: "language version of", ru: "языковая версия регламента", kk: "тілдік нұсқасы" }
    /// regc diff: parts that change.
    DiffKind {} { en: "kind", ru: "вид", kk: "түрі" }
    /// regc diff: parts that change.
    DiffName {} { en: "name", ru: "наименование", kk: "атауы" }
    /// regc diff: parts that change.
    DiffSpellings {} { en: "other spellings", ru: "другие написания", kk: "басқа жазылымдары" }
    /// regc diff: parts that change.
    DiffDefinition {} { en: "definition", ru: "определение", kk: "анықтамасы" }
    /// regc diff: parts that change.
    DiffAmends {} { en: "amends", ru: "изменяет", kk: "өзгертеді" }
    /// regc diff: parts that change.
    DiffAmendingAct {} { en: "amending act", ru: "изменяющий акт", kk: "өзгерткен акт" }
    /// regc diff: parts that change.
    DiffCaption {} { en: "caption", ru: "заголовок", kk: "тақырыбы" }
    /// regc diff: parts that change.
    DiffHeading {} {
        en: "heading of the process list",
        ru: "заголовок списка процессов",
        kk: "үдерістер тізімінің тақырыбы",
    }
    /// regc diff: parts that change.
    DiffParticipant {} { en: "participant", ru: "участник", kk: "қатысушы" }
    /// regc diff: parts that change.
    DiffBlock {} { en: "block", ru: "блок", kk: "блок" }
    /// regc diff: parts that change.
    DiffCovers {} {
        en: "process-list items it carries out",
        ru: "выполняемые пункты списка процессов",
        kk: "орындайтын тізім тармақтары",
    }
    /// regc diff: parts that change.
    DiffPath {} { en: "actions", ru: "действия", kk: "әрекеттері" }
    /// regc diff: parts that change.
    DiffUseText { action: u32 } {
        en: "text for action {action}",
        ru: "текст для действия {action}",
        kk: "{action} әрекетке арналған мәтін",
    }
    /// regc diff: parts that change.
    DiffReadingText {} { en: "reading", ru: "прочтение", kk: "оқылым" }
    /// regc diff: parts that change.
    DiffBecause {} { en: "reason", ru: "обоснование", kk: "негіздемесі" }
    /// regc diff: a reading added or removed.
    DiffReadAs { reading: String, because: String } {
        en: "read as «{reading}» because «{because}»",
        ru: "прочитано как «{reading}», обоснование: «{because}»",
        kk: "«{reading}» деп оқылды, негіздемесі: «{because}»",
    }
    /// regc diff: a free-standing reading added or removed.
    DiffReasonOnly { because: String } {
        en: "because «{because}»",
        ru: "обоснование: «{because}»",
        kk: "негіздемесі: «{because}»",
    }
    /// regc diff: no text, an empty cell.
    DiffEmpty {} { en: "(empty)", ru: "(пусто)", kk: "(бос)" }
    /// regc diff: no value.
    DiffNone {} { en: "none", ru: "нет", kk: "жоқ" }
    /// regc diff: yes.
    DiffYes {} { en: "yes", ru: "да", kk: "иә" }
    /// regc diff: no.
    DiffNo {} { en: "no", ru: "нет", kk: "жоқ" }
    /// regc diff: a next-action cell that ends the service.
    DiffEnd {} { en: "end of the service", ru: "конец услуги", kk: "қызметтің соңы" }
    /// regc diff: the number an old action has on the new side.
    DiffNow { number: u32 } { en: "now {number}", ru: "теперь {number}", kk: "қазір {number}" }
    /// regc diff: an old action gone from the new side.
    DiffGone {} { en: "removed", ru: "удалено", kk: "жойылды" }
    /// regc diff: a deadline cell that states no deadline.
    DiffNoDeadline {} { en: "no deadline", ru: "без срока", kk: "мерзімсіз" }
    /// regc diff: a deadline cell the compiler could not read.
    DiffUnreadable {} { en: "not read", ru: "не прочитан", kk: "оқылмаған" }
    /// regc diff: a time limit.
    DiffAtMost { max: String } { en: "at most {max}", ru: "не более {max}", kk: "ең көбі {max}" }
    /// regc diff: a time limit.
    DiffWithin { max: String } { en: "within {max}", ru: "в течение {max}", kk: "{max} ішінде" }
    /// regc diff: a time limit.
    DiffRange { min: String, max: String } { en: "from {min} to {max}", ru: "от {min} до {max}", kk: "{min} бастап {max} дейін" }
    /// regc diff: the maximum in exceptional cases.
    DiffExceptional { max: String } {
        en: "in exceptional cases up to {max}",
        ru: "в исключительных случаях до {max}",
        kk: "ерекше жағдайларда {max} дейін",
    }
    /// regc diff: days of unstated kind, counted as working days.
    DiffCountedWorking {} { en: "counted in working days", ru: "в рабочих днях", kk: "жұмыс күндерімен" }
    /// regc diff: days of unstated kind, counted as calendar days.
    DiffCountedCalendar {} { en: "counted in calendar days", ru: "в календарных днях", kk: "күнтізбелік күндермен" }
    /// regc diff: a term that starts on the working day after reception.
    DiffFromNextDay {} {
        en: "counted from the working day after reception",
        ru: "со следующего рабочего дня после приёма",
        kk: "қабылдаудан кейінгі жұмыс күнінен бастап",
    }
    /// regc diff: when a deadline applies.
    DiffWhen { condition: String } { en: "when «{condition}»", ru: "при условии «{condition}»", kk: "«{condition}» жағдайында" }
    /// regc diff: quantities of time.
    DiffSeconds { n: String } { en: "{n} s", ru: "{n} с", kk: "{n} сек" }
    /// regc diff: quantities of time.
    DiffMinutes { n: String } { en: "{n} min", ru: "{n} мин", kk: "{n} мин" }
    /// regc diff: quantities of time.
    DiffHours { n: String } { en: "{n} h", ru: "{n} ч", kk: "{n} сағ" }
    /// regc diff: quantities of time.
    DiffDays { n: String } { en: "{n} days", ru: "{n} дн.", kk: "{n} күн" }
    /// regc diff: the working tree, as a side.
    DiffWorkingTree {} { en: "the working tree", ru: "рабочая копия", kk: "жұмыс көшірмесі" }
    /// regc diff: the summary when something changed.
    DiffSummary { changes: usize, regulations: usize, old: String, new: String } {
        en: "{changes} change(s) in {regulations} regulation(s) between {old} and {new}",
        ru: "изменений: {changes}, регламентов: {regulations} (между {old} и {new})",
        kk: "өзгеріс: {changes}, регламент: {regulations} ({old} мен {new} арасында)",
    }
    /// regc diff: the summary when nothing changed.
    DiffNoChanges { old: String, new: String } {
        en: "no changes in the law between {old} and {new}",
        ru: "между {old} и {new} изменений в регламентах нет",
        kk: "{old} мен {new} арасында регламенттерде өзгеріс жоқ",
    }
    /// regc diff: a side does not compile.
    DiffSideBroken { side: String, errors: usize } {
        en: "{side} does not compile ({errors} error(s) above); nothing compared: fix it, or compare other revisions",
        ru: "{side} не компилируется (ошибок выше: {errors}); сравнение не выполнено: исправьте ошибки или сравните другие ревизии",
        kk: "{side} компиляцияланбайды (жоғарыда {errors} қате); салыстырылмады: қателерді түзетіңіз немесе басқа ревизияларды салыстырыңыз",
    }
    /// regc diff: a revision asked for outside a git repository.
    DiffNotGit { revision: String, folder: String } {
        en: "`{revision}` is not a file or folder, and {folder} is not in a git repository, so it cannot be a revision; name two renditions or folders to compare",
        ru: "`{revision}` — не файл и не папка, а {folder} не в git-репозитории, поэтому это и не ревизия; укажите два файла или две папки для сравнения",
        kk: "`{revision}` файл да, бума да емес, ал {folder} git репозиторийінде емес, сондықтан ол ревизия да бола алмайды; салыстыру үшін екі файлды немесе бумаларды көрсетіңіз",
    }
    /// regc diff: a revision git does not know.
    DiffUnknownRevision { revision: String } {
        en: "`{revision}` is neither a file or folder nor a revision of this repository; list revisions with `git log --oneline`",
        ru: "`{revision}` — не файл, не папка и не ревизия этого репозитория; список ревизий: `git log --oneline`",
        kk: "`{revision}` файл да, бума да, осы репозиторийдің ревизиясы да емес; ревизиялар тізімі: `git log --oneline`",
    }
    /// regc diff: a path that does not exist.
    DiffPathMissing { path: String } {
        en: "{path} does not exist; name a rendition file, a folder of renditions, or a git revision",
        ru: "{path} не существует; укажите файл, папку с файлами регламентов или ревизию git",
        kk: "{path} жоқ; регламент файлын, файлдар бумасын немесе git ревизиясын көрсетіңіз",
    }
    /// regc diff: a revision without the regulations/ folder.
    DiffNoFolderAt { revision: String, folder: String } {
        en: "revision `{revision}` has no {folder} folder",
        ru: "в ревизии `{revision}` нет папки {folder}",
        kk: "`{revision}` ревизиясында {folder} бумасы жоқ",
    }
    /// regc diff: a side with no renditions.
    DiffNoRenditions { side: String } {
        en: "{side} has no renditions (*.reglament)",
        ru: "в {side} нет файлов регламентов (*.reglament)",
        kk: "{side} ішінде регламент файлдары (*.reglament) жоқ",
    }
    /// regc diff: no regulations/ folder to take the working tree from.
    DiffNoRoot {} {
        en: "no regulations/ folder here or above; run regc diff in the workspace, or name two renditions or folders",
        ru: "здесь и выше нет папки regulations/; запустите regc diff в рабочей папке или укажите два файла или две папки",
        kk: "мұнда және жоғарыда regulations/ бумасы жоқ; regc diff-ті жұмыс бумасында іске қосыңыз немесе екі файлды не буманы көрсетіңіз",
    }
    /// regc diff: git could not be run, or failed unexpectedly.
    DiffGitFailed { error: String } {
        en: "git failed: {error}",
        ru: "ошибка git: {error}",
        kk: "git қатесі: {error}",
    }
    /// regc diff: a file system operation failed.
    DiffIoFailed { path: String, error: String } {
        en: "cannot use {path}: {error}",
        ru: "не удаётся использовать {path}: {error}",
        kk: "{path} пайдалану мүмкін емес: {error}",
    }

    // ─── regc import ───────────────────────────────────────────────────────
    // What `regc import` writes into a draft (comments where it guessed,
    // questions it leaves open: in the draft's language) and what it says
    // on the command line. Kept together, at the end of the catalog.

    /// regc import: the comment that opens a draft.
    ImportHeader { file: String, first: u32, last: u32 } {
        en: "A draft written by `regc import` from {file}, lines {first}-{last}. Check every statement against the text, decide every `undecided`, read every comment that starts with «import:», then delete this comment.",
        ru: "Черновик, составленный `regc import` по {file}, строки {first}-{last}. Сверьте каждое утверждение с текстом, решите каждое `undecided`, прочтите каждый комментарий «импорт:», затем удалите этот комментарий.",
        kk: "{file} файлының {first}-{last} жолдарынан `regc import` жасаған жоба. Әр тұжырымды мәтінмен салыстырыңыз, әр `undecided` мәселесін шешіңіз, «импорт:» деп басталатын әр түсініктемені оқыңыз, содан кейін осы түсініктемені өшіріңіз.",
    }
    /// regc import: the word that opens each of the importer's comments.
    ImportPrefix {} { en: "import", ru: "импорт", kk: "импорт" }
    /// regc import: no title found.
    ImportNoTitle {} {
        en: "no title in quotation marks was found near the start of the lines: add `title \"…\" @N`",
        ru: "название в кавычках в начале строк не найдено: добавьте `title \"…\" @N`",
        kk: "жолдардың басында тырнақшадағы атау табылмады: `title \"…\" @N` қосыңыз",
    }
    /// regc import: no approving body or act found.
    ImportNoIssuer {} {
        en: "the lines name no approving body and act («к постановлению …», «… әкімдігінің … қаулысымен бекітілген»): add `issuer` and `act` if the decree names them",
        ru: "в строках не названы утвердивший орган и акт («к постановлению …»): добавьте `issuer` и `act`, если их называет постановление",
        kk: "жолдарда бекіткен орган мен акт аталмаған («… әкімдігінің … қаулысымен бекітілген»): қаулы атаса, `issuer` пен `act` қосыңыз",
    }
    /// regc import: the issuer's region is not in the documented list.
    ImportNoRegion {} {
        en: "the issuer's region is not one of docs/language.md's list: add `region ID` after the issuer",
        ru: "региона издавшего органа нет в списке docs/language.md: добавьте `region ID` после issuer",
        kk: "шығарған органның өңірі docs/language.md тізімінде жоқ: issuer-ден кейін `region ID` қосыңыз",
    }
    /// regc import: a repeal's date is its act's.
    ImportRepealDate {} {
        en: "the date is the repealing act's; check whether the text says when the repeal took effect",
        ru: "дата — дата отменяющего акта; проверьте, не сказано ли в тексте, когда отмена вступила в силу",
        kk: "күні — күшін жойған актінің күні; күшін жою қашан қолданысқа енгізілгенін мәтіннің айтпайтынын тексеріңіз",
    }
    /// regc import: where the abbreviations come from.
    ImportAbbreviationsFrom { line: u32 } {
        en: "abbreviations defined in the paragraph at line {line} («(далее – X)», «(бұдан әрі – X)», «X – …»); others the text uses are reported by `regc check` (W0302)",
        ru: "сокращения, определённые в пункте со строки {line} («(далее – X)», «X – …»); остальные, которые употребляет текст, покажет `regc check` (W0302)",
        kk: "{line}-жолдағы тармақта анықталған қысқартулар («(бұдан әрі – X)», «X – …»); мәтін қолданатын басқаларын `regc check` көрсетеді (W0302)",
    }
    /// regc import: no abbreviations paragraph.
    ImportNoAbbreviations {} {
        en: "no paragraph of terms and abbreviations («Понятия и сокращения», «Ұғымдар мен қысқартулар») was found",
        ru: "пункт «Понятия и сокращения» не найден",
        kk: "«Ұғымдар мен қысқартулар» тармағы табылмады",
    }
    /// regc import: a letter-spaced abbreviation.
    ImportLetterSpaced { short: String, joined: String } {
        en: "«{short}» is letter-spaced; the text probably writes it «{joined}»: if so, record `abbreviation \"{short}\" reading \"{joined}\" because \"…\"`",
        ru: "«{short}» набрано вразрядку; в тексте, вероятно, пишется «{joined}»: если так, запишите `abbreviation \"{short}\" reading \"{joined}\" because \"…\"`",
        kk: "«{short}» әріптері бөлек терілген; мәтінде, сірә, «{joined}» деп жазылады: солай болса, `abbreviation \"{short}\" reading \"{joined}\" because \"…\"` деп жазыңыз",
    }
    /// regc import: how the participants were drafted.
    ImportParticipants {} {
        en: "participants: whoever acts in the tables (their СФЕ cells), named where the text lists them; kinds guessed from the names (ИС, АЖ, portals and gateways are systems), ids transliterated",
        ru: "участники: все, кто действует в таблицах (ячейки СФЕ), с названием из перечня, где текст их перечисляет; вид угадан по названию (ИС, АЖ, порталы и шлюзы — system), id — транслитерация",
        kk: "қатысушылар: кестелерде әрекет ететіндердің бәрі (ҚФБ ұяшықтары), мәтін оларды тізген жерден атауымен; түрі атауынан болжанды (АЖ, порталдар мен шлюздер — system), id — транслитерация",
    }
    /// regc import: a participant named only in the tables.
    ImportParticipantFromTable {} {
        en: "not found in a list of participants: named as its first table cell",
        ru: "в перечне участников не найден: назван по первой ячейке таблицы",
        kk: "қатысушылар тізімінде табылмады: кестенің алғашқы ұяшығы бойынша аталды",
    }
    /// regc import: spellings grouped under one participant.
    ImportSpellingsGrouped {} {
        en: "spellings grouped as one participant: the same words in another case, spacing or order",
        ru: "написания отнесены к одному участнику: те же слова в другом регистре, с другими пробелами или в другом порядке",
        kk: "жазылымдар бір қатысушыға жатқызылды: сол сөздер басқа регистрде, басқа бос орындармен немесе басқа ретпен",
    }
    /// regc import: a channel's kind and id, and the words they come from.
    ImportChannelKind { words: String } {
        en: "kind and id from «{words}»",
        ru: "вид и id канала — по словам «{words}»",
        kk: "арнаның түрі мен id-і «{words}» сөздері бойынша",
    }
    /// regc import: a channel whose kind the words do not say.
    ImportChannelKindUnknown {} {
        en: "the caption and the list do not say which channel this is: its kind is a guess",
        ru: "ни заголовок таблицы, ни список не говорят, какой это канал: вид канала угадан",
        kk: "кесте тақырыбы да, тізім де бұл қай арна екенін айтпайды: арна түрі болжанды",
    }
    /// regc import: a table whose caption is the line above it.
    ImportCaptionGuessed {} {
        en: "this table has no caption of the usual form («Таблица N», «N-кесте»): the line above it is quoted as its caption",
        ru: "у таблицы нет подписи обычного вида («Таблица N»): подписью взята строка над ней",
        kk: "кестенің әдеттегі тақырыбы жоқ («N-кесте»): тақырып ретінде оның үстіндегі жол алынды",
    }
    /// regc import: loose text read as part of a cell.
    ImportLooseText { text: String } {
        en: "«{text}» stands on a line of its own between the table's rows: it was read as part of this action's cell",
        ru: "«{text}» стоит в отдельной строке между строками таблицы: прочитано как часть ячейки этого действия",
        kk: "«{text}» кестенің жолдары арасында жеке жолда тұр: осы әрекеттің ұяшығының бөлігі ретінде оқылды",
    }
    /// regc import: a number cell that is not a number.
    ImportNotANumber { text: String, line: u32 } {
        en: "the action number «{text}» (line {line}) is not a number: that action is not drafted",
        ru: "номер действия «{text}» (строка {line}) — не число: это действие не перенесено",
        kk: "«{text}» әрекет нөмірі ({line}-жол) сан емес: бұл әрекет көшірілмеді",
    }
    /// regc import: a use-case table the importer does not draft.
    ImportUseCaseSkipped { line: u32 } {
        en: "the use-case table at line {line} is not drafted: write it as `scenario main|alternative` if you need it",
        ru: "таблица вариантов использования в строке {line} не перенесена: при необходимости запишите её как `scenario main|alternative`",
        kk: "{line}-жолдағы қолдану нұсқаларының кестесі көшірілмеді: қажет болса, оны `scenario main|alternative` деп жазыңыз",
    }
    /// regc import: an FLK field that holds an IIN but is formatted as digits.
    ImportIinFormat { format: String, read: String } {
        en: "this field holds an IIN, but the FLK says «{format}»: to check it as an IIN, record `reading \"{read}\" because \"…\"` after the format",
        ru: "в поле ИИН, а ФЛК указывает «{format}»: чтобы проверять его как ИИН, запишите после формата `reading \"{read}\" because \"…\"`",
        kk: "өрісте ЖСН, ал ФЛК «{format}» дейді: оны ЖСН ретінде тексеру үшін пішімнен кейін `reading \"{read}\" because \"…\"` деп жазыңыз",
    }
    /// regc import, a question: a next-action cell naming actions the table does not have.
    ImportNextNowhere { action: u32, next: String, missing: String } {
        en: "the next-action cell «{next}» of action {action} names action {missing}, which the table does not have: which action comes next?",
        ru: "ячейка «{next}» следующего действия действия {action} называет действие {missing}, которого в таблице нет: какое действие следующее?",
        kk: "{action} әрекеттің «{next}» келесі әрекет ұяшығы кестеде жоқ {missing} әрекетті атайды: келесі әрекет қайсы?",
    }
    /// regc import, a question: a next-action cell pointing back.
    ImportNextBack { action: u32, next: String, target: u32 } {
        en: "the next-action cell «{next}» of action {action} leads back to action {target}: a loop the service really makes, or a row of the table shifted or repeated?",
        ru: "ячейка «{next}» следующего действия действия {action} ведёт назад, к действию {target}: это настоящий цикл услуги или сдвинутая либо повторённая строка таблицы?",
        kk: "{action} әрекеттің «{next}» келесі әрекет ұяшығы кері, {target} әрекетке апарады: бұл қызметтің шын циклі ме, әлде кестенің жылжыған не қайталанған жолы ма?",
    }
    /// regc import, a question: a next-action cell that skips an action nothing leads to.
    ImportNextSkips { action: u32, next: String, skipped: u32 } {
        en: "the next-action cell «{next}» of action {action} skips action {skipped}, which nothing leads to: is the row shifted, or is action {skipped} never taken?",
        ru: "ячейка «{next}» следующего действия действия {action} пропускает действие {skipped}, к которому ничто не ведёт: строка сдвинута или действие {skipped} не выполняется?",
        kk: "{action} әрекеттің «{next}» келесі әрекет ұяшығы ешнәрсе апармайтын {skipped} әрекетті өткізіп жібереді: жол жылжыған ба, әлде {skipped} әрекет орындалмай ма?",
    }
    /// regc import, a question: an action that ends the service before actions nothing else leads to.
    ImportEndsEarly { action: u32, next: String, skipped: u32 } {
        en: "action {action} ends the service («{next}»), but action {skipped} follows it and nothing leads to it: does the service end here, or go on to action {skipped}?",
        ru: "действие {action} завершает услугу («{next}»), но за ним идёт действие {skipped}, к которому ничто не ведёт: услуга заканчивается здесь или переходит к действию {skipped}?",
        kk: "{action} әрекет қызметті аяқтайды («{next}»), бірақ одан кейін ешнәрсе апармайтын {skipped} әрекет тұр: қызмет осында аяқтала ма, әлде {skipped} әрекетке өте ме?",
    }
    /// regc import, a question: an action nothing leads to.
    ImportUnreached { action: u32 } {
        en: "nothing leads to action {action}: which action comes before it?",
        ru: "к действию {action} ничто не ведёт: какое действие ему предшествует?",
        kk: "{action} әрекетке ешнәрсе апармайды: оның алдында қай әрекет тұр?",
    }
    /// regc import, a question: an empty next-action cell.
    ImportNextEmpty { action: u32 } {
        en: "the next-action cell of action {action} is empty: does the service end here («-»), or go on?",
        ru: "ячейка следующего действия действия {action} пуста: услуга здесь заканчивается («-») или продолжается?",
        kk: "{action} әрекеттің келесі әрекет ұяшығы бос: қызмет осында аяқтала ма («-»), әлде жалғаса ма?",
    }
    /// regc import, a question: a next-action cell the compiler cannot read.
    ImportNextUnreadable { action: u32, next: String } {
        en: "the next-action cell «{next}» of action {action} is not a number, «-» or targets with conditions: which action comes next?",
        ru: "ячейка следующего действия «{next}» действия {action} — не номер, не «-» и не переходы с условиями: какое действие следующее?",
        kk: "{action} әрекеттің «{next}» келесі әрекет ұяшығы нөмір де, «-» де, шарттары бар өтулер де емес: келесі әрекет қайсы?",
    }
    /// regc import, a question: a deadline the compiler cannot read.
    ImportDeadlineUnreadable { action: u32, deadline: String } {
        en: "the deadline «{deadline}» of action {action} is in no phrasing the compiler knows (docs/language.md): what is the deadline?",
        ru: "срок «{deadline}» действия {action} записан так, как компилятор не читает (docs/language.md): каков срок?",
        kk: "{action} әрекеттің «{deadline}» мерзімі компилятор білетін тұжырымда жазылмаған (docs/language.md): мерзімі қандай?",
    }
    /// regc import, a question: a list with conditions, a table without branches.
    ImportTableLinear { conditions: String } {
        en: "the process list has {conditions}, but no action of the table branches: how does the table carry them out (a refusal, say)?",
        ru: "в списке процессов есть {conditions}, а в таблице ни одно действие не ветвится: как таблица их выполняет (например, отказ)?",
        kk: "үдерістер тізімінде {conditions} бар, ал кестеде бірде-бір әрекет тармақталмайды: кесте оларды қалай орындайды (мысалы, бас тарту)?",
    }
    /// regc import, a question: a condition in a channel without a table.
    ImportConditionLeads { label: String } {
        en: "«{label}»: where does each outcome lead (`leads process N, process M because \"…\"`), and does a refusal end the service (`ends because \"…\"` on that process)?",
        ru: "«{label}»: куда ведёт каждый исход (`leads process N, process M because \"…\"`) и завершает ли отказ услугу (`ends because \"…\"` у этого процесса)?",
        kk: "«{label}»: әр нәтиже қайда апарады (`leads process N, process M because \"…\"`) және бас тарту қызметті аяқтай ма (сол үдерісте `ends because \"…\"`)?",
    }
    /// regc import, a question: a process list with no table in a regulation that has tables.
    ImportListWithoutTable {} {
        en: "no action table was found for this process list: is a table missing from the text, or does the channel follow its list?",
        ru: "для этого списка процессов таблица действий не найдена: таблицы нет в тексте или канал следует своему списку?",
        kk: "бұл үдерістер тізіміне әрекеттер кестесі табылмады: мәтінде кесте жоқ па, әлде арна өз тізімі бойынша жүре ме?",
    }
    /// regc import, a question: a list and a table paired by order that name different channels.
    ImportKindsDiffer { list: String, table: String } {
        en: "the process list is about «{list}» but the table about «{table}»: do they describe the same channel?",
        ru: "список процессов говорит о «{list}», а таблица — о «{table}»: описывают ли они один канал?",
        kk: "үдерістер тізімі «{list}» туралы, ал кесте «{table}» туралы: олар бір арнаны сипаттай ма?",
    }
    /// regc import, a question: an FLK cell the compiler cannot read.
    ImportFlkUnreadable { field: u32, text: String } {
        en: "the FLK cell «{text}» of field {field} is not a known value (docs/language.md, Forms): what does it mean?",
        ru: "ячейку ФЛК «{text}» поля {field} компилятор не знает (docs/language.md, Forms): что она значит?",
        kk: "{field} өрістің «{text}» ФЛК ұяшығын компилятор білмейді (docs/language.md, Forms): ол нені білдіреді?",
    }
    /// regc import: the summary of what was drafted.
    ImportDrafted { id: String, abbreviations: usize, participants: usize, channels: usize, lists: usize, tables: usize, actions: usize, cells: usize, forms: usize, fields: usize } {
        en: "drafted `{id}`: {abbreviations} abbreviation(s), {participants} participant(s), {channels} channel(s) with {lists} process list(s) and {tables} action table(s) ({actions} actions, {cells} cells), {forms} form(s) with {fields} FLK field(s)",
        ru: "составлен черновик `{id}`: сокращений: {abbreviations}, участников: {participants}, каналов: {channels}, в них списков процессов: {lists}, таблиц действий: {tables} (действий: {actions}, ячеек: {cells}), форм: {forms}, полей ФЛК: {fields}",
        kk: "`{id}` жобасы жасалды: қысқарту: {abbreviations}, қатысушы: {participants}, арна: {channels}, оларда үдерістер тізімі: {lists}, әрекеттер кестесі: {tables} (әрекет: {actions}, ұяшық: {cells}), нысан: {forms}, ФЛК өрісі: {fields}",
    }
    /// regc import: how many questions are left open.
    ImportOpen { count: usize } {
        en: "left to decide: {count}, each an `undecided` line that fails `regc check` until you record your reading and delete it:",
        ru: "осталось решить: {count}; каждое — строка `undecided`, на которой `regc check` выдаёт ошибку, пока вы не запишете прочтение и не удалите её:",
        kk: "шешілуі керек: {count}; әрқайсысы — `undecided` жолы, оқылымды жазып, оны өшірмейінше `regc check` қате береді:",
    }
    /// regc import: one question left open, at its line of the draft.
    ImportOpenItem { line: usize, question: String } {
        en: "  line {line}: {question}",
        ru: "  строка {line}: {question}",
        kk: "  {line}-жол: {question}",
    }
    /// regc import: nothing left open.
    ImportNothingOpen {} {
        en: "nothing left to decide",
        ru: "решать нечего",
        kk: "шешетін ештеңе жоқ",
    }
    /// regc import: how many guesses to review.
    ImportGuesses { count: usize } {
        en: "guesses to review: {count} (comments starting with «import:»)",
        ru: "догадок для проверки: {count} (комментарии «импорт:»)",
        kk: "тексерілетін болжам: {count} («импорт:» түсініктемелері)",
    }
    /// regc import: the draft has errors besides its questions.
    ImportDraftErrors { count: usize, codes: String } {
        en: "`regc check` also reports {count} other error(s) ({codes}), most about the same places: run it on the draft",
        ru: "`regc check` сообщит и о других ошибках: {count} ({codes}), большей частью о тех же местах; запустите его для черновика",
        kk: "`regc check` басқа қателерді де көрсетеді: {count} ({codes}), көбі сол орындар туралы; оны жоба үшін іске қосыңыз",
    }
    /// regc import: where the draft was written.
    ImportWritten { path: String } {
        en: "written to {path}",
        ru: "записано в {path}",
        kk: "{path} файлына жазылды",
    }
    /// regc import: the text is in another language than --lang says.
    ImportLanguageMismatch { lang: String, looks: String } {
        en: "warning: the lines look {looks}, but --lang is {lang}",
        ru: "предупреждение: строки похожи на {looks} текст, а --lang — {lang}",
        kk: "ескерту: жолдар {looks} мәтінге ұқсайды, ал --lang — {lang}",
    }
    /// regc import: the Russian language, as a word.
    ImportRussian {} { en: "Russian", ru: "русский", kk: "орыс тіліндегі" }
    /// regc import: the Kazakh language, as a word.
    ImportKazakh {} { en: "Kazakh", ru: "казахский", kk: "қазақ тіліндегі" }
    /// regc import: the draft's language was not given.
    ImportNeedsLanguage {} {
        en: "regc import drafts a rendition in Russian or Kazakh: give the document's language with --lang ru or --lang kk",
        ru: "regc import составляет черновик на русском или казахском: укажите язык документа, --lang ru или --lang kk",
        kk: "regc import жобаны орыс немесе қазақ тілінде жасайды: құжаттың тілін --lang ru немесе --lang kk деп көрсетіңіз",
    }
    /// regc import: --lines is not a range.
    ImportBadLines { text: String } {
        en: "--lines {text} is not a range of lines: write it as A-B, such as --lines 1251-2297 (lines count from 1)",
        ru: "--lines {text} — не диапазон строк: пишите A-B, например --lines 1251-2297 (строки считаются с 1)",
        kk: "--lines {text} жолдар ауқымы емес: A-B деп жазыңыз, мысалы --lines 1251-2297 (жолдар 1-ден саналады)",
    }
    /// regc import: the range goes past the document's end.
    ImportPastEnd { first: u32, last: u32, file: String, count: u32 } {
        en: "lines {first}-{last} are outside {file}, which has {count} lines: nothing written",
        ru: "строки {first}-{last} выходят за пределы {file}, в котором {count} строк: ничего не записано",
        kk: "{first}-{last} жолдар {file} шегінен шығады, онда {count} жол бар: ештеңе жазылмады",
    }
    /// regc import: no regulation in the range.
    ImportNoRegulation { first: u32, last: u32, file: String } {
        en: "lines {first}-{last} of {file} hold no regulation: no process list («процесс 1 –», «1-үдеріс –») and no action table was found there; nothing written. Give the lines from the regulation's title to its last appendix",
        ru: "в строках {first}-{last} файла {file} нет регламента: ни списка процессов («процесс 1 –»), ни таблицы действий; ничего не записано. Укажите строки от названия регламента до его последнего приложения",
        kk: "{file} файлының {first}-{last} жолдарында регламент жоқ: үдерістер тізімі де («1-үдеріс –»), әрекеттер кестесі де табылмады; ештеңе жазылмады. Регламенттің атауынан соңғы қосымшасына дейінгі жолдарды көрсетіңіз",
    }
    /// regc import: the source is not found.
    ImportSourceUnknown { name: String, folder: String } {
        en: "no source document {name} in {folder} and no such file: name a file recorded there (`regc source list`), or record the document first with `regc source add FILE`; nothing written",
        ru: "исходного документа {name} нет в {folder}, и такого файла нет: укажите записанный там файл (`regc source list`) или сначала запишите документ командой `regc source add ФАЙЛ`; ничего не записано",
        kk: "{folder} ішінде {name} бастапқы құжаты жоқ, мұндай файл да жоқ: онда жазылған файлды көрсетіңіз (`regc source list`) немесе алдымен құжатты `regc source add ФАЙЛ` командасымен жазыңыз; ештеңе жазылмады",
    }
    /// regc import: a file outside the sources folder.
    ImportNotASource { path: String, folder: String } {
        en: "{path} is not in {folder}: a rendition quotes recorded sources only; record it with `regc source add {path}`, then import it by its new name; nothing written",
        ru: "{path} не лежит в {folder}: черновик может цитировать только записанные источники; запишите его командой `regc source add {path}` и импортируйте под новым именем; ничего не записано",
        kk: "{path} файлы {folder} ішінде емес: жоба тек жазылған дереккөздерден дәйексөз алады; оны `regc source add {path}` командасымен жазып, жаңа атауымен импорттаңыз; ештеңе жазылмады",
    }
    /// regc import: no sources folder.
    ImportNoSources {} {
        en: "no regulations/sources/ folder here or above: run regc import in the workspace, or pass --sources DIR; nothing written",
        ru: "здесь и выше нет папки regulations/sources/: запустите regc import в рабочей папке или укажите --sources DIR; ничего не записано",
        kk: "мұнда және жоғарыда regulations/sources/ бумасы жоқ: regc import-ты жұмыс бумасында іске қосыңыз немесе --sources DIR көрсетіңіз; ештеңе жазылмады",
    }
    /// regc import: the output file exists.
    ImportExists { path: String } {
        en: "{path} exists: the draft was not written over it; choose another --out, or add --force to replace it",
        ru: "{path} уже существует: черновик поверх него не записан; выберите другой --out или добавьте --force, чтобы заменить файл",
        kk: "{path} бар: жоба оның үстіне жазылмады; басқа --out таңдаңыз немесе ауыстыру үшін --force қосыңыз",
    }
    /// regc import: the draft could not be written.
    ImportWriteFailed { path: String, error: String } {
        en: "cannot write {path}: {error}; nothing written",
        ru: "не удаётся записать {path}: {error}; ничего не записано",
        kk: "{path} жазылмады: {error}; ештеңе жазылмады",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fills_the_same_placeholders() {
        let holes = |t: &str| {
            let t = t.replace("{{", "").replace("}}", "");
            let mut v: Vec<String> =
                t.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(n, _)| n.to_string()).collect();
            v.sort();
            v
        };
        for (name, [en, ru, kk]) in Phrase::templates() {
            assert_eq!(holes(en), holes(ru), "{name} ru");
            assert_eq!(holes(en), holes(kk), "{name} kk");
        }
    }
}
