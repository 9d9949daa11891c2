//! The catalog of diagnostics: per message its code, severity, and its
//! texts in English, Russian and Kazakh, side by side. docs/checks.md says
//! what each code checks.

use super::{
    messages, Also, Cells, Differences, Expectations, Found, ItemNames, Lines, List, Path, Phrase, StepDeadlines,
    Subject, SyntaxHint, Tokens, Unit, Written,
};
use crate::check::Total;
use crate::model::{ChannelId, Column, ItemKind, ParticipantId, RegulationId};

messages! {
    /// E0001: A syntax error: the parser expected something else.
    SyntaxExpected { expected: Expectations, found: Found, hint: SyntaxHint } = E0001 Error {
        en: "expected {expected}, found {found}" => "{hint}",
        ru: "ожидается {expected}, найдено {found}" => "{hint}",
        kk: "күтілген {expected}, табылғаны {found}" => "{hint}",
    }
    /// E0001: A statement given twice.
    GivenTwice { what: &'static str } = E0001 Error {
        en: "`{what}` is given twice" => "keep one `{what}` statement and delete the other",
        ru: "`{what}` указано дважды" => "оставьте одно утверждение `{what}`, другое удалите",
        kk: "`{what}` екі рет берілген" => "бір `{what}` тұжырымын қалдырып, екіншісін өшіріңіз",
    }
    /// E0001: A number too large.
    NumberTooLarge { text: String } = E0001 Error {
        en: "the number {text} is too large",
        ru: "число {text} слишком велико",
        kk: "{text} саны тым үлкен",
    }
    /// E0001: A citation that is not a line range.
    BadCitation { text: String } = E0001 Error {
        en: "the citation {text} is not a line range of the source"
            => "source lines count from 1, and a range goes forward: @12-14",
        ru: "ссылка {text} не является диапазоном строк источника"
            => "строки источника считаются с 1, диапазон идёт вперёд: @12-14",
        kk: "{text} сілтемесі дереккөз жолдарының ауқымы емес"
            => "дереккөз жолдары 1-ден саналады, ауқым алға қарай жүреді: @12-14",
    }
    /// E0001: A date that does not exist.
    BadDate { text: String } = E0001 Error {
        en: "{text} is not a calendar date" => "write dates as YYYY-MM-DD",
        ru: "{text} — не календарная дата" => "пишите даты как ГГГГ-ММ-ДД",
        kk: "{text} күнтізбелік күн емес" => "күндерді ЖЖЖЖ-АА-КК түрінде жазыңыз",
    }
    /// E0001: The reading of an action number that is not a number.
    ReadingNotNumber { text: String } = E0001 Error {
        en: "the reading of an action number must be a number, not «{text}»",
        ru: "прочтение номера действия должно быть числом, а не «{text}»",
        kk: "әрекет нөмірінің оқылуы сан болуы керек, «{text}» емес",
    }
    /// E0001: An acknowledgement of a code that is no warning's.
    UnknownWarningCode { code: String } = E0001 Error {
        en: "{code} is not the code of a warning, so nothing can be acknowledged by it"
            => "acknowledge a warning by its code as `regc check` shows it (docs/checks.md lists them); errors cannot be acknowledged, they must be fixed",
        ru: "{code} — не код предупреждения, признать по нему нечего"
            => "признавайте предупреждение по коду, который показывает `regc check` (список — в docs/checks.md); ошибки не признают, их исправляют",
        kk: "{code} ескерту коды емес, сондықтан ол бойынша ештеңе мойындалмайды"
            => "ескертуді `regc check` көрсететін коды бойынша мойындаңыз (тізімі docs/checks.md ішінде); қателер мойындалмайды, олар түзетіледі",
    }
    /// E0001: A quote not closed on its line.
    UnclosedQuote {} = E0001 Error {
        en: "this quote is not closed on its line"
            => "end it with `\"` before its citation: a quote never runs over a line break (split cells are written \"a\" @1 + \"b\" @3)",
        ru: "цитата не закрыта в своей строке"
            => "закройте её знаком `\"` перед ссылкой: цитата не переходит на другую строку (разбитые ячейки пишутся \"a\" @1 + \"b\" @3)",
        kk: "дәйексөз өз жолында жабылмаған"
            => "оны сілтеме алдында `\"` белгісімен жабыңыз: дәйексөз келесі жолға өтпейді (бөлінген ұяшықтар \"a\" @1 + \"b\" @3 деп жазылады)",
    }
    /// E0001: A `"` inside a quote, not escaped.
    UnescapedQuote {} = E0001 Error {
        en: "this `\"` ends the quote early: the text goes on after it"
            => "a `\"` that is part of the document's text is written `\\\"` inside a quote",
        ru: "этот знак `\"` закрывает цитату раньше времени: текст продолжается после него"
            => "знак `\"`, который входит в текст документа, внутри цитаты пишется `\\\"`",
        kk: "бұл `\"` белгісі дәйексөзді ерте жабады: мәтін одан кейін жалғасады"
            => "құжат мәтініндегі `\"` белгісі дәйексөз ішінде `\\\"` деп жазылады",
    }
    /// E0001: A `{{` never closed.
    UnclosedBrace { line: usize, before: usize } = E0001 Error {
        en: "unclosed `{{` opened at line {line}"
            => "close the block with `}}` before line {before}, where its indentation ends",
        ru: "незакрытая `{{`, открытая в строке {line}"
            => "закройте блок знаком `}}` перед строкой {before}, где заканчивается его отступ",
        kk: "{line} жолда ашылған `{{` жабылмаған"
            => "блокты {before} жолдың алдында `}}` белгісімен жабыңыз, шегінісі сонда бітеді",
    }
    /// E0001: A `}}` that closes nothing.
    UnexpectedClose {} = E0001 Error {
        en: "this `}}` closes no block"
            => "delete it, or add the `{{` of the block it was meant to close",
        ru: "эта `}}` не закрывает ни одного блока"
            => "удалите её или добавьте `{{` блока, который она должна закрыть",
        kk: "бұл `}}` ешбір блокты жаппайды"
            => "оны өшіріңіз немесе ол жабуы тиіс блоктың `{{` белгісін қосыңыз",
    }
    /// E0101: The regulation has no `{what}` statement.
    MissingStatement { what: &'static str, example: &'static str } = E0101 Error {
        en: "the regulation has no `{what}` statement"
            => "add it inside the regulation, for example: {example}",
        ru: "в регламенте нет утверждения `{what}`"
            => "добавьте его внутри regulation, например: {example}",
        kk: "регламентте `{what}` тұжырымы жоқ"
            => "оны regulation ішіне қосыңыз, мысалы: {example}",
    }
    /// E0102: The source document `{file}` is not found.
    SourceNotFound { file: String } = E0102 Error {
        en: "the source document `{file}` is not found"
            => "put the document under regulations/sources/ unchanged, or pass --sources DIR",
        ru: "исходный документ `{file}` не найден"
            => "положите документ без изменений в regulations/sources/ или укажите --sources DIR",
        kk: "`{file}` бастапқы құжаты табылмады"
            => "құжатты өзгертпей regulations/sources/ ішіне салыңыз немесе --sources DIR көрсетіңіз",
    }
    /// E0102: The source document cannot be read.
    SourceUnreadable { file: String, error: String } = E0102 Error {
        en: "the source document `{file}` cannot be read: {error}"
            => "check that the file is readable",
        ru: "исходный документ `{file}` не удаётся прочитать: {error}"
            => "проверьте, что файл доступен для чтения",
        kk: "`{file}` бастапқы құжатын оқу мүмкін емес: {error}"
            => "файлдың оқылатынын тексеріңіз",
    }
    /// E0102: The source document is not UTF-8.
    SourceNotUtf8 { file: String, offset: usize, line: u32 } = E0102 Error {
        en: "the source document `{file}` is not UTF-8 text: byte {offset} (line {line}) is not part of a character, so no quote could be checked"
            => "a Windows editor saves Cyrillic text as windows-1251: record the received file with `regc source add FILE --encoding windows-1251`, which converts it",
        ru: "исходный документ `{file}` — не текст в UTF-8: байт {offset} (строка {line}) не входит ни в один символ, поэтому ни одну цитату нельзя проверить"
            => "редакторы Windows сохраняют кириллицу в windows-1251: запишите полученный файл командой `regc source add ФАЙЛ --encoding windows-1251`, она его перекодирует",
        kk: "`{file}` бастапқы құжаты UTF-8 мәтіні емес: {offset} байт ({line} жол) ешбір таңбаға кірмейді, сондықтан бірде-бір дәйексөз тексерілмейді"
            => "Windows редакторлары кирилл мәтінін windows-1251 түрінде сақтайды: алынған файлды `regc source add ФАЙЛ --encoding windows-1251` командасымен жазыңыз, ол оны қайта кодтайды",
    }
    /// E0102: The source document is not recorded in the manifest.
    SourceNotRecorded { file: String, manifest: String } = E0102 Error {
        en: "the source document `{file}` is not recorded in {manifest}"
            => "record it with `regc source add` (with `--edition-of` when it amends a recorded document)",
        ru: "исходный документ `{file}` не записан в {manifest}"
            => "запишите его командой `regc source add` (с `--edition-of`, если он изменяет записанный документ)",
        kk: "`{file}` бастапқы құжаты {manifest} ішінде жазылмаған"
            => "оны `regc source add` командасымен жазыңыз (жазылған құжатты өзгертсе, `--edition-of` қосып)",
    }
    /// E0102: The source document was edited after it was recorded.
    SourceChanged { file: String, recorded: String, actual: String } = E0102 Error {
        en: "the source document `{file}` was changed after it was recorded: its SHA-256 is {actual}, the manifest records {recorded}"
            => "sources are never edited in place: restore the received text, and add an amended text as a new edition with `regc source add FILE --edition-of {file}`",
        ru: "исходный документ `{file}` изменён после записи: его SHA-256 — {actual}, в манифесте — {recorded}"
            => "источники не правят на месте: верните полученный текст, а изменённый добавьте как новую редакцию: `regc source add ФАЙЛ --edition-of {file}`",
        kk: "`{file}` бастапқы құжаты жазылғаннан кейін өзгертілген: оның SHA-256 мәні {actual}, манифестте {recorded}"
            => "дереккөздер орнында түзетілмейді: алынған мәтінді қайтарыңыз, ал өзгертілгенін жаңа редакция ретінде қосыңыз: `regc source add ФАЙЛ --edition-of {file}`",
    }
    /// E0102: The manifest of sources cannot be read.
    ManifestBroken { error: String } = E0102 Error {
        en: "the manifest of source documents cannot be read: {error}"
            => "correct it at that line (docs/amendments.md shows its fields), or let `regc source add` write it",
        ru: "манифест исходных документов не удаётся прочитать: {error}"
            => "исправьте его в этой строке (поля описаны в docs/amendments.md) или дайте `regc source add` записать его",
        kk: "бастапқы құжаттар манифесін оқу мүмкін емес: {error}"
            => "оны сол жолда түзетіңіз (өрістері docs/amendments.md ішінде) немесе `regc source add` жазсын",
    }
    /// E0102: The regulation's lines {first}-{last} run past the end of `{file}`, which has {count} lines.
    RangePastEnd { first: u32, last: u32, file: String, count: u32 } = E0102 Error {
        en: "the regulation's lines {first}-{last} run past the end of `{file}`, which has {count} lines"
            => "check the `lines` range against the source document",
        ru: "строки регламента {first}-{last} выходят за конец `{file}`, в котором {count} строк"
            => "сверьте диапазон `lines` с исходным документом",
        kk: "регламенттің {first}-{last} жолдары `{file}` соңынан асып кетеді, онда {count} жол бар"
            => "`lines` ауқымын бастапқы құжатпен салыстырыңыз",
    }
    /// E0102: The citation {citation} is outside the source document, which has {count} lines.
    CitationOutside { citation: Lines, count: u32 } = E0102 Error {
        en: "the citation @{citation} is outside the source document, which has {count} lines"
            => "cite a line of the source document",
        ru: "ссылка @{citation} вне исходного документа, в котором {count} строк"
            => "укажите строку исходного документа",
        kk: "@{citation} сілтемесі бастапқы құжаттан тыс, онда {count} жол бар"
            => "бастапқы құжаттың жолын көрсетіңіз",
    }
    /// E0102: Cannot read the rendition: {error}.
    Unreadable { error: String } = E0102 Error {
        en: "cannot read the rendition: {error}"
            => "check the path and that the file is UTF-8 text",
        ru: "не удаётся прочитать файл: {error}"
            => "проверьте путь и что файл — текст в UTF-8",
        kk: "файлды оқу мүмкін емес: {error}"
            => "жолды және файлдың UTF-8 мәтіні екенін тексеріңіз",
    }
    /// E0102: A citation outside the regulation's `lines` range.
    OutsideRegulation { lines: Lines, ranges: String } = E0102 Error {
        en: "the citation @{lines} is outside this regulation, which stands at lines {ranges} of its source"
            => "cite a line of this regulation (its `source … lines` statement gives the range)",
        ru: "ссылка @{lines} вне этого регламента, который занимает строки {ranges} источника"
            => "укажите строку этого регламента (диапазон задаёт утверждение `source … lines`)",
        kk: "@{lines} сілтемесі осы регламенттен тыс, ол дереккөздің {ranges} жолдарында"
            => "осы регламенттің жолын көрсетіңіз (ауқымын `source … lines` тұжырымы береді)",
    }
    /// E0102: The ranges of a `source … lines` statement do not go forward.
    RangesOutOfOrder { range: Lines, previous: Lines } = E0102 Error {
        en: "the regulation's lines {range} do not come after its lines {previous}"
            => "write the ranges in increasing order, each after the one before and not overlapping it: `lines 1-519, 1145-1277`",
        ru: "строки регламента {range} не идут после его строк {previous}"
            => "запишите диапазоны по возрастанию, каждый после предыдущего и не пересекаясь с ним: `lines 1-519, 1145-1277`",
        kk: "регламенттің {range} жолдары оның {previous} жолдарынан кейін тұрмайды"
            => "ауқымдарды өсу ретімен, әрқайсысын алдыңғысынан кейін және онымен қиылыспай жазыңыз: `lines 1-519, 1145-1277`",
    }
    /// E0201: The quote is empty.
    EmptyQuote {  } = E0201 Error {
        en: "the quote is empty"
            => "quote the document's text, or write `empty @L` for a blank cell",
        ru: "цитата пуста"
            => "процитируйте текст документа или напишите `empty @L` для пустой ячейки",
        kk: "дәйексөз бос"
            => "құжат мәтінін келтіріңіз немесе бос ұяшық үшін `empty @L` деп жазыңыз",
    }
    /// E0201: The quote is not on source line {lines}.
    QuoteMissing { lines: Lines } = E0201 Error {
        en: "the quote is not on source line {lines}"
            => "quotes must be verbatim: copy the text from the source, only white space may differ",
        ru: "цитаты нет в строке источника {lines}"
            => "цитаты дословны: скопируйте текст из источника, различаться могут только пробелы",
        kk: "дәйексөз дереккөздің {lines} жолында жоқ"
            => "дәйексөз сөзбе-сөз болуы керек: мәтінді дереккөзден көшіріңіз, тек бос орындар өзгеше бола алады",
    }
    /// E0201: The quote is not on source line {lines}.
    QuoteElsewhere { lines: Lines, found: Lines } = E0201 Error {
        en: "the quote is not on source line {lines}"
            => "the same text stands at @{found}; correct the citation",
        ru: "цитаты нет в строке источника {lines}"
            => "этот текст находится в @{found}; исправьте ссылку",
        kk: "дәйексөз дереккөздің {lines} жолында жоқ"
            => "бұл мәтін @{found} жолында тұр; сілтемені түзетіңіз",
    }
    /// E0201: The list marker «{marker}» does not stand before the item on source line {line}.
    MarkerMissing { marker: String, line: u32 } = E0201 Error {
        en: "the list marker «{marker}» does not stand before the item on source line {line}"
            => "copy the marker as the document writes it, even where its numbering is wrong",
        ru: "маркер списка «{marker}» не стоит перед пунктом в строке источника {line}"
            => "скопируйте маркер так, как его пишет документ, даже если нумерация ошибочна",
        kk: "«{marker}» тізім белгісі дереккөздің {line} жолында тармақ алдында тұрған жоқ"
            => "белгіні құжаттағыдай көшіріңіз, нөмірлеуі қате болса да",
    }
    /// E0201: The footnote's act is not part of the footnote's text.
    FootnoteActMissing {  } = E0201 Error {
        en: "the footnote's act is not part of the footnote's text"
            => "quote the amending act as the footnote words it",
        ru: "акт сноски не входит в текст сноски"
            => "процитируйте изменяющий акт так, как он назван в сноске",
        kk: "ескертудің актісі ескерту мәтінінде жоқ"
            => "өзгерткен актіні ескертудегідей келтіріңіз",
    }
    /// E0201: The status's act is not part of the status's text.
    StatusActMissing {} = E0201 Error {
        en: "the repealing act is not part of the status's text" => "quote the act as the status words it",
        ru: "отменяющий акт не входит в текст статуса" => "процитируйте акт так, как он назван в тексте статуса",
        kk: "күшін жойған акт мәртебе мәтінінде жоқ" => "актіні мәртебе мәтініндегідей келтіріңіз",
    }
    /// E0201: A footnote's `amends` names what the footnote does not.
    AmendsNotNamed { target: String } = E0201 Error {
        en: "the footnote's words do not name {target}, which `amends` says it amends"
            => "write what the footnote names: «Пункт 3 …» is `amends paragraph 3`, «Приложение 2 …» `amends appendix 2`, a new title `amends title`, the whole regulation `amends whole`",
        ru: "слова сноски не называют {target}, который указан в `amends`"
            => "укажите то, что называет сноска: «Пункт 3 …» — `amends paragraph 3`, «Приложение 2 …» — `amends appendix 2`, заголовок — `amends title`, весь регламент — `amends whole`",
        kk: "ескерту сөздері `amends` көрсеткен {target} атамайды"
            => "ескерту атағанды жазыңыз: «3-тармақ …» — `amends paragraph 3`, «2-қосымша …» — `amends appendix 2`, тақырып — `amends title`, бүкіл регламент — `amends whole`",
    }
    /// E0201: The abbreviation «{short}» is not on the line of its definition.
    AbbreviationMissing { short: String } = E0201 Error {
        en: "the abbreviation «{short}» is not on the line of its definition"
            => "cite the line where the document defines the abbreviation",
        ru: "сокращения «{short}» нет в строке его определения"
            => "укажите строку, где документ определяет сокращение",
        kk: "«{short}» қысқартуы анықтамасының жолында жоқ"
            => "құжат қысқартуды анықтайтын жолды көрсетіңіз",
    }
    /// E0202: The quote is only part of a table cell.
    PartOfCell {  } = E0202 Error {
        en: "the quote is only part of a table cell"
            => "quote the whole cell, as the document has it; record what is wrong with it in a reading",
        ru: "цитата — лишь часть ячейки таблицы"
            => "процитируйте ячейку целиком, как в документе; ошибку запишите в прочтении",
        kk: "дәйексөз кесте ұяшығының бір бөлігі ғана"
            => "ұяшықты құжаттағыдай толық келтіріңіз; қатесін оқылымға жазыңыз",
    }
    /// E0201: A table cell's quote differs from the cell of its action and column.
    CellDiffers { action: u32, column: Column, lines: Lines, text: String, differences: Differences } = E0201 Error {
        en: "action {action}'s {column} at source line {lines} reads «{text}»"
            => "the quote differs: {differences}; copy the cell as the document has it, and record what is wrong with it in a reading",
        ru: "{column} действия {action} в строке источника {lines}: «{text}»"
            => "цитата отличается: {differences}; скопируйте ячейку так, как в документе, а ошибку запишите в прочтении",
        kk: "{action}-әрекеттің {column} дереккөздің {lines} жолында: «{text}»"
            => "дәйексөз өзгеше: {differences}; ұяшықты құжаттағыдай көшіріңіз, қатесін оқылымға жазыңыз",
    }
    /// E0201: A quote that differs from its cited line by a few characters.
    QuoteNearly { lines: Lines, differences: Differences } = E0201 Error {
        en: "the quote is almost, but not exactly, the text of source line {lines}"
            => "it differs: {differences}; copy the text from the source",
        ru: "цитата почти, но не в точности совпадает с текстом строки источника {lines}"
            => "отличие: {differences}; скопируйте текст из источника",
        kk: "дәйексөз дереккөздің {lines} жолындағы мәтінге дәл сәйкес емес"
            => "айырмашылығы: {differences}; мәтінді дереккөзден көшіріңіз",
    }
    /// E0201: The quoted text stands on several other lines of the regulation.
    QuoteAmbiguous { lines: Lines, found: List<u32> } = E0201 Error {
        en: "the quote is not on source line {lines}"
            => "the same text stands on lines {found} of this regulation; cite the one that is meant",
        ru: "цитаты нет в строке источника {lines}"
            => "этот текст стоит в строках {found} этого регламента; укажите ту, что имеется в виду",
        kk: "дәйексөз дереккөздің {lines} жолында жоқ"
            => "бұл мәтін осы регламенттің {found} жолдарында тұр; қажеттісін көрсетіңіз",
    }
    /// E0203: A table cell cited at a line other than the one where it stands.
    CellElsewhere { action: u32, column: Column, lines: Lines, found: Lines } = E0203 Error {
        en: "action {action}'s {column} stands at source line {found}, not at {lines}"
            => "correct the citation to @{found} (`regc rebase` moves every citation of a rendition to a new edition)",
        ru: "{column} действия {action} стоит в строке источника {found}, а не {lines}"
            => "исправьте ссылку на @{found} (`regc rebase` переносит все ссылки файла на новую редакцию)",
        kk: "{action}-әрекеттің {column} дереккөздің {lines} жолында емес, {found} жолында тұр"
            => "сілтемені @{found} етіп түзетіңіз (`regc rebase` файлдың барлық сілтемесін жаңа редакцияға көшіреді)",
    }
    /// E0203: A table cell quoted from another action's or another column's cell.
    WrongCell { action: u32, column: Column, lines: Lines, holds: Phrase } = E0203 Error {
        en: "source line {lines} holds {holds}, not action {action}'s {column}"
            => "quote and cite the cell of this action and column; the label shows where it stands",
        ru: "в строке источника {lines} стоит {holds}, а не {column} действия {action}"
            => "процитируйте ячейку этого действия и столбца; метка показывает, где она стоит",
        kk: "дереккөздің {lines} жолында {action}-әрекеттің {column} емес, {holds} тұр"
            => "осы әрекет пен бағанның ұяшығын келтіріңіз; белгі оның орнын көрсетеді",
    }
    /// E0203: An action's number cited at a line that is not its number cell.
    NumberElsewhere { number: u32, lines: Lines, found: Lines } = E0203 Error {
        en: "source line {lines} is not where action {number}'s number stands in this table"
            => "action {number}'s number stands at @{found}; cite it there",
        ru: "в строке источника {lines} нет номера действия {number} этой таблицы"
            => "номер действия {number} стоит в @{found}; укажите эту строку",
        kk: "дереккөздің {lines} жолында осы кестенің {number}-әрекетінің нөмірі жоқ"
            => "{number}-әрекеттің нөмірі @{found} жолында тұр; соны көрсетіңіз",
    }
    /// E0203: An action numbered as no action of the table.
    NumberMissing { number: u32, lines: Lines } = E0203 Error {
        en: "the table has no action numbered {number} (cited at source line {lines})"
            => "cite the action's number in the row or group of action numbers; renumber it with a reading if the document numbers it wrongly",
        ru: "в таблице нет действия с номером {number} (ссылка на строку источника {lines})"
            => "укажите номер действия в строке или группе номеров; ошибочный номер документа исправьте прочтением",
        kk: "кестеде {number} нөмірлі әрекет жоқ (дереккөздің {lines} жолына сілтеме)"
            => "әрекет нөмірін нөмірлер жолынан не тобынан көрсетіңіз; құжаттағы қате нөмірді оқылыммен түзетіңіз",
    }
    /// E0203: A cell cited outside the channel's table.
    OutsideTable { lines: Lines, first: u32, last: u32 } = E0203 Error {
        en: "source line {lines} is outside this table, which stands at lines {first}-{last}"
            => "cite the cell in the channel's own table, not in another table",
        ru: "строка источника {lines} вне этой таблицы, которая занимает строки {first}-{last}"
            => "укажите ячейку в таблице своего канала, а не в другой таблице",
        kk: "дереккөздің {lines} жолы осы кестеден тыс, кесте {first}-{last} жолдарында"
            => "ұяшықты басқа кестеден емес, өз арнасының кестесінен көрсетіңіз",
    }
    /// E0202: The quote is only part of the cell of its action and column.
    PartOfCellOf { action: u32, column: Column, lines: Lines, text: String } = E0202 Error {
        en: "the quote is only part of action {action}'s {column}, which reads «{text}» at source line {lines}"
            => "quote the whole cell, as the document has it (a cell split over lines is written \"a\" @1 + \"b\" @3); record what is wrong with it in a reading",
        ru: "цитата — лишь часть ячейки «{column}» действия {action}: в строке источника {lines} стоит «{text}»"
            => "процитируйте ячейку целиком, как в документе (ячейка, разбитая на строки, пишется \"a\" @1 + \"b\" @3); ошибку запишите в прочтении",
        kk: "дәйексөз {action}-әрекеттің «{column}» ұяшығының бір бөлігі ғана: дереккөздің {lines} жолында «{text}»"
            => "ұяшықты құжаттағыдай толық келтіріңіз (жолдарға бөлінген ұяшық \"a\" @1 + \"b\" @3 деп жазылады); қатесін оқылымға жазыңыз",
    }
    /// E0301: «{text}» names no declared participant.
    UnknownSfe { text: String, known: List<String> } = E0301 Error {
        en: "«{text}» names no declared participant"
            => "declare it with `participant ID unit|system|applicant \"…\" @L`, or add `spelling \"{text}\"` to the participant it names; known spellings: {known}",
        ru: "«{text}» не называет ни одного объявленного участника"
            => "объявите его через `participant ID unit|system|applicant \"…\" @L` или добавьте `spelling \"{text}\"` участнику, которого он называет; известные написания: {known}",
        kk: "«{text}» жарияланған қатысушылардың ешқайсысын атамайды"
            => "оны `participant ID unit|system|applicant \"…\" @L` арқылы жариялаңыз немесе ол атайтын қатысушыға `spelling \"{text}\"` қосыңыз; белгілі жазылымдар: {known}",
    }
    /// E0302: The participant `{id}` is declared twice.
    ParticipantTwice { id: ParticipantId } = E0302 Error {
        en: "the participant `{id}` is declared twice"
            => "give each participant one declaration; list other spellings inside it",
        ru: "участник `{id}` объявлен дважды"
            => "объявляйте каждого участника один раз; другие написания перечислите внутри",
        kk: "`{id}` қатысушысы екі рет жарияланған"
            => "әр қатысушыны бір рет жариялаңыз; басқа жазылымдарды ішінде көрсетіңіз",
    }
    /// E0302: The channel `{id}` is declared twice.
    ChannelTwice { id: ChannelId } = E0302 Error {
        en: "the channel `{id}` is declared twice"
            => "merge the two channel blocks",
        ru: "канал `{id}` объявлен дважды"
            => "объедините два блока channel",
        kk: "`{id}` арнасы екі рет жарияланған"
            => "екі channel блогын біріктіріңіз",
    }
    /// E0302: The form `{id}` is declared twice.
    FormTwice { id: String } = E0302 Error {
        en: "the form `{id}` is declared twice"
            => "merge the two form blocks",
        ru: "форма `{id}` объявлена дважды"
            => "объедините два блока form",
        kk: "`{id}` нысаны екі рет жарияланған"
            => "екі form блогын біріктіріңіз",
    }
    /// E0302: Two fields of form `{form}` are named `{id}`.
    FieldTwice { form: String, id: String } = E0302 Error {
        en: "two fields of form `{form}` are named `{id}`"
            => "give one of them an explicit id: `field N ID @L {{ … }}`",
        ru: "два поля формы `{form}` названы `{id}`"
            => "дайте одному из них явный id: `field N ID @L {{ … }}`",
        kk: "`{form}` нысанының екі өрісі `{id}` деп аталған"
            => "біреуіне айқын id беріңіз: `field N ID @L {{ … }}`",
    }
    /// E0302: The regulation id `{id}` is also used by {other}.
    RegulationTwice { id: RegulationId, other: String } = E0302 Error {
        en: "the regulation id `{id}` is also used by {other}"
            => "give each rendition its own id; language versions link with `version_of`",
        ru: "id регламента `{id}` уже использует {other}"
            => "дайте каждому файлу свой id; языковые версии связываются через `version_of`",
        kk: "`{id}` регламент id-ін {other} да қолданады"
            => "әр файлға өз id-ін беріңіз; тілдік нұсқалар `version_of` арқылы байланысады",
    }
    /// E0303: An id that Rust reserves and cannot take even as a raw identifier.
    ReservedName { id: String } = E0303 Error {
        en: "`{id}` cannot name anything in generated code"
            => "choose another id: Rust reserves `self`, `Self`, `super`, `crate` and `_`, and names that begin with `__` are the generated code's",
        ru: "`{id}` не может быть именем в сгенерированном коде"
            => "выберите другой id: Rust резервирует `self`, `Self`, `super`, `crate` и `_`, а имена, начинающиеся с `__`, принадлежат сгенерированному коду",
        kk: "`{id}` генерацияланған кодта атау бола алмайды"
            => "басқа id таңдаңыз: Rust `self`, `Self`, `super`, `crate` және `_` сөздерін сақтайды, ал `__` деп басталатын атаулар генерацияланған кодқа тиесілі",
    }
    /// E0303: An id with capital letters.
    NotLowercase { id: String, lower: String } = E0303 Error {
        en: "the id `{id}` has capital letters" => "ids are written in lower case, words joined by `_`: `{lower}`",
        ru: "в id `{id}` есть заглавные буквы" => "id пишутся строчными буквами, слова через `_`: `{lower}`",
        kk: "`{id}` id-інде бас әріптер бар" => "id кіші әріптермен, сөздер `_` арқылы жазылады: `{lower}`",
    }
    /// E0303: Two ids that become the same name in generated code.
    NameClash { id: String, other: String, rust: String } = E0303 Error {
        en: "`{id}` and `{other}` would both be `{rust}` in generated code" => "give one of them another id",
        ru: "`{id}` и `{other}` оба станут `{rust}` в сгенерированном коде" => "дайте одному из них другой id",
        kk: "`{id}` және `{other}` генерацияланған кодта екеуі де `{rust}` болады" => "біреуіне басқа id беріңіз",
    }
    /// E0401: The deadline's remark «({remark})» is neither an exceptional maximum nor an exclusion from the term.
    DeadlineRemark { remark: String } = E0401 Error {
        en: "the deadline's remark «({remark})» is neither an exceptional maximum nor an exclusion from the term"
            => "add a reading that states the deadline in a known phrasing (docs/language.md, Deadlines)",
        ru: "примечание к сроку «({remark})» — не исключительный максимум и не исключение из срока"
            => "добавьте прочтение срока в известной формулировке (docs/language.md, Deadlines)",
        kk: "мерзімге ескерту «({remark})» ерекше максимум да, мерзімнен шығару да емес"
            => "мерзімді белгілі тұжырыммен беретін оқылым қосыңыз (docs/language.md, Deadlines)",
    }
    /// E0401: The deadline «{text}» is in a phrasing the compiler does not know.
    DeadlineUnknown { text: String } = E0401 Error {
        en: "the deadline «{text}» is in a phrasing the compiler does not know"
            => "keep the document's text and add `reading \"…\" because \"…\"` in a known phrasing, such as «Не более 10 минут» (docs/language.md, Deadlines)",
        ru: "срок «{text}» записан в формулировке, которую компилятор не знает"
            => "оставьте текст документа и добавьте `reading \"…\" because \"…\"` в известной формулировке, например «Не более 10 минут» (docs/language.md, Deadlines)",
        kk: "«{text}» мерзімі компиляторға белгісіз тұжырыммен жазылған"
            => "құжат мәтінін қалдырып, белгілі тұжырыммен `reading \"…\" because \"…\"` қосыңыз, мысалы «Не более 10 минут» (docs/language.md, Deadlines)",
    }
    /// E0401: The deadline «{text}» is in a phrasing the compiler does not know (reading stopped at «{at}»).
    DeadlineUnknownAt { text: String, at: String } = E0401 Error {
        en: "the deadline «{text}» is in a phrasing the compiler does not know (reading stopped at «{at}»)"
            => "keep the document's text and add `reading \"…\" because \"…\"` in a known phrasing, such as «Не более 10 минут» (docs/language.md, Deadlines)",
        ru: "срок «{text}» записан в формулировке, которую компилятор не знает (разбор остановился на «{at}»)"
            => "оставьте текст документа и добавьте `reading \"…\" because \"…\"` в известной формулировке, например «Не более 10 минут» (docs/language.md, Deadlines)",
        kk: "«{text}» мерзімі компиляторға белгісіз тұжырыммен жазылған (талдау «{at}» жерінде тоқтады)"
            => "құжат мәтінін қалдырып, белгілі тұжырыммен `reading \"…\" because \"…\"` қосыңыз, мысалы «Не более 10 минут» (docs/language.md, Deadlines)",
    }
    /// E0402: The next-action cell «{text}» cannot be read.
    NextUnreadable { text: String } = E0402 Error {
        en: "the next-action cell «{text}» cannot be read"
            => "a next-action cell is a number, «-», or targets with conditions such as «2 – егер …; 3 – егер …»; add a reading if the document says it otherwise",
        ru: "ячейку следующего действия «{text}» не удаётся прочитать"
            => "ячейка следующего действия — номер, «-» или цели с условиями, например «2 – если …; 3 – если …»; если в документе иначе, добавьте прочтение",
        kk: "«{text}» келесі әрекет ұяшығын оқу мүмкін емес"
            => "келесі әрекет ұяшығы — нөмір, «-» немесе шарттары бар мақсаттар, мысалы «2 – егер …; 3 – егер …»; құжатта басқаша болса, оқылым қосыңыз",
    }
    /// E0403: Action {action} of channel `{channel}` goes to action {target}, which the table does not have.
    NextNowhere { action: u32, channel: ChannelId, target: u32, numbers: List<u32> } = E0403 Error {
        en: "action {action} of channel `{channel}` goes to action {target}, which the table does not have"
            => "the table has actions {numbers}; if the document is wrong, add `reading \"…\" because \"…\"`",
        ru: "действие {action} канала `{channel}` ведёт к действию {target}, которого нет в таблице"
            => "в таблице есть действия {numbers}; если ошибка в документе, добавьте `reading \"…\" because \"…\"`",
        kk: "`{channel}` арнасының {action} әрекеті кестеде жоқ {target} әрекетіне өтеді"
            => "кестеде {numbers} әрекеттері бар; құжатта қате болса, `reading \"…\" because \"…\"` қосыңыз",
    }
    /// E0403: A next action the table lacks, right before a column numbered otherwise that nothing leads to.
    NextNowhereMisnumbered { action: u32, channel: ChannelId, target: u32, found: u32 } = E0403 Error {
        en: "action {action} of channel `{channel}` goes to action {target}, which the table does not have; the column after it is numbered {found}"
            => "nothing else leads to action {found}: either this cell or that column's number is wrong; keep the document's text and record your reading of the one that is wrong",
        ru: "действие {action} канала `{channel}` ведёт к действию {target}, которого нет в таблице; следующий столбец имеет номер {found}"
            => "к действию {found} больше ничто не ведёт: ошибочна либо эта ячейка, либо номер того столбца; оставьте текст документа и запишите прочтение ошибочного",
        kk: "`{channel}` арнасының {action} әрекеті кестеде жоқ {target} әрекетіне өтеді; келесі бағанның нөмірі {found}"
            => "{found} әрекетіне басқа ештеңе апармайды: не осы ұяшық, не сол бағанның нөмірі қате; құжат мәтінін қалдырып, қатесінің оқылымын жазыңыз",
    }
    /// E0404: Channel `{channel}` has two actions numbered {number}.
    DuplicateAction { channel: ChannelId, number: u32 } = E0404 Error {
        en: "channel `{channel}` has two actions numbered {number}"
            => "if the document numbers twice, keep its number and add `reading N because \"…\"` with the number the action should have",
        ru: "в канале `{channel}` два действия с номером {number}"
            => "если документ нумерует дважды, оставьте его номер и добавьте `reading N because \"…\"` с правильным номером",
        kk: "`{channel}` арнасында {number} нөмірлі екі әрекет бар"
            => "құжат екі рет нөмірлесе, оның нөмірін қалдырып, дұрыс нөмірмен `reading N because \"…\"` қосыңыз",
    }
    /// E0404: A repeated number that is most likely another, missing one.
    DuplicateProbably { channel: ChannelId, number: u32, probably: u32 } = E0404 Error {
        en: "channel `{channel}` has two actions numbered {number}; the second is probably {probably}"
            => "the table has no action {probably}, and a next-action cell leads there; keep the document's number and record it with `action {number} @L reading {probably} because \"…\"`",
        ru: "в канале `{channel}` два действия с номером {number}; второе, вероятно, {probably}"
            => "действия {probably} в таблице нет, а ячейка следующего действия ведёт к нему; оставьте номер документа и запишите `action {number} @L reading {probably} because \"…\"`",
        kk: "`{channel}` арнасында {number} нөмірлі екі әрекет бар; екіншісі, сірә, {probably}"
            => "кестеде {probably} әрекеті жоқ, ал келесі әрекет ұяшығы соған апарады; құжат нөмірін қалдырып, `action {number} @L reading {probably} because \"…\"` деп жазыңыз",
    }
    /// E0405: Channel `{channel}` has no final action: every action has a next action.
    NoFinalAction { channel: ChannelId } = E0405 Error {
        en: "channel `{channel}` has no final action: every action has a next action"
            => "the action that ends the service has «-» as its next action; add a reading where the document forgets it",
        ru: "в канале `{channel}` нет завершающего действия: у каждого есть следующее"
            => "у завершающего действия следующее — «-»; добавьте прочтение, где документ его забыл",
        kk: "`{channel}` арнасында аяқтаушы әрекет жоқ: әр әрекеттің келесісі бар"
            => "аяқтаушы әрекеттің келесісі «-»; құжат ұмытқан жерге оқылым қосыңыз",
    }
    /// E0406: No path leads from action {action} of channel `{channel}` to a final action.
    NoWayToEnd { action: u32, channel: ChannelId } = E0406 Error {
        en: "no path leads from action {action} of channel `{channel}` to a final action"
            => "follow the next-action cells from the first action: they loop or stop at a missing action; add readings where the document goes wrong",
        ru: "от действия {action} канала `{channel}` нет пути к завершающему действию"
            => "пройдите по ячейкам следующих действий от первого: они зацикливаются или обрываются; добавьте прочтения, где документ ошибается",
        kk: "`{channel}` арнасының {action} әрекетінен аяқтаушы әрекетке жол жоқ"
            => "бірінші әрекеттен келесі әрекет ұяшықтарымен жүріңіз: олар тұйықталады немесе үзіледі; құжат қателескен жерге оқылым қосыңыз",
    }
    /// E0407: Actions of channel `{channel}` loop with no way out.
    LoopWithoutExit { channel: ChannelId, path: Path, from: u32, to: u32 } = E0407 Error {
        en: "actions {path} of channel `{channel}` form a loop with no way out: action {from} leads back to action {to}"
            => "a loop needs a branch that leaves it (the next step, a refusal); check action {from}'s next-action cell and add a reading where the document is wrong",
        ru: "действия {path} канала `{channel}` образуют цикл без выхода: действие {from} ведёт обратно к действию {to}"
            => "из цикла должна быть ветвь наружу (следующий шаг, отказ); проверьте ячейку следующего действия {from} и добавьте прочтение, где документ ошибается",
        kk: "`{channel}` арнасының {path} әрекеттері шығар жолы жоқ цикл құрайды: {from} әрекеті {to} әрекетіне кері апарады"
            => "циклден шығатын тармақ болуы керек (келесі қадам, бас тарту); {from} әрекетінің келесі әрекет ұяшығын тексеріп, құжат қателескен жерге оқылым қосыңыз",
    }
    /// E0501: Field {number} has no `name`.
    FieldWithoutName { number: u32 } = E0501 Error {
        en: "field {number} has no `name`"
            => "add `name \"…\" @L` with the field's name as the FLK table gives it",
        ru: "у поля {number} нет `name`"
            => "добавьте `name \"…\" @L` с названием поля из таблицы ФЛК",
        kk: "{number} өрісінде `name` жоқ"
            => "ФЛК кестесіндегі өріс атауымен `name \"…\" @L` қосыңыз",
    }
    /// E0501: «{text}» does not say whether the field is required.
    RequiredUnreadable { text: String } = E0501 Error {
        en: "«{text}» does not say whether the field is required"
            => "write «Обязательно» / «Необязательно» (or «Міндетті» / «Міндетті емес»), or add a reading",
        ru: "«{text}» не говорит, обязательно ли поле"
            => "нужно «Обязательно» / «Необязательно» (или «Міндетті» / «Міндетті емес»), либо добавьте прочтение",
        kk: "«{text}» өрістің міндетті екенін айтпайды"
            => "«Міндетті» / «Міндетті емес» (немесе «Обязательно» / «Необязательно») керек, не оқылым қосыңыз",
    }
    /// E0501: The size «{text}» is not a number of characters.
    SizeUnreadable { text: String } = E0501 Error {
        en: "the size «{text}» is not a number of characters"
            => "add a reading with the number of characters",
        ru: "размерность «{text}» — не число символов"
            => "добавьте прочтение с числом символов",
        kk: "«{text}» өлшемі таңбалар саны емес"
            => "таңбалар санымен оқылым қосыңыз",
    }
    /// E0501: The format «{text}» is not one the compiler knows.
    FormatUnknown { text: String } = E0501 Error {
        en: "the format «{text}» is not one the compiler knows"
            => "known formats: Числовой/Сандық, Десятичный/Ондық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН, БИН/БСН; add a reading in one of them",
        ru: "формат «{text}» компилятору неизвестен"
            => "известные форматы: Числовой/Сандық, Десятичный/Ондық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН, БИН/БСН; добавьте прочтение в одном из них",
        kk: "«{text}» пішімі компиляторға белгісіз"
            => "белгілі пішімдер: Числовой/Сандық, Десятичный/Ондық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН, БИН/БСН; солардың бірімен оқылым қосыңыз",
    }
    /// E0601: Action {action} covers {kind} {number}, which the process list of channel `{channel}` does not have.
    CoversMissing { action: u32, kind: ItemKind, number: u32, channel: ChannelId } = E0601 Error {
        en: "action {action} covers {kind} {number}, which the process list of channel `{channel}` does not have"
            => "link the action to an item the process list has, or record the gap with a reading",
        ru: "действие {action} ссылается на {kind} {number}, которого нет в списке процессов канала `{channel}`"
            => "свяжите действие с пунктом, который есть в списке, или запишите пропуск прочтением",
        kk: "{action} әрекеті `{channel}` арнасының үдерістер тізімінде жоқ {number} {kind} тармағына сілтейді"
            => "әрекетті тізімде бар тармақпен байланыстырыңыз немесе олқылықты оқылымға жазыңыз",
    }
    /// E0602: Condition {number} of channel `{channel}` does not say where it leads.
    ConditionUndecided { number: u32, channel: ChannelId } = E0602 Error {
        en: "condition {number} of channel `{channel}` does not say where it leads"
            => "the channel has no action table, so its machine follows the process list; write your reading of the outcomes: `leads process N, process M because \"…\"`",
        ru: "условие {number} канала `{channel}` не говорит, куда ведёт"
            => "у канала нет таблицы действий, его машина строится по списку процессов; запишите прочтение исходов: `leads process N, process M because \"…\"`",
        kk: "`{channel}` арнасының {number}-шарты қайда апаратынын айтпайды"
            => "арнаның әрекеттер кестесі жоқ, оның машинасы үдерістер тізімі бойынша құрылады; нәтижелердің оқылымын жазыңыз: `leads process N, process M because \"…\"`",
    }
    /// E0602: {item} of channel `{channel}` leads to {kind} {number}, which the process list does not have.
    LeadsNowhere { item: Phrase, channel: ChannelId, kind: ItemKind, number: u32 } = E0602 Error {
        en: "{item} of channel `{channel}` leads to {kind} {number}, which the process list does not have"
            => "name an item the list has",
        ru: "{item} канала `{channel}` ведёт к пункту «{kind} {number}», которого нет в списке процессов"
            => "назовите пункт, который есть в списке",
        kk: "`{channel}` арнасының {item} тармағы үдерістер тізімінде жоқ {number} {kind} тармағына апарады"
            => "тізімде бар тармақты атаңыз",
    }
    /// W0101: Action {action} of channel `{channel}` is never reached from the first action, though actions {from} lead to it.
    Unreachable { action: u32, channel: ChannelId, from: List<u32> } = W0101 Warning {
        en: "action {action} of channel `{channel}` is never reached from the first action, though action(s) {from} lead to it"
            => "action(s) {from} are not reached either; check the next-action cells that should lead to them",
        ru: "действие {action} канала `{channel}` недостижимо от первого действия, хотя к нему ведут действия {from}"
            => "действия {from} тоже недостижимы; проверьте ячейки следующих действий, которые должны вести к ним",
        kk: "`{channel}` арнасының {action} әрекетіне бірінші әрекеттен жету мүмкін емес, дегенмен оған {from} әрекеттері апарады"
            => "{from} әрекеттеріне де жету мүмкін емес; оларға апаруға тиіс келесі әрекет ұяшықтарын тексеріңіз",
    }
    /// W0102: `version_of {target}` names no rendition compiled in this run.
    VersionMissing { target: String } = W0102 Warning {
        en: "`version_of {target}` names no rendition compiled in this run"
            => "compile both language versions together, or correct the id",
        ru: "`version_of {target}` не называет ни одного файла этой компиляции"
            => "компилируйте обе языковые версии вместе или исправьте id",
        kk: "`version_of {target}` осы компиляциядағы ешбір файлды атамайды"
            => "екі тілдік нұсқаны бірге компиляциялаңыз немесе id-ді түзетіңіз",
    }
    /// W0103: Action {action} of channel `{channel}` has no next action, so the service would stop there.
    DeadEnd { action: u32, channel: ChannelId } = W0103 Warning {
        en: "action {action} of channel `{channel}` has no next action, so the service would stop there"
            => "if the action ends the service its cell says «-»; if the document leaves the cell blank, add a reading",
        ru: "у действия {action} канала `{channel}` нет следующего действия, услуга бы на нём остановилась"
            => "у завершающего действия в ячейке «-»; если документ оставил ячейку пустой, добавьте прочтение",
        kk: "`{channel}` арнасының {action} әрекетінің келесі әрекеті жоқ, қызмет сонда тоқтап қалар еді"
            => "аяқтаушы әрекеттің ұяшығында «-» тұрады; құжат ұяшықты бос қалдырса, оқылым қосыңыз",
    }
    /// W0104: Nothing leads to action {action} of channel `{channel}`.
    NothingLeadsHere { action: u32, channel: ChannelId } = W0104 Warning {
        en: "nothing leads to action {action} of channel `{channel}`: the service never reaches it"
            => "every action but the first is some action's next action; check the next-action cells that should lead here (the label shows the column before it)",
        ru: "к действию {action} канала `{channel}` ничто не ведёт: услуга до него не доходит"
            => "каждое действие, кроме первого, — следующее для какого-то действия; проверьте ячейки, которые должны вести сюда (метка показывает предыдущий столбец)",
        kk: "`{channel}` арнасының {action} әрекетіне ештеңе апармайды: қызмет оған жетпейді"
            => "біріншісінен басқа әр әрекет қандай да бір әрекеттің келесісі; мұнда апаруға тиіс ұяшықтарды тексеріңіз (белгі алдыңғы бағанды көрсетеді)",
    }
    /// W0105: The numbering of channel `{channel}` goes back from action {previous} to action {number}.
    Renumbered { channel: ChannelId, previous: u32, number: u32 } = W0105 Warning {
        en: "the numbering of channel `{channel}` goes back from action {previous} to action {number}"
            => "if the document restarts numbering in a new block, give the actions their numbers with `reading N because \"…\"`",
        ru: "нумерация канала `{channel}` идёт назад: после действия {previous} — действие {number}"
            => "если документ начинает нумерацию заново в новом блоке, дайте действиям номера через `reading N because \"…\"`",
        kk: "`{channel}` арнасының нөмірленуі кері кетеді: {previous} әрекетінен кейін {number} әрекеті"
            => "құжат жаңа блокта нөмірлеуді қайта бастаса, әрекеттерге `reading N because \"…\"` арқылы нөмір беріңіз",
    }
    /// W0106: The actions of channel `{channel}` skip number {missing}.
    NumberGap { channel: ChannelId, missing: u32 } = W0106 Warning {
        en: "the actions of channel `{channel}` skip number {missing}"
            => "check whether the document lost a column or misnumbered one",
        ru: "в действиях канала `{channel}` пропущен номер {missing}"
            => "проверьте, не потерял ли документ столбец и не перепутал ли номер",
        kk: "`{channel}` арнасының әрекеттерінде {missing} нөмірі өткізілген"
            => "құжат бағанды жоғалтпағанын не нөмірді шатастырмағанын тексеріңіз",
    }
    /// W0107: A final action in the middle of the table, after which the table's columns are never reached.
    StopsMidTable { action: u32, channel: ChannelId, unreached: List<u32> } = W0107 Warning {
        en: "action {action} of channel `{channel}` ends the service («-») in the middle of the table: action(s) {unreached} after it are never reached"
            => "if the service goes on, the cell should name the next action; keep the document's text and record your reading",
        ru: "действие {action} канала `{channel}` завершает услугу («-») посреди таблицы: действия {unreached} после него недостижимы"
            => "если услуга продолжается, ячейка должна называть следующее действие; оставьте текст документа и запишите прочтение",
        kk: "`{channel}` арнасының {action} әрекеті қызметті кестенің ортасында аяқтайды («-»): одан кейінгі {unreached} әрекеттеріне жету мүмкін емес"
            => "қызмет жалғасса, ұяшық келесі әрекетті атауы керек; құжат мәтінін қалдырып, оқылымыңызды жазыңыз",
    }
    /// W0108: An action whose description, completion form and deadline say nothing.
    EmptyColumn { action: u32, channel: ChannelId } = W0108 Warning {
        en: "action {action} of channel `{channel}` is an empty column: its description, completion form and deadline are blank or «-»"
            => "the table names who acts and what follows, but not what is done; check the document's table, and record your reading",
        ru: "действие {action} канала `{channel}` — пустой столбец: наименование, форма завершения и срок пусты или «-»"
            => "таблица называет исполнителя и следующее действие, но не что делается; сверьте таблицу документа и запишите прочтение",
        kk: "`{channel}` арнасының {action} әрекеті — бос баған: атауы, аяқтау нысаны мен мерзімі бос немесе «-»"
            => "кесте кім орындайтынын және келесісін атайды, бірақ не істелетінін айтпайды; құжат кестесін тексеріп, оқылымыңызды жазыңыз",
    }
    /// W0201: The process list of channel `{channel}` goes from item {previous}) to item {found}), skipping {expected}).
    MarkerGap { channel: ChannelId, previous: u32, found: u32, expected: u32 } = W0201 Warning {
        en: "the process list of channel `{channel}` goes from item {previous}) to item {found}), skipping {expected})"
            => "the document skips a list item; keep its numbering and record it with `reading @L because \"…\"`",
        ru: "список процессов канала `{channel}` идёт от пункта {previous}) к пункту {found}), пропуская {expected})"
            => "документ пропускает пункт списка; сохраните его нумерацию и запишите это через `reading @L because \"…\"`",
        kk: "`{channel}` арнасының үдерістер тізімі {previous}) тармағынан {found}) тармағына өтеді, {expected}) өткізілген"
            => "құжат тізім тармағын өткізеді; нөмірлеуін сақтап, `reading @L because \"…\"` арқылы жазыңыз",
    }
    /// W0202: Item {marker}) of the process list of channel `{channel}` is numbered twice.
    MarkerDuplicate { marker: String, channel: ChannelId } = W0202 Warning {
        en: "item {marker}) of the process list of channel `{channel}` is numbered twice"
            => "the document repeats a list number; keep it and record it with `reading @L because \"…\"`",
        ru: "пункт {marker}) списка процессов канала `{channel}` пронумерован дважды"
            => "документ повторяет номер пункта; сохраните его и запишите через `reading @L because \"…\"`",
        kk: "`{channel}` арнасының үдерістер тізімінің {marker}) тармағы екі рет нөмірленген"
            => "құжат тармақ нөмірін қайталайды; оны сақтап, `reading @L because \"…\"` арқылы жазыңыз",
    }
    /// W0203: The process list of channel `{channel}` skips {kind} {missing}.
    StepGap { channel: ChannelId, kind: ItemKind, missing: u32 } = W0203 Warning {
        en: "the process list of channel `{channel}` skips {kind} {missing}"
            => "check whether the document lost the item or misnumbered it",
        ru: "в списке процессов канала `{channel}` пропущено: {kind} {missing}"
            => "проверьте, не потерял ли документ пункт и не перепутал ли номер",
        kk: "`{channel}` арнасының үдерістер тізімінде {missing} {kind} өткізілген"
            => "құжат тармақты жоғалтпағанын не нөмірін шатастырмағанын тексеріңіз",
    }
    /// W0204: {kind} {number} appears twice in the process list of channel `{channel}`.
    StepDuplicate { kind: ItemKind, number: u32, channel: ChannelId } = W0204 Warning {
        en: "{kind} {number} appears twice in the process list of channel `{channel}`"
            => "check which of the two items the document means",
        ru: "{kind} {number} встречается дважды в списке процессов канала `{channel}`"
            => "проверьте, какой из двух пунктов имеет в виду документ",
        kk: "{number} {kind} `{channel}` арнасының үдерістер тізімінде екі рет кездеседі"
            => "құжат екі тармақтың қайсысын меңзейтінін тексеріңіз",
    }
    /// W0205: Condition {number} ends the process list of channel `{channel}`: it leads nowhere.
    ConditionLast { number: u32, channel: ChannelId } = W0205 Warning {
        en: "condition {number} ends the process list of channel `{channel}`: it leads nowhere"
            => "a condition is followed by the processes of its outcomes; check whether the document lost them",
        ru: "условие {number} завершает список процессов канала `{channel}` и никуда не ведёт"
            => "за условием следуют процессы его исходов; проверьте, не потерял ли их документ",
        kk: "{number}-шарт `{channel}` арнасының үдерістер тізімін аяқтайды, ешқайда апармайды"
            => "шарттан кейін оның нәтижелерінің үдерістері келеді; құжат оларды жоғалтпағанын тексеріңіз",
    }
    /// W0301: Participant `{id}` is declared but no action names it.
    UnusedParticipant { id: ParticipantId } = W0301 Warning {
        en: "participant `{id}` is declared but no action names it"
            => "the document lists it among the participants, but no table gives it an action; check the СФЕ cells",
        ru: "участник `{id}` объявлен, но ни одно действие его не называет"
            => "документ перечисляет его среди участников, но ни одна таблица не даёт ему действия; проверьте ячейки СФЕ",
        kk: "`{id}` қатысушысы жарияланған, бірақ ешбір әрекет оны атамайды"
            => "құжат оны қатысушылар арасында атайды, бірақ ешбір кесте оған әрекет бермейді; ҚФБ ұяшықтарын тексеріңіз",
    }
    /// W0304: A participant that acts in a table but is not in the regulation's list of participants.
    UnlistedParticipant { id: ParticipantId } = W0304 Warning {
        en: "participant `{id}` acts in the tables, but the regulation's list of participants does not name it"
            => "it is declared at a table cell, since the list lacks it; the list is incomplete: record it",
        ru: "участник `{id}` действует в таблицах, но перечень участников регламента его не называет"
            => "он объявлен по ячейке таблицы, так как в перечне его нет; перечень неполон: запишите это",
        kk: "`{id}` қатысушысы кестелерде әрекет етеді, бірақ регламенттің қатысушылар тізімі оны атамайды"
            => "ол тізімде жоқ болғандықтан, кесте ұяшығы бойынша жарияланған; тізім толық емес: мұны жазыңыз",
    }
    /// W0302: The abbreviation «{abbr}» is used but never defined.
    UndefinedAbbreviation { abbr: String, also: Also } = W0302 Warning {
        en: "the abbreviation «{abbr}»{also} is used but never defined"
            => "if the document defines it, add `abbreviation \"{abbr}\" = \"…\" @L`; if it does not, this is a defect of the document",
        ru: "сокращение «{abbr}»{also} используется, но нигде не определено"
            => "если документ его определяет, добавьте `abbreviation \"{abbr}\" = \"…\" @L`; если нет, это дефект документа",
        kk: "«{abbr}» қысқартуы{also} қолданылады, бірақ еш жерде анықталмаған"
            => "құжат оны анықтаса, `abbreviation \"{abbr}\" = \"…\" @L` қосыңыз; анықтамаса, бұл құжаттың ақауы",
    }
    /// W0302: An abbreviation written with a Kazakh letter's look-alike (a keyboard slip) of a defined one.
    MisspeltAbbreviation { used: String, also: Also, defined: String, place: Phrase } = W0302 Warning {
        en: "the abbreviation «{used}»{also} is not defined: did you mean «{defined}»?"
            => "«{defined}» is {place}; the document writes it with a look-alike letter (Ү/У/Ұ, Қ/К, …), a typo of the document",
        ru: "сокращение «{used}»{also} не определено: может быть, имелось в виду «{defined}»?"
            => "«{defined}» {place}; документ пишет его похожей буквой (Ү/У/Ұ, Қ/К, …) — опечатка документа",
        kk: "«{used}» қысқартуы{also} анықталмаған: «{defined}» деген болар ма?"
            => "«{defined}» {place}; құжат оны ұқсас әріппен (Ү/У/Ұ, Қ/К, …) жазады — құжаттың қатесі",
    }
    /// W0303: The abbreviation «{abbr}» is defined but the regulation never uses it.
    UnusedAbbreviation { abbr: String, written: Written } = W0303 Warning {
        en: "the abbreviation «{abbr}» is defined but the regulation never uses it{written}"
            => "the document defines an abbreviation it does not need, or spells it differently where it uses it",
        ru: "сокращение «{abbr}» определено, но в регламенте не используется{written}"
            => "документ определяет ненужное сокращение или пишет его иначе там, где использует",
        kk: "«{abbr}» қысқартуы анықталған, бірақ регламентте қолданылмайды{written}"
            => "құжат қажетсіз қысқартуды анықтайды немесе қолданған жерде басқаша жазады",
    }
    /// W0401: Action {action} of channel `{channel}` has several next actions, but the branch to action {target} has no condition.
    BranchWithoutCondition { action: u32, channel: ChannelId, target: u32 } = W0401 Warning {
        en: "action {action} of channel `{channel}` has several next actions, but the branch to action {target} has no condition"
            => "the code cannot tell when to take it; if the document gives the condition elsewhere, add a reading",
        ru: "у действия {action} канала `{channel}` несколько следующих, но ветвь к действию {target} без условия"
            => "код не может знать, когда по ней идти; если документ даёт условие в другом месте, добавьте прочтение",
        kk: "`{channel}` арнасының {action} әрекетінің бірнеше келесісі бар, бірақ {target} әрекетіне тармақтың шарты жоқ"
            => "код оған қашан өту керегін біле алмайды; құжат шартты басқа жерде берсе, оқылым қосыңыз",
    }
    /// W0402: Two branches of action {action} of channel `{channel}` have the same condition «{when}».
    SameCondition { action: u32, channel: ChannelId, when: String } = W0402 Warning {
        en: "two branches of action {action} of channel `{channel}` have the same condition «{when}»"
            => "the outcomes must differ; check the cell against the process list",
        ru: "две ветви действия {action} канала `{channel}` имеют одно условие «{when}»"
            => "исходы должны различаться; сверьте ячейку со списком процессов",
        kk: "`{channel}` арнасының {action} әрекетінің екі тармағының шарты бірдей: «{when}»"
            => "нәтижелер әртүрлі болуы керек; ұяшықты үдерістер тізімімен салыстырыңыз",
    }
    /// W0403: Action {action} of channel `{channel}` goes to action {target} only «{when}»; the cell does not say what happens otherwise.
    SingleCondition { action: u32, channel: ChannelId, target: u32, when: String } = W0403 Warning {
        en: "action {action} of channel `{channel}` goes to action {target} only «{when}»; the cell does not say what happens otherwise"
            => "check whether the document lost the other branch (a refusal that ends the service, for example)",
        ru: "действие {action} канала `{channel}` ведёт к действию {target} только «{when}»; что иначе, ячейка не говорит"
            => "проверьте, не потерял ли документ другую ветвь (например, отказ, завершающий услугу)",
        kk: "`{channel}` арнасының {action} әрекеті {target} әрекетіне тек «{when}» өтеді; әйтпесе не болатынын ұяшық айтпайды"
            => "құжат басқа тармақты жоғалтпағанын тексеріңіз (мысалы, қызметті аяқтайтын бас тарту)",
    }
    /// W0501: The same step has different deadlines in the channels of one regulation.
    DeadlineConflict { does: String, deadlines: StepDeadlines } = W0501 Warning {
        en: "the same step «{does}» has different deadlines: {deadlines}"
            => "one of the tables is probably wrong; record your reading of it",
        ru: "у одного и того же шага «{does}» разные сроки: {deadlines}"
            => "одна из таблиц, вероятно, ошибочна; запишите своё прочтение",
        kk: "бір қадамның «{does}» мерзімдері әртүрлі: {deadlines}"
            => "кестелердің бірі қате болуы мүмкін; өз оқылымыңызды жазыңыз",
    }
    /// W0502: The deadline of action {action} of channel `{channel}` ({deadline}) is longer than the service term ({term}).
    ExceedsTerm { action: u32, channel: ChannelId, deadline: Total, term: Total } = W0502 Warning {
        en: "the deadline of action {action} of channel `{channel}` ({deadline}) is longer than the service term ({term})"
            => "an action cannot take longer than the whole service; one of the two is wrong",
        ru: "срок действия {action} канала `{channel}` ({deadline}) больше срока оказания услуги ({term})"
            => "действие не может длиться дольше всей услуги; одно из двух ошибочно",
        kk: "`{channel}` арнасының {action} әрекетінің мерзімі ({deadline}) қызмет көрсету мерзімінен ({term}) ұзақ"
            => "әрекет бүкіл қызметтен ұзақ бола алмайды; екеуінің бірі қате",
    }
    /// W0502: An action's exceptional maximum longer than the service term.
    ExceptionalExceedsTerm { action: u32, channel: ChannelId, deadline: Total, term: Total } = W0502 Warning {
        en: "the exceptional maximum of action {action} of channel `{channel}` ({deadline}) is longer than the service term ({term})"
            => "even in exceptional cases an action cannot take longer than the whole service; one of the two is wrong",
        ru: "исключительный максимум действия {action} канала `{channel}` ({deadline}) больше срока оказания услуги ({term})"
            => "даже в исключительных случаях действие не может длиться дольше всей услуги; одно из двух ошибочно",
        kk: "`{channel}` арнасының {action} әрекетінің ерекше ең ұзақ мерзімі ({deadline}) қызмет көрсету мерзімінен ({term}) ұзақ"
            => "ерекше жағдайда да әрекет бүкіл қызметтен ұзақ бола алмайды; екеуінің бірі қате",
    }
    /// W0503: The critical path of channel `{channel}` ({total}) is longer than the service term ({term}).
    PathExceedsTerm { channel: ChannelId, total: Total, term: Total, path: Path } = W0503 Warning {
        en: "the critical path of channel `{channel}` ({total}) is longer than the service term ({term})"
            => "the sum of the table's maximum deadlines along {path} exceeds the term the regulation states",
        ru: "критический путь канала `{channel}` ({total}) длиннее срока оказания услуги ({term})"
            => "сумма максимальных сроков таблицы по пути {path} превышает срок, указанный в регламенте",
        kk: "`{channel}` арнасының сындарлы жолы ({total}) қызмет көрсету мерзімінен ({term}) ұзақ"
            => "{path} жолы бойынша кестенің ең ұзақ мерзімдерінің қосындысы регламенттегі мерзімнен асады",
    }
    /// N0501: Critical path of channel `{channel}`: {path}, {total}.
    CriticalPath { channel: ChannelId, path: Path, total: Total } = N0501 Note {
        en: "critical path of channel `{channel}`: {path}, {total}",
        ru: "критический путь канала `{channel}`: {path}, {total}",
        kk: "`{channel}` арнасының сындарлы жолы: {path}, {total}",
    }
    /// W0504: A blank deadline cell in a table that gives deadlines.
    EmptyDeadline { action: u32, channel: ChannelId } = W0504 Warning {
        en: "the deadline cell of action {action} of channel `{channel}` is blank, though the table gives deadlines"
            => "the step has no deadline and is never late; check the document, and record your reading of the deadline",
        ru: "ячейка срока действия {action} канала `{channel}` пуста, хотя таблица даёт сроки"
            => "у шага нет срока, и он никогда не просрочен; сверьте документ и запишите прочтение срока",
        kk: "`{channel}` арнасының {action} әрекетінің мерзім ұяшығы бос, дегенмен кесте мерзімдерді береді"
            => "қадамның мерзімі жоқ, ол ешқашан кешікпейді; құжатты тексеріп, мерзімнің оқылымын жазыңыз",
    }
    /// W0601: {kind} {number} of the process list of channel `{channel}` is carried out by no action.
    Uncovered { kind: ItemKind, number: u32, channel: ChannelId } = W0601 Warning {
        en: "{kind} {number} of the process list of channel `{channel}` is carried out by no action"
            => "link the action that carries it out with `covers`, or record why the table lacks it",
        ru: "{kind} {number} из списка процессов канала `{channel}` не выполняет ни одно действие"
            => "свяжите выполняющее его действие через `covers` или запишите, почему его нет в таблице",
        kk: "`{channel}` арнасының үдерістер тізіміндегі {number} {kind} тармағын ешбір әрекет орындамайды"
            => "оны орындайтын әрекетті `covers` арқылы байланыстырыңыз немесе кестеде неге жоқ екенін жазыңыз",
    }
    /// W0602: Action {action} covers {kind} {number}, but an earlier action covers a later item ({later}).
    OutOfOrder { action: u32, kind: ItemKind, number: u32, later: u32 } = W0602 Warning {
        en: "action {action} covers {kind} {number}, but an earlier action covers a later item ({later})"
            => "the table and the process list disagree on the order of the steps",
        ru: "действие {action} выполняет {kind} {number}, но более раннее действие выполняет более поздний пункт ({later})"
            => "таблица и список процессов расходятся в порядке шагов",
        kk: "{action} әрекеті {number} {kind} тармағын орындайды, бірақ ертерек әрекет кейінгі тармақты ({later}) орындайды"
            => "кесте мен үдерістер тізімі қадамдар ретінде сәйкес емес",
    }
    /// W0603: `leads` and `ends` are readings for channels without an action table; channel `{channel}` has one, so this is not used.
    FlowIgnored { channel: ChannelId } = W0603 Warning {
        en: "`leads` and `ends` are readings for channels without an action table; channel `{channel}` has one, so this is not used"
            => "the table's next-action cells give the flow; record a disagreement with a free-standing reading",
        ru: "`leads` и `ends` — прочтения для каналов без таблицы действий; у канала `{channel}` она есть, поэтому это не используется"
            => "поток задают ячейки следующих действий таблицы; расхождение запишите отдельным прочтением",
        kk: "`leads` пен `ends` — әрекеттер кестесі жоқ арналарға арналған оқылымдар; `{channel}` арнасында кесте бар, сондықтан бұл қолданылмайды"
            => "ағынды кестенің келесі әрекет ұяшықтары береді; сәйкессіздікті жеке оқылыммен жазыңыз",
    }
    /// W0604: A table that never branches under a process list with conditions or refusals.
    LinearTable { channel: ChannelId, items: ItemNames } = W0604 Warning {
        en: "the table of channel `{channel}` never branches, but its process list does: {items}"
            => "the table has lost the branches the list describes (a check and the refusal after it); record your reading, or acknowledge it",
        ru: "таблица канала `{channel}` нигде не ветвится, а её список процессов ветвится: {items}"
            => "в таблице потеряны ветви, которые описывает список (проверка и отказ после неё); запишите прочтение или признайте находку",
        kk: "`{channel}` арнасының кестесі ешбір жерде тармақталмайды, ал оның үдерістер тізімі тармақталады: {items}"
            => "кестеде тізім сипаттайтын тармақтар жоғалған (тексеру және одан кейінгі бас тарту); оқылымыңызды жазыңыз не табылғыны мойындаңыз",
    }
    /// W0605: A refusal in the table that the process list never mentions.
    RefusalNotInList { action: u32, channel: ChannelId } = W0605 Warning {
        en: "action {action} of channel `{channel}` is a refusal, but the channel's process list has none"
            => "the list and the table describe different services, or the list lost its refusal; compare them",
        ru: "действие {action} канала `{channel}` — отказ, но в списке процессов канала отказов нет"
            => "список и таблица описывают разные услуги, либо список потерял отказ; сверьте их",
        kk: "`{channel}` арнасының {action} әрекеті — бас тарту, бірақ арнаның үдерістер тізімінде бас тарту жоқ"
            => "тізім мен кесте әртүрлі қызметті сипаттайды, не тізім бас тартуды жоғалтқан; оларды салыстырыңыз",
    }
    /// W0606: A time limit of the process list that no deadline of the table gives.
    ListDeadlineDiffers { item: ItemNames, channel: ChannelId, limit: Total } = W0606 Warning {
        en: "{item} of the process list of channel `{channel}` gives the step {limit}, which no deadline of the table gives"
            => "the list and the table disagree on how long the step takes (the label shows the action that seems to carry it out); one of them is wrong: record your reading",
        ru: "{item} списка процессов канала `{channel}` даёт шагу {limit}, а такого срока в таблице нет"
            => "список и таблица расходятся в сроке шага (метка показывает действие, которое, по-видимому, его выполняет); одно из двух ошибочно: запишите прочтение",
        kk: "`{channel}` арнасының үдерістер тізіміндегі {item} қадамға {limit} береді, кестеде мұндай мерзім жоқ"
            => "тізім мен кесте қадамның мерзімі бойынша сәйкес емес (белгі оны орындайтын сияқты әрекетті көрсетеді); біреуі қате: оқылымыңызды жазыңыз",
    }
    /// W0701: Channel `{channel}` is in this version but not in `{other}`.
    VersionChannelMissing { channel: ChannelId, other: RegulationId } = W0701 Warning {
        en: "channel `{channel}` is in this version but not in `{other}`"
            => "the language versions of one regulation should have the same channels",
        ru: "канал `{channel}` есть в этой версии, но нет в `{other}`"
            => "языковые версии одного регламента должны иметь одни и те же каналы",
        kk: "`{channel}` арнасы осы нұсқада бар, бірақ `{other}` нұсқасында жоқ"
            => "бір регламенттің тілдік нұсқаларында арналар бірдей болуы керек",
    }
    /// W0701: Channel `{channel}` has {here} actions here but {there} in `{other}`.
    VersionActionCount { channel: ChannelId, here: usize, there: usize, other: RegulationId } = W0701 Warning {
        en: "channel `{channel}` has {here} actions here but {there} in `{other}`"
            => "compare the two tables column by column",
        ru: "в канале `{channel}` здесь {here} действий, а в `{other}` — {there}"
            => "сравните две таблицы столбец за столбцом",
        kk: "`{channel}` арнасында мұнда {here} әрекет, ал `{other}` нұсқасында {there}"
            => "екі кестені бағанба-баған салыстырыңыз",
    }
    /// W0701: A column of a channel whose cells the two language versions' documents give differently.
    VersionColumnDiffers { column: Column, channel: ChannelId, actions: List<u32>, here: Cells, other: RegulationId, there: Cells } = W0701 Warning {
        en: "actions {actions} of channel `{channel}` differ from `{other}` in column «{column}»: here {here}, there {there}"
            => "the documents of the two language versions say different things (readings aside); one of them is wrong: record your reading in it",
        ru: "действия {actions} канала `{channel}` расходятся с `{other}` в столбце «{column}»: здесь {here}, там {there}"
            => "документы двух языковых версий говорят разное (без учёта прочтений); одна из них ошибочна: запишите прочтение в ней",
        kk: "`{channel}` арнасының {actions} әрекеттері «{column}» бағанында `{other}` нұсқасынан өзгеше: мұнда {here}, онда {there}"
            => "екі тілдік нұсқаның құжаттары әртүрлі айтады (оқылымдарсыз); біреуі қате: соған оқылымыңызды жазыңыз",
    }
    /// W0701: A box of the diagram's description that names other participants than the other version's box for the same action.
    VersionDiagramBox { action: u32, channel: ChannelId, here: Tokens, other: RegulationId, there: Tokens } = W0701 Warning {
        en: "the diagram's box for action {action} of channel `{channel}` names {here} here, but {there} in `{other}`"
            => "each version's boxes are paired with the actions of its own table by the words they share, and the boxes of the two versions by action; the versions name different participants for this one: compare both boxes at the lines shown with the table and correct the wrong one",
        ru: "блок схемы для действия {action} канала `{channel}` называет здесь {here}, а в `{other}` — {there}"
            => "блоки каждой версии сопоставлены с действиями её таблицы по общим словам, а блоки двух версий — по действию; версии называют для этого действия разных участников: сравните оба блока в указанных строках с таблицей и исправьте ошибочный",
        kk: "сызбаның `{channel}` арнасының {action}-әрекетіне арналған блогы мұнда {here} атайды, ал `{other}` нұсқасында {there}"
            => "әр нұсқаның блоктары өз кестесінің әрекеттерімен ортақ сөздері бойынша, ал екі нұсқаның блоктары әрекет бойынша сәйкестендірілген; нұсқалар бұл әрекетке әртүрлі қатысушыларды атайды: көрсетілген жолдардағы екі блокты кестемен салыстырып, қатесін түзетіңіз",
    }
    /// W0701: A paragraph or appendix whose numbers, dates or references differ between the language versions.
    VersionTextDiffers { unit: Unit, here: Tokens, other: RegulationId, there: Tokens } = W0701 Warning {
        en: "{unit} says what `{other}` does not: here {here}, there {there}"
            => "numbers, dates, the acts a reference names, the ministries and the documents a text names read the same in both languages; compare the two texts at the lines shown and correct the wrong one",
        ru: "{unit} говорит то, чего нет в `{other}`: здесь {here}, там {there}"
            => "числа, даты, акты, на которые ссылается текст, министерства и документы, которые он называет, читаются одинаково на обоих языках; сравните два текста в указанных строках и исправьте ошибочный",
        kk: "{unit} `{other}` нұсқасында жоқты айтады: мұнда {here}, онда {there}"
            => "сандар, күндер, сілтеме атайтын актілер, мәтін атайтын министрліктер мен құжаттар екі тілде бірдей оқылады; екі мәтінді көрсетілген жолдарда салыстырып, қатесін түзетіңіз",
    }
    /// W0701: The service terms of the language versions count in different units.
    VersionTermUnit { here: Phrase, other: RegulationId, there: Phrase } = W0701 Warning {
        en: "the service term counts in {here} here and in {there} in `{other}`"
            => "the numbers of the term are compared with its paragraph; its unit is compared here: one of the versions names the wrong unit",
        ru: "срок оказания услуги считается здесь в единицах «{here}», а в `{other}` — «{there}»"
            => "числа срока сравниваются с текстом его пункта, а единица — здесь: одна из версий называет не ту единицу",
        kk: "қызмет көрсету мерзімі мұнда «{here}» бойынша, ал `{other}` нұсқасында «{there}» бойынша есептеледі"
            => "мерзімнің сандары оның тармағының мәтінімен салыстырылады, ал бірлігі – осында: нұсқалардың бірі қате бірлікті атайды",
    }
    /// W0801: The use case «{scenario}» of channel `{channel}` names action {action}, which the table does not have.
    UseCaseUnknownAction { scenario: String, channel: ChannelId, action: u32 } = W0801 Warning {
        en: "the use case «{scenario}» of channel `{channel}` names action {action}, which the table does not have"
            => "check the use case's «Действие № N» against the action table",
        ru: "вариант использования «{scenario}» канала `{channel}` называет действие {action}, которого нет в таблице"
            => "сверьте «Действие № N» варианта использования с таблицей действий",
        kk: "`{channel}` арнасының «{scenario}» қолдану нұсқасы кестеде жоқ {action} әрекетін атайды"
            => "қолдану нұсқасындағы «Әрекет № N» кестемен салыстырыңыз",
    }
    /// W0802: The use case «{scenario}» of channel `{channel}` goes from action {from} to action {to}, which the table does not allow.
    UseCaseNotAllowed { scenario: String, channel: ChannelId, from: u32, to: u32 } = W0802 Warning {
        en: "the use case «{scenario}» of channel `{channel}` goes from action {from} to action {to}, which the table does not allow"
            => "the use case and the table disagree on the flow; one of them is wrong",
        ru: "вариант использования «{scenario}» канала `{channel}` идёт от действия {from} к действию {to}, чего таблица не допускает"
            => "вариант использования и таблица расходятся в порядке; одно из них ошибочно",
        kk: "`{channel}` арнасының «{scenario}» қолдану нұсқасы {from} әрекетінен {to} әрекетіне өтеді, кесте мұны рұқсат етпейді"
            => "қолдану нұсқасы мен кесте ағын бойынша сәйкес емес; біреуі қате",
    }
    /// W0803: The use case «{scenario}» of channel `{channel}` stops at action {action}, which is not final in the table.
    UseCaseDoesNotEnd { scenario: String, channel: ChannelId, action: u32 } = W0803 Warning {
        en: "the use case «{scenario}» of channel `{channel}` stops at action {action}, which is not final in the table"
            => "a use case runs to the end of the service; check whether it lost its last actions",
        ru: "вариант использования «{scenario}» канала `{channel}` обрывается на действии {action}, которое в таблице не завершающее"
            => "вариант использования идёт до конца услуги; проверьте, не потерял ли он последние действия",
        kk: "`{channel}` арнасының «{scenario}» қолдану нұсқасы кестеде аяқтаушы емес {action} әрекетінде тоқтайды"
            => "қолдану нұсқасы қызметтің соңына дейін жетеді; соңғы әрекеттерін жоғалтпағанын тексеріңіз",
    }
    /// W1001: Appendices the text refers to that the document does not have.
    MissingAppendices { numbers: List<u32>, present: List<u32> } = W1001 Warning {
        en: "the text refers to appendix {numbers}, which the document does not have"
            => "the document's appendices are: {present}; the reference is wrong, or the appendix (or its heading) is lost",
        ru: "текст ссылается на приложение {numbers}, которого в документе нет"
            => "в документе есть приложения: {present}; ссылка ошибочна либо приложение (или его заголовок) утеряно",
        kk: "мәтін құжатта жоқ {numbers}-қосымшаға сілтейді"
            => "құжаттағы қосымшалар: {present}; сілтеме қате, не қосымша (не оның тақырыбы) жоғалған",
    }
    /// W1001: Appendices the text refers to, in a document that has none.
    NoAppendices { numbers: List<u32> } = W1001 Warning {
        en: "the text refers to appendix {numbers}, but the document has no appendix at all"
            => "the appendices were not published with the text, or were lost: the regulation refers to what no one can read",
        ru: "текст ссылается на приложение {numbers}, но в документе нет ни одного приложения"
            => "приложения не опубликованы вместе с текстом или утеряны: регламент ссылается на то, чего никто не может прочитать",
        kk: "мәтін {numbers}-қосымшаға сілтейді, бірақ құжатта бірде-бір қосымша жоқ"
            => "қосымшалар мәтінмен бірге жарияланбаған не жоғалған: регламент ешкім оқи алмайтын нәрсеге сілтейді",
    }
    /// W1002: A text that names another regulation's service.
    OtherService { title: String, id: RegulationId } = W1002 Warning {
        en: "this text names «{title}», the service of regulation `{id}`, not this regulation's"
            => "the text was probably copied from the other regulation of the decree; record your reading of it",
        ru: "этот текст называет «{title}» — услугу регламента `{id}`, а не этого"
            => "текст, вероятно, скопирован из другого регламента постановления; запишите своё прочтение",
        kk: "бұл мәтін осы регламенттің емес, `{id}` регламентінің «{title}» қызметін атайды"
            => "мәтін қаулының басқа регламентінен көшірілген болар; оқылымыңызды жазыңыз",
    }
    /// W0902: The sources have no manifest.
    NoManifest { manifest: String } = W0902 Warning {
        en: "the source documents have no manifest ({manifest}), so a source edited in place and the editions of a decree go unnoticed"
            => "record each source with `regc source add FILE`",
        ru: "у исходных документов нет манифеста ({manifest}), поэтому правка источника на месте и редакции постановления остаются незамеченными"
            => "запишите каждый источник командой `regc source add ФАЙЛ`",
        kk: "бастапқы құжаттардың манифесі жоқ ({manifest}), сондықтан орнында түзетілген дереккөз бен қаулы редакциялары байқалмайды"
            => "әр дереккөзді `regc source add ФАЙЛ` командасымен жазыңыз",
    }
    /// W0903: A rendition with the Windows Registry's extension.
    LegacyExtension { renamed: String } = W0903 Warning {
        en: "renditions end in .reglament now: .reg is the Windows Registry's extension, and double-clicking this file offers to merge it into the registry"
            => "rename it to {renamed} (git mv keeps its history)",
        ru: "файлы передачи теперь оканчиваются на .reglament: .reg — расширение реестра Windows, и двойной щелчок по файлу предлагает внести его в реестр"
            => "переименуйте его в {renamed} (git mv сохранит историю)",
        kk: "файлдар енді .reglament деп аяқталады: .reg — Windows тізілімінің кеңейтімі, файлды екі рет басқанда оны тізілімге енгізу ұсынылады"
            => "оны {renamed} деп қайта атаңыз (git mv тарихын сақтайды)",
    }
    /// W0904: An acknowledgement that matches no finding.
    AcknowledgesNothing { code: String, lines: Lines } = W0904 Warning {
        en: "nothing to acknowledge: no {code} finding concerns source line {lines}"
            => "the finding is gone (fixed, or its text moved): delete the acknowledgement, or correct its code or citation",
        ru: "признавать нечего: нет находки {code} в строке источника {lines}"
            => "находки больше нет (исправлена или текст сдвинулся): удалите признание или исправьте его код или ссылку",
        kk: "мойындайтын ештеңе жоқ: дереккөздің {lines} жолында {code} табылғысы жоқ"
            => "табылғы жоқ (түзетілген не мәтіні жылжыған): мойындауды өшіріңіз немесе оның коды мен сілтемесін түзетіңіз",
    }
    /// W0901: A cited table whose structure could not be read.
    TableUnread { line: u32 } = W0901 Warning {
        en: "the table at source line {line} cannot be read as an action table, so its cells are checked line by line only"
            => "check that the caption is cited and that the table follows it; if the layout is new, report it to the developers with the source lines",
        ru: "таблицу в строке источника {line} не удаётся прочитать как таблицу действий, её ячейки проверены только по строкам"
            => "проверьте ссылку на заголовок таблицы и что таблица идёт за ним; если расположение новое, сообщите разработчикам строки источника",
        kk: "дереккөздің {line} жолындағы кесте әрекеттер кестесі ретінде оқылмады, ұяшықтары тек жол бойынша тексерілді"
            => "кесте тақырыбына сілтемені және кестенің одан кейін тұрғанын тексеріңіз; орналасуы жаңа болса, әзірлеушілерге дереккөз жолдарын жіберіңіз",
    }
    /// N0001: Reading ({subject}): the document says «{document}», read as «{reading}»: {because}.
    Reading { subject: Subject, document: String, reading: String, because: String } = N0001 Note {
        en: "reading ({subject}): the document says «{document}», read as «{reading}»: {because}",
        ru: "прочтение ({subject}): в документе «{document}», прочитано как «{reading}»: {because}",
        kk: "оқылым ({subject}): құжатта «{document}», «{reading}» деп оқылды: {because}",
    }
    /// N0001: Reading ({subject}): an empty cell, read as «{reading}»: {because}.
    ReadingOfEmpty { subject: Subject, reading: String, because: String } = N0001 Note {
        en: "reading ({subject}): an empty cell, read as «{reading}»: {because}",
        ru: "прочтение ({subject}): пустая ячейка прочитана как «{reading}»: {because}",
        kk: "оқылым ({subject}): бос ұяшық «{reading}» деп оқылды: {because}",
    }
    /// N0001: Reading ({subject}): {because}.
    ReadingNote { subject: Subject, because: String } = N0001 Note {
        en: "reading ({subject}): {because}",
        ru: "прочтение ({subject}): {because}",
        kk: "оқылым ({subject}): {because}",
    }

    // ─── drafts (`regc import`) ────────────────────────────────────────────
    // What a draft leaves open. Kept together, at the end of the catalog.

    /// E1001: A question left open (`undecided`), which the analyst must decide.
    Undecided { question: String } = E1001 Error {
        en: "undecided: {question}"
            => "decide it, record your decision as a reading (`reading \"…\" because \"…\"` after the text it concerns, or `reading @N because \"…\"`), then delete this `undecided` line",
        ru: "не решено: {question}"
            => "решите, запишите решение прочтением (`reading \"…\" because \"…\"` после текста, которого оно касается, или `reading @N because \"…\"`), затем удалите эту строку `undecided`",
        kk: "шешілмеген: {question}"
            => "шешіңіз, шешіміңізді оқылым ретінде жазыңыз (қатысты мәтіннен кейін `reading \"…\" because \"…\"` немесе `reading @N because \"…\"`), содан кейін осы `undecided` жолын өшіріңіз",
    }
}
