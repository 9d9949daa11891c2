//! The messages of the compiler's diagnostics, in English, Russian and Kazakh.
//!
//! Each diagnostic has a message id such as `E0403.nowhere`: the part before
//! the dot is its stable code. The catalog holds, per id and language, a
//! message and a help text with `{name}` placeholders filled from arguments.
//! Keeping every text here, and none in the checks, is what lets analysts read
//! the same findings in their own language (`regc check --lang ru`).

use reglament_grammar::Lang;

/// Named arguments of a message.
#[derive(Debug, Clone, Default)]
pub struct Args(pub Vec<(&'static str, String)>);

impl Args {
    /// No arguments.
    pub fn none() -> Self {
        Args(Vec::new())
    }

    /// Adds an argument.
    pub fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.0.push((name, value.to_string()));
        self
    }

    fn fill(&self, template: &str) -> String {
        let mut out = template.to_string();
        for (name, value) in &self.0 {
            out = out.replace(&format!("{{{name}}}"), value);
        }
        out
    }
}

/// One message in three languages: (message, help) each; an empty help means none.
struct Entry {
    id: &'static str,
    en: (&'static str, &'static str),
    ru: (&'static str, &'static str),
    kk: (&'static str, &'static str),
}

/// Renders message `id` in `lang`. An id missing from the catalog is a bug;
/// it still renders, so that no input can make the compiler panic.
pub fn render(id: &str, lang: Lang, args: &Args) -> (String, Option<String>) {
    let Some(entry) = CATALOG.iter().find(|e| e.id == id) else {
        return (format!("{id} {:?}", args.0), None);
    };
    let (message, help) = match lang {
        Lang::En => entry.en,
        Lang::Ru => entry.ru,
        Lang::Kk => entry.kk,
    };
    let help = if help.is_empty() { None } else { Some(args.fill(help)) };
    (args.fill(message), help)
}

/// The stable code of a message id: `E0403.nowhere` → `E0403`.
pub fn code_of(id: &'static str) -> &'static str {
    id.split('.').next().unwrap_or(id)
}

/// Every message id, for the test that checks the catalog is complete.
pub fn ids() -> impl Iterator<Item = &'static str> {
    CATALOG.iter().map(|e| e.id)
}

/// A word of the process list in `lang`: process or condition.
pub fn step_word(condition: bool, lang: Lang) -> &'static str {
    match (condition, lang) {
        (false, Lang::En) => "process",
        (true, Lang::En) => "condition",
        (false, Lang::Ru) => "процесс",
        (true, Lang::Ru) => "условие",
        (false, Lang::Kk) => "үдеріс",
        (true, Lang::Kk) => "шарт",
    }
}

const E: &str = "";

static CATALOG: &[Entry] = &[
    Entry {
        id: "E0101.missing",
        en: ("the regulation has no `{what}` statement", "add it inside the regulation, for example: {example}"),
        ru: ("в регламенте нет утверждения `{what}`", "добавьте его внутри regulation, например: {example}"),
        kk: ("регламентте `{what}` тұжырымы жоқ", "оны regulation ішіне қосыңыз, мысалы: {example}"),
    },
    Entry {
        id: "E0102.source_not_found",
        en: ("the source document `{file}` is not found", "put the document under regulations/sources/ unchanged, or pass --sources DIR"),
        ru: ("исходный документ `{file}` не найден", "положите документ без изменений в regulations/sources/ или укажите --sources DIR"),
        kk: ("`{file}` бастапқы құжаты табылмады", "құжатты өзгертпей regulations/sources/ ішіне салыңыз немесе --sources DIR көрсетіңіз"),
    },
    Entry {
        id: "E0102.range_past_end",
        en: ("the regulation's lines {first}-{last} run past the end of `{file}`, which has {count} lines", "check the `lines` range against the source document"),
        ru: ("строки регламента {first}-{last} выходят за конец `{file}`, в котором {count} строк", "сверьте диапазон `lines` с исходным документом"),
        kk: ("регламенттің {first}-{last} жолдары `{file}` соңынан асып кетеді, онда {count} жол бар", "`lines` ауқымын бастапқы құжатпен салыстырыңыз"),
    },
    Entry {
        id: "E0102.citation_outside",
        en: ("the citation {citation} is outside the source document, which has {count} lines", "cite a line of the source document"),
        ru: ("ссылка {citation} вне исходного документа, в котором {count} строк", "укажите строку исходного документа"),
        kk: ("{citation} сілтемесі бастапқы құжаттан тыс, онда {count} жол бар", "бастапқы құжаттың жолын көрсетіңіз"),
    },
    Entry {
        id: "E0102.unreadable",
        en: ("cannot read the rendition: {error}", "check the path and that the file is UTF-8 text"),
        ru: ("не удаётся прочитать файл: {error}", "проверьте путь и что файл — текст в UTF-8"),
        kk: ("файлды оқу мүмкін емес: {error}", "жолды және файлдың UTF-8 мәтіні екенін тексеріңіз"),
    },
    Entry {
        id: "E0201.empty",
        en: ("the quote is empty", "quote the document's text, or write `empty @L` for a blank cell"),
        ru: ("цитата пуста", "процитируйте текст документа или напишите `empty @L` для пустой ячейки"),
        kk: ("дәйексөз бос", "құжат мәтінін келтіріңіз немесе бос ұяшық үшін `empty @L` деп жазыңыз"),
    },
    Entry {
        id: "E0201.missing",
        en: ("the quote is not on source line {lines}", "quotes must be verbatim: copy the text from the source, only white space may differ"),
        ru: ("цитаты нет в строке источника {lines}", "цитаты дословны: скопируйте текст из источника, различаться могут только пробелы"),
        kk: ("дәйексөз дереккөздің {lines} жолында жоқ", "дәйексөз сөзбе-сөз болуы керек: мәтінді дереккөзден көшіріңіз, тек бос орындар өзгеше бола алады"),
    },
    Entry {
        id: "E0201.missing_elsewhere",
        en: ("the quote is not on source line {lines}", "the same text stands at {found}; correct the citation"),
        ru: ("цитаты нет в строке источника {lines}", "этот текст находится в {found}; исправьте ссылку"),
        kk: ("дәйексөз дереккөздің {lines} жолында жоқ", "бұл мәтін {found} жолында тұр; сілтемені түзетіңіз"),
    },
    Entry {
        id: "E0201.marker",
        en: ("the list marker «{marker}» does not stand before the item on source line {line}", "copy the marker as the document writes it, even where its numbering is wrong"),
        ru: ("маркер списка «{marker}» не стоит перед пунктом в строке источника {line}", "скопируйте маркер так, как его пишет документ, даже если нумерация ошибочна"),
        kk: ("«{marker}» тізім белгісі дереккөздің {line} жолында тармақ алдында тұрған жоқ", "белгіні құжаттағыдай көшіріңіз, нөмірлеуі қате болса да"),
    },
    Entry {
        id: "E0201.footnote_act",
        en: ("the footnote's act is not part of the footnote's text", "quote the amending act as the footnote words it"),
        ru: ("акт сноски не входит в текст сноски", "процитируйте изменяющий акт так, как он назван в сноске"),
        kk: ("ескертудің актісі ескерту мәтінінде жоқ", "өзгерткен актіні ескертудегідей келтіріңіз"),
    },
    Entry {
        id: "E0201.abbreviation",
        en: ("the abbreviation «{short}» is not on the line of its definition", "cite the line where the document defines the abbreviation"),
        ru: ("сокращения «{short}» нет в строке его определения", "укажите строку, где документ определяет сокращение"),
        kk: ("«{short}» қысқартуы анықтамасының жолында жоқ", "құжат қысқартуды анықтайтын жолды көрсетіңіз"),
    },
    Entry {
        id: "E0202.part",
        en: ("the quote is only part of a table cell", "quote the whole cell, as the document has it; record what is wrong with it in a reading"),
        ru: ("цитата — лишь часть ячейки таблицы", "процитируйте ячейку целиком, как в документе; ошибку запишите в прочтении"),
        kk: ("дәйексөз кесте ұяшығының бір бөлігі ғана", "ұяшықты құжаттағыдай толық келтіріңіз; қатесін оқылымға жазыңыз"),
    },
    Entry {
        id: "E0301.unknown_sfe",
        en: ("«{text}» names no declared participant", "declare it with `participant ID unit|system|applicant \"…\" @L`, or add `spelling \"{text}\"` to the participant it names; known spellings: {known}"),
        ru: ("«{text}» не называет ни одного объявленного участника", "объявите его через `participant ID unit|system|applicant \"…\" @L` или добавьте `spelling \"{text}\"` участнику, которого он называет; известные написания: {known}"),
        kk: ("«{text}» жарияланған қатысушылардың ешқайсысын атамайды", "оны `participant ID unit|system|applicant \"…\" @L` арқылы жариялаңыз немесе ол атайтын қатысушыға `spelling \"{text}\"` қосыңыз; белгілі жазылымдар: {known}"),
    },
    Entry {
        id: "E0302.participant_twice",
        en: ("the participant `{id}` is declared twice", "give each participant one declaration; list other spellings inside it"),
        ru: ("участник `{id}` объявлен дважды", "объявляйте каждого участника один раз; другие написания перечислите внутри"),
        kk: ("`{id}` қатысушысы екі рет жарияланған", "әр қатысушыны бір рет жариялаңыз; басқа жазылымдарды ішінде көрсетіңіз"),
    },
    Entry {
        id: "E0302.channel_twice",
        en: ("the channel `{id}` is declared twice", "merge the two channel blocks"),
        ru: ("канал `{id}` объявлен дважды", "объедините два блока channel"),
        kk: ("`{id}` арнасы екі рет жарияланған", "екі channel блогын біріктіріңіз"),
    },
    Entry {
        id: "E0302.form_twice",
        en: ("the form `{id}` is declared twice", "merge the two form blocks"),
        ru: ("форма `{id}` объявлена дважды", "объедините два блока form"),
        kk: ("`{id}` нысаны екі рет жарияланған", "екі form блогын біріктіріңіз"),
    },
    Entry {
        id: "E0302.field_twice",
        en: ("two fields of form `{form}` are named `{id}`", "give one of them an explicit id: `field N ID @L { … }`"),
        ru: ("два поля формы `{form}` названы `{id}`", "дайте одному из них явный id: `field N ID @L { … }`"),
        kk: ("`{form}` нысанының екі өрісі `{id}` деп аталған", "біреуіне айқын id беріңіз: `field N ID @L { … }`"),
    },
    Entry {
        id: "E0302.regulation_twice",
        en: ("the regulation id `{id}` is also used by {other}", "give each rendition its own id; language versions link with `version_of`"),
        ru: ("id регламента `{id}` уже использует {other}", "дайте каждому файлу свой id; языковые версии связываются через `version_of`"),
        kk: ("`{id}` регламент id-ін {other} да қолданады", "әр файлға өз id-ін беріңіз; тілдік нұсқалар `version_of` арқылы байланысады"),
    },
    Entry {
        id: "E0401.remark",
        en: ("the deadline's remark «({remark})» is neither an exceptional maximum nor an exclusion from the term", "add a reading that states the deadline in a known phrasing (docs/language.md, Deadlines)"),
        ru: ("примечание к сроку «({remark})» — не исключительный максимум и не исключение из срока", "добавьте прочтение срока в известной формулировке (docs/language.md, Deadlines)"),
        kk: ("мерзімге ескерту «({remark})» ерекше максимум да, мерзімнен шығару да емес", "мерзімді белгілі тұжырыммен беретін оқылым қосыңыз (docs/language.md, Deadlines)"),
    },
    Entry {
        id: "E0401.unknown",
        en: ("the deadline «{text}» is in a phrasing the compiler does not know", "keep the document's text and add `reading \"…\" because \"…\"` in a known phrasing, such as «Не более 10 минут» (docs/language.md, Deadlines)"),
        ru: ("срок «{text}» записан в формулировке, которую компилятор не знает", "оставьте текст документа и добавьте `reading \"…\" because \"…\"` в известной формулировке, например «Не более 10 минут» (docs/language.md, Deadlines)"),
        kk: ("«{text}» мерзімі компиляторға белгісіз тұжырыммен жазылған", "құжат мәтінін қалдырып, белгілі тұжырыммен `reading \"…\" because \"…\"` қосыңыз, мысалы «Не более 10 минут» (docs/language.md, Deadlines)"),
    },
    Entry {
        id: "E0401.unknown_at",
        en: ("the deadline «{text}» is in a phrasing the compiler does not know (reading stopped at «{at}»)", "keep the document's text and add `reading \"…\" because \"…\"` in a known phrasing, such as «Не более 10 минут» (docs/language.md, Deadlines)"),
        ru: ("срок «{text}» записан в формулировке, которую компилятор не знает (разбор остановился на «{at}»)", "оставьте текст документа и добавьте `reading \"…\" because \"…\"` в известной формулировке, например «Не более 10 минут» (docs/language.md, Deadlines)"),
        kk: ("«{text}» мерзімі компиляторға белгісіз тұжырыммен жазылған (талдау «{at}» жерінде тоқтады)", "құжат мәтінін қалдырып, белгілі тұжырыммен `reading \"…\" because \"…\"` қосыңыз, мысалы «Не более 10 минут» (docs/language.md, Deadlines)"),
    },
    Entry {
        id: "E0402.unreadable",
        en: ("the next-action cell «{text}» cannot be read", "a next-action cell is a number, «-», or targets with conditions such as «2 – егер …; 3 – егер …»; add a reading if the document says it otherwise"),
        ru: ("ячейку следующего действия «{text}» не удаётся прочитать", "ячейка следующего действия — номер, «-» или цели с условиями, например «2 – если …; 3 – если …»; если в документе иначе, добавьте прочтение"),
        kk: ("«{text}» келесі әрекет ұяшығын оқу мүмкін емес", "келесі әрекет ұяшығы — нөмір, «-» немесе шарттары бар мақсаттар, мысалы «2 – егер …; 3 – егер …»; құжатта басқаша болса, оқылым қосыңыз"),
    },
    Entry {
        id: "E0403.nowhere",
        en: ("action {action} of channel `{channel}` goes to action {target}, which the table does not have", "the table has actions {numbers}; if the document is wrong, add `reading \"…\" because \"…\"`"),
        ru: ("действие {action} канала `{channel}` ведёт к действию {target}, которого нет в таблице", "в таблице есть действия {numbers}; если ошибка в документе, добавьте `reading \"…\" because \"…\"`"),
        kk: ("`{channel}` арнасының {action} әрекеті кестеде жоқ {target} әрекетіне өтеді", "кестеде {numbers} әрекеттері бар; құжатта қате болса, `reading \"…\" because \"…\"` қосыңыз"),
    },
    Entry {
        id: "E0404.duplicate",
        en: ("channel `{channel}` has two actions numbered {number} (the first at source line {first_line})", "if the document numbers twice, keep its number and add `reading N because \"…\"` with the number the action should have"),
        ru: ("в канале `{channel}` два действия с номером {number} (первое в строке источника {first_line})", "если документ нумерует дважды, оставьте его номер и добавьте `reading N because \"…\"` с правильным номером"),
        kk: ("`{channel}` арнасында {number} нөмірлі екі әрекет бар (біріншісі дереккөздің {first_line} жолында)", "құжат екі рет нөмірлесе, оның нөмірін қалдырып, дұрыс нөмірмен `reading N because \"…\"` қосыңыз"),
    },
    Entry {
        id: "E0405.no_final",
        en: ("channel `{channel}` has no final action: every action has a next action", "the action that ends the service has «-» as its next action; add a reading where the document forgets it"),
        ru: ("в канале `{channel}` нет завершающего действия: у каждого есть следующее", "у завершающего действия следующее — «-»; добавьте прочтение, где документ его забыл"),
        kk: ("`{channel}` арнасында аяқтаушы әрекет жоқ: әр әрекеттің келесісі бар", "аяқтаушы әрекеттің келесісі «-»; құжат ұмытқан жерге оқылым қосыңыз"),
    },
    Entry {
        id: "E0406.no_way_to_end",
        en: ("no path leads from action {action} of channel `{channel}` to a final action", "follow the next-action cells from the first action: they loop or stop at a missing action; add readings where the document goes wrong"),
        ru: ("от действия {action} канала `{channel}` нет пути к завершающему действию", "пройдите по ячейкам следующих действий от первого: они зацикливаются или обрываются; добавьте прочтения, где документ ошибается"),
        kk: ("`{channel}` арнасының {action} әрекетінен аяқтаушы әрекетке жол жоқ", "бірінші әрекеттен келесі әрекет ұяшықтарымен жүріңіз: олар тұйықталады немесе үзіледі; құжат қателескен жерге оқылым қосыңыз"),
    },
    Entry {
        id: "E0407.trap",
        en: ("actions {actions} of channel `{channel}` form a cycle with no way out", "one of them must lead on to the end; check their next-action cells and add a reading"),
        ru: ("действия {actions} канала `{channel}` образуют цикл без выхода", "одно из них должно вести дальше к завершению; проверьте их ячейки следующих действий и добавьте прочтение"),
        kk: ("`{channel}` арнасының {actions} әрекеттері шығар жолы жоқ цикл құрайды", "олардың бірі аяқталуға қарай жетелеуі керек; келесі әрекет ұяшықтарын тексеріп, оқылым қосыңыз"),
    },
    Entry {
        id: "E0501.no_name",
        en: ("field {number} has no `name`", "add `name \"…\" @L` with the field's name as the FLK table gives it"),
        ru: ("у поля {number} нет `name`", "добавьте `name \"…\" @L` с названием поля из таблицы ФЛК"),
        kk: ("{number} өрісінде `name` жоқ", "ФЛК кестесіндегі өріс атауымен `name \"…\" @L` қосыңыз"),
    },
    Entry {
        id: "E0501.required",
        en: ("«{text}» does not say whether the field is required", "write «Обязательно» / «Необязательно» (or «Міндетті» / «Міндетті емес»), or add a reading"),
        ru: ("«{text}» не говорит, обязательно ли поле", "нужно «Обязательно» / «Необязательно» (или «Міндетті» / «Міндетті емес»), либо добавьте прочтение"),
        kk: ("«{text}» өрістің міндетті екенін айтпайды", "«Міндетті» / «Міндетті емес» (немесе «Обязательно» / «Необязательно») керек, не оқылым қосыңыз"),
    },
    Entry {
        id: "E0501.size",
        en: ("the size «{text}» is not a number of characters", "add a reading with the number of characters"),
        ru: ("размерность «{text}» — не число символов", "добавьте прочтение с числом символов"),
        kk: ("«{text}» өлшемі таңбалар саны емес", "таңбалар санымен оқылым қосыңыз"),
    },
    Entry {
        id: "E0501.format",
        en: ("the format «{text}» is not one the compiler knows", "known formats: Числовой/Сандық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН; add a reading in one of them"),
        ru: ("формат «{text}» компилятору неизвестен", "известные форматы: Числовой/Сандық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН; добавьте прочтение в одном из них"),
        kk: ("«{text}» пішімі компиляторға белгісіз", "белгілі пішімдер: Числовой/Сандық, Символьный/Символдық, Дата/Күні, ИИН/ЖСН; солардың бірімен оқылым қосыңыз"),
    },
    Entry {
        id: "E0601.covers_missing",
        en: ("action {action} covers {kind} {number}, which the process list of channel `{channel}` does not have", "link the action to an item the process list has, or record the gap with a reading"),
        ru: ("действие {action} ссылается на {kind} {number}, которого нет в списке процессов канала `{channel}`", "свяжите действие с пунктом, который есть в списке, или запишите пропуск прочтением"),
        kk: ("{action} әрекеті `{channel}` арнасының үдерістер тізімінде жоқ {number} {kind} тармағына сілтейді", "әрекетті тізімде бар тармақпен байланыстырыңыз немесе олқылықты оқылымға жазыңыз"),
    },
    Entry {
        id: "E0602.undecided",
        en: ("condition {number} of channel `{channel}` does not say where it leads", "the channel has no action table, so its machine follows the process list; write your reading of the outcomes: `leads process N, process M because \"…\"`"),
        ru: ("условие {number} канала `{channel}` не говорит, куда ведёт", "у канала нет таблицы действий, его машина строится по списку процессов; запишите прочтение исходов: `leads process N, process M because \"…\"`"),
        kk: ("`{channel}` арнасының {number}-шарты қайда апаратынын айтпайды", "арнаның әрекеттер кестесі жоқ, оның машинасы үдерістер тізімі бойынша құрылады; нәтижелердің оқылымын жазыңыз: `leads process N, process M because \"…\"`"),
    },
    Entry {
        id: "E0602.missing_target",
        en: ("{item} of channel `{channel}` leads to {kind} {number}, which the process list does not have", "name an item the list has"),
        ru: ("{item} канала `{channel}` ведёт к пункту «{kind} {number}», которого нет в списке процессов", "назовите пункт, который есть в списке"),
        kk: ("`{channel}` арнасының {item} тармағы үдерістер тізімінде жоқ {number} {kind} тармағына апарады", "тізімде бар тармақты атаңыз"),
    },
    Entry {
        id: "W0101.unreachable",
        en: ("action {action} of channel `{channel}` is reached from no other action", "check the next-action cells that should lead here; the document may skip or misnumber them"),
        ru: ("к действию {action} канала `{channel}` не ведёт ни одно действие", "проверьте ячейки следующих действий, которые должны вести сюда; документ мог их пропустить или перепутать номера"),
        kk: ("`{channel}` арнасының {action} әрекетіне ешбір әрекет апармайды", "мұнда апаруға тиіс келесі әрекет ұяшықтарын тексеріңіз; құжат оларды өткізіп не шатастырып алуы мүмкін"),
    },
    Entry {
        id: "W0102.version_missing",
        en: ("`version_of {target}` names no rendition compiled in this run", "compile both language versions together, or correct the id"),
        ru: ("`version_of {target}` не называет ни одного файла этой компиляции", "компилируйте обе языковые версии вместе или исправьте id"),
        kk: ("`version_of {target}` осы компиляциядағы ешбір файлды атамайды", "екі тілдік нұсқаны бірге компиляциялаңыз немесе id-ді түзетіңіз"),
    },
    Entry {
        id: "W0103.dead_end",
        en: ("action {action} of channel `{channel}` has no next action, so the service would stop there", "if the action ends the service its cell says «-»; if the document leaves the cell blank, add a reading"),
        ru: ("у действия {action} канала `{channel}` нет следующего действия, услуга бы на нём остановилась", "у завершающего действия в ячейке «-»; если документ оставил ячейку пустой, добавьте прочтение"),
        kk: ("`{channel}` арнасының {action} әрекетінің келесі әрекеті жоқ, қызмет сонда тоқтап қалар еді", "аяқтаушы әрекеттің ұяшығында «-» тұрады; құжат ұяшықты бос қалдырса, оқылым қосыңыз"),
    },
    Entry {
        id: "W0104.second_start",
        en: ("action {action} of channel `{channel}` is a second start: no action leads to it", "the service starts at the first action of the table; check the cells that should lead here"),
        ru: ("действие {action} канала `{channel}` — второе начало: к нему не ведёт ни одно действие", "услуга начинается с первого действия таблицы; проверьте ячейки, которые должны вести сюда"),
        kk: ("`{channel}` арнасының {action} әрекеті — екінші бастау: оған ешбір әрекет апармайды", "қызмет кестенің бірінші әрекетінен басталады; мұнда апаруға тиіс ұяшықтарды тексеріңіз"),
    },
    Entry {
        id: "W0105.renumbered",
        en: ("the numbering of channel `{channel}` goes back from action {previous} to action {number}", "if the document restarts numbering in a new block, give the actions their numbers with `reading N because \"…\"`"),
        ru: ("нумерация канала `{channel}` идёт назад: после действия {previous} — действие {number}", "если документ начинает нумерацию заново в новом блоке, дайте действиям номера через `reading N because \"…\"`"),
        kk: ("`{channel}` арнасының нөмірленуі кері кетеді: {previous} әрекетінен кейін {number} әрекеті", "құжат жаңа блокта нөмірлеуді қайта бастаса, әрекеттерге `reading N because \"…\"` арқылы нөмір беріңіз"),
    },
    Entry {
        id: "W0106.gap",
        en: ("the actions of channel `{channel}` skip number {missing}", "check whether the document lost a column or misnumbered one"),
        ru: ("в действиях канала `{channel}` пропущен номер {missing}", "проверьте, не потерял ли документ столбец и не перепутал ли номер"),
        kk: ("`{channel}` арнасының әрекеттерінде {missing} нөмірі өткізілген", "құжат бағанды жоғалтпағанын не нөмірді шатастырмағанын тексеріңіз"),
    },
    Entry {
        id: "W0201.marker_gap",
        en: ("the process list of channel `{channel}` goes from item {previous}) to item {found}), skipping {expected})", "the document skips a list item; keep its numbering and record it with `reading @L because \"…\"`"),
        ru: ("список процессов канала `{channel}` идёт от пункта {previous}) к пункту {found}), пропуская {expected})", "документ пропускает пункт списка; сохраните его нумерацию и запишите это через `reading @L because \"…\"`"),
        kk: ("`{channel}` арнасының үдерістер тізімі {previous}) тармағынан {found}) тармағына өтеді, {expected}) өткізілген", "құжат тізім тармағын өткізеді; нөмірлеуін сақтап, `reading @L because \"…\"` арқылы жазыңыз"),
    },
    Entry {
        id: "W0202.marker_duplicate",
        en: ("item {marker}) of the process list of channel `{channel}` is numbered twice", "the document repeats a list number; keep it and record it with `reading @L because \"…\"`"),
        ru: ("пункт {marker}) списка процессов канала `{channel}` пронумерован дважды", "документ повторяет номер пункта; сохраните его и запишите через `reading @L because \"…\"`"),
        kk: ("`{channel}` арнасының үдерістер тізімінің {marker}) тармағы екі рет нөмірленген", "құжат тармақ нөмірін қайталайды; оны сақтап, `reading @L because \"…\"` арқылы жазыңыз"),
    },
    Entry {
        id: "W0203.step_gap",
        en: ("the process list of channel `{channel}` skips {kind} {missing}", "check whether the document lost the item or misnumbered it"),
        ru: ("в списке процессов канала `{channel}` пропущено: {kind} {missing}", "проверьте, не потерял ли документ пункт и не перепутал ли номер"),
        kk: ("`{channel}` арнасының үдерістер тізімінде {missing} {kind} өткізілген", "құжат тармақты жоғалтпағанын не нөмірін шатастырмағанын тексеріңіз"),
    },
    Entry {
        id: "W0204.step_duplicate",
        en: ("{kind} {number} appears twice in the process list of channel `{channel}`", "check which of the two items the document means"),
        ru: ("{kind} {number} встречается дважды в списке процессов канала `{channel}`", "проверьте, какой из двух пунктов имеет в виду документ"),
        kk: ("{number} {kind} `{channel}` арнасының үдерістер тізімінде екі рет кездеседі", "құжат екі тармақтың қайсысын меңзейтінін тексеріңіз"),
    },
    Entry {
        id: "W0205.condition_nowhere",
        en: ("condition {number} ends the process list of channel `{channel}`: it leads nowhere", "a condition is followed by the processes of its outcomes; check whether the document lost them"),
        ru: ("условие {number} завершает список процессов канала `{channel}` и никуда не ведёт", "за условием следуют процессы его исходов; проверьте, не потерял ли их документ"),
        kk: ("{number}-шарт `{channel}` арнасының үдерістер тізімін аяқтайды, ешқайда апармайды", "шарттан кейін оның нәтижелерінің үдерістері келеді; құжат оларды жоғалтпағанын тексеріңіз"),
    },
    Entry {
        id: "W0301.unused_participant",
        en: ("participant `{id}` is declared but no action names it", "the document lists it among the participants, but no table gives it an action; check the СФЕ cells"),
        ru: ("участник `{id}` объявлен, но ни одно действие его не называет", "документ перечисляет его среди участников, но ни одна таблица не даёт ему действия; проверьте ячейки СФЕ"),
        kk: ("`{id}` қатысушысы жарияланған, бірақ ешбір әрекет оны атамайды", "құжат оны қатысушылар арасында атайды, бірақ ешбір кесте оған әрекет бермейді; ҚФБ ұяшықтарын тексеріңіз"),
    },
    Entry {
        id: "W0302.undefined_abbreviation",
        en: ("the abbreviation «{abbr}» is used but never defined", "if the document defines it, add `abbreviation \"{abbr}\" = \"…\" @L`; if it does not, this is a defect of the document"),
        ru: ("сокращение «{abbr}» используется, но нигде не определено", "если документ его определяет, добавьте `abbreviation \"{abbr}\" = \"…\" @L`; если нет, это дефект документа"),
        kk: ("«{abbr}» қысқартуы қолданылады, бірақ еш жерде анықталмаған", "құжат оны анықтаса, `abbreviation \"{abbr}\" = \"…\" @L` қосыңыз; анықтамаса, бұл құжаттың ақауы"),
    },
    Entry {
        id: "W0303.unused_abbreviation",
        en: ("the abbreviation «{abbr}» is defined but the regulation never uses it", "the document defines an abbreviation it does not need, or spells it differently where it uses it"),
        ru: ("сокращение «{abbr}» определено, но в регламенте не используется", "документ определяет ненужное сокращение или пишет его иначе там, где использует"),
        kk: ("«{abbr}» қысқартуы анықталған, бірақ регламентте қолданылмайды", "құжат қажетсіз қысқартуды анықтайды немесе қолданған жерде басқаша жазады"),
    },
    Entry {
        id: "W0401.branch_without_condition",
        en: ("action {action} of channel `{channel}` has several next actions, but the branch to action {target} has no condition", "the code cannot tell when to take it; if the document gives the condition elsewhere, add a reading"),
        ru: ("у действия {action} канала `{channel}` несколько следующих, но ветвь к действию {target} без условия", "код не может знать, когда по ней идти; если документ даёт условие в другом месте, добавьте прочтение"),
        kk: ("`{channel}` арнасының {action} әрекетінің бірнеше келесісі бар, бірақ {target} әрекетіне тармақтың шарты жоқ", "код оған қашан өту керегін біле алмайды; құжат шартты басқа жерде берсе, оқылым қосыңыз"),
    },
    Entry {
        id: "W0402.same_condition",
        en: ("two branches of action {action} of channel `{channel}` have the same condition «{when}»", "the outcomes must differ; check the cell against the process list"),
        ru: ("две ветви действия {action} канала `{channel}` имеют одно условие «{when}»", "исходы должны различаться; сверьте ячейку со списком процессов"),
        kk: ("`{channel}` арнасының {action} әрекетінің екі тармағының шарты бірдей: «{when}»", "нәтижелер әртүрлі болуы керек; ұяшықты үдерістер тізімімен салыстырыңыз"),
    },
    Entry {
        id: "W0403.single_condition",
        en: ("action {action} of channel `{channel}` goes to action {target} only «{when}»; the cell does not say what happens otherwise", "check whether the document lost the other branch (a refusal that ends the service, for example)"),
        ru: ("действие {action} канала `{channel}` ведёт к действию {target} только «{when}»; что иначе, ячейка не говорит", "проверьте, не потерял ли документ другую ветвь (например, отказ, завершающий услугу)"),
        kk: ("`{channel}` арнасының {action} әрекеті {target} әрекетіне тек «{when}» өтеді; әйтпесе не болатынын ұяшық айтпайды", "құжат басқа тармақты жоғалтпағанын тексеріңіз (мысалы, қызметті аяқтайтын бас тарту)"),
    },
    Entry {
        id: "W0501.deadline_conflict",
        en: ("the same step «{does}» has the deadline «{here}» here but «{there}» in channel `{other}` (source line {other_line})", "one of the tables is probably wrong; record your reading of it"),
        ru: ("у одного и того же шага «{does}» здесь срок «{here}», а в канале `{other}` — «{there}» (строка источника {other_line})", "одна из таблиц, вероятно, ошибочна; запишите своё прочтение"),
        kk: ("бір қадамның «{does}» мұндағы мерзімі «{here}», ал `{other}` арнасында «{there}» (дереккөздің {other_line} жолы)", "кестелердің бірі қате болуы мүмкін; өз оқылымыңызды жазыңыз"),
    },
    Entry {
        id: "W0502.exceeds_term",
        en: ("the deadline of action {action} of channel `{channel}` ({deadline}) is longer than the service term ({term})", "an action cannot take longer than the whole service; one of the two is wrong"),
        ru: ("срок действия {action} канала `{channel}` ({deadline}) больше срока оказания услуги ({term})", "действие не может длиться дольше всей услуги; одно из двух ошибочно"),
        kk: ("`{channel}` арнасының {action} әрекетінің мерзімі ({deadline}) қызмет көрсету мерзімінен ({term}) ұзақ", "әрекет бүкіл қызметтен ұзақ бола алмайды; екеуінің бірі қате"),
    },
    Entry {
        id: "W0503.path_exceeds_term",
        en: ("the critical path of channel `{channel}` ({total}) is longer than the service term ({term})", "the sum of the table's maximum deadlines along {path} exceeds the term the regulation states"),
        ru: ("критический путь канала `{channel}` ({total}) длиннее срока оказания услуги ({term})", "сумма максимальных сроков таблицы по пути {path} превышает срок, указанный в регламенте"),
        kk: ("`{channel}` арнасының сындарлы жолы ({total}) қызмет көрсету мерзімінен ({term}) ұзақ", "{path} жолы бойынша кестенің ең ұзақ мерзімдерінің қосындысы регламенттегі мерзімнен асады"),
    },
    Entry {
        id: "N0501.critical_path",
        en: ("critical path of channel `{channel}`: {path}, {total}", E),
        ru: ("критический путь канала `{channel}`: {path}, {total}", E),
        kk: ("`{channel}` арнасының сындарлы жолы: {path}, {total}", E),
    },
    Entry {
        id: "W0601.uncovered",
        en: ("{kind} {number} of the process list of channel `{channel}` is carried out by no action", "link the action that carries it out with `covers`, or record why the table lacks it"),
        ru: ("{kind} {number} из списка процессов канала `{channel}` не выполняет ни одно действие", "свяжите выполняющее его действие через `covers` или запишите, почему его нет в таблице"),
        kk: ("`{channel}` арнасының үдерістер тізіміндегі {number} {kind} тармағын ешбір әрекет орындамайды", "оны орындайтын әрекетті `covers` арқылы байланыстырыңыз немесе кестеде неге жоқ екенін жазыңыз"),
    },
    Entry {
        id: "W0602.out_of_order",
        en: ("action {action} covers {kind} {number}, but an earlier action covers a later item ({later})", "the table and the process list disagree on the order of the steps"),
        ru: ("действие {action} выполняет {kind} {number}, но более раннее действие выполняет более поздний пункт ({later})", "таблица и список процессов расходятся в порядке шагов"),
        kk: ("{action} әрекеті {number} {kind} тармағын орындайды, бірақ ертерек әрекет кейінгі тармақты ({later}) орындайды", "кесте мен үдерістер тізімі қадамдар ретінде сәйкес емес"),
    },
    Entry {
        id: "W0603.flow_ignored",
        en: ("`leads` and `ends` are readings for channels without an action table; channel `{channel}` has one, so this is not used", "the table's next-action cells give the flow; record a disagreement with a free-standing reading"),
        ru: ("`leads` и `ends` — прочтения для каналов без таблицы действий; у канала `{channel}` она есть, поэтому это не используется", "поток задают ячейки следующих действий таблицы; расхождение запишите отдельным прочтением"),
        kk: ("`leads` пен `ends` — әрекеттер кестесі жоқ арналарға арналған оқылымдар; `{channel}` арнасында кесте бар, сондықтан бұл қолданылмайды", "ағынды кестенің келесі әрекет ұяшықтары береді; сәйкессіздікті жеке оқылыммен жазыңыз"),
    },
    Entry {
        id: "W0701.channel_missing",
        en: ("channel `{channel}` is in this version but not in `{other}`", "the language versions of one regulation should have the same channels"),
        ru: ("канал `{channel}` есть в этой версии, но нет в `{other}`", "языковые версии одного регламента должны иметь одни и те же каналы"),
        kk: ("`{channel}` арнасы осы нұсқада бар, бірақ `{other}` нұсқасында жоқ", "бір регламенттің тілдік нұсқаларында арналар бірдей болуы керек"),
    },
    Entry {
        id: "W0701.action_count",
        en: ("channel `{channel}` has {here} actions here but {there} in `{other}`", "compare the two tables column by column"),
        ru: ("в канале `{channel}` здесь {here} действий, а в `{other}` — {there}", "сравните две таблицы столбец за столбцом"),
        kk: ("`{channel}` арнасында мұнда {here} әрекет, ал `{other}` нұсқасында {there}", "екі кестені бағанба-баған салыстырыңыз"),
    },
    Entry {
        id: "W0701.next_differs",
        en: ("action {action} of channel `{channel}` goes to {here} here but to {there} in `{other}`", "one of the versions has a wrong next-action cell"),
        ru: ("действие {action} канала `{channel}` ведёт здесь к {here}, а в `{other}` — к {there}", "в одной из версий ошибочна ячейка следующего действия"),
        kk: ("`{channel}` арнасының {action} әрекеті мұнда {here} әрекетіне, ал `{other}` нұсқасында {there} әрекетіне өтеді", "нұсқалардың бірінде келесі әрекет ұяшығы қате"),
    },
    Entry {
        id: "W0701.deadline_differs",
        en: ("the deadline of action {action} of channel `{channel}` is {here} here but {there} in `{other}`", "one of the versions has a wrong deadline cell"),
        ru: ("срок действия {action} канала `{channel}` здесь {here}, а в `{other}` — {there}", "в одной из версий ошибочна ячейка срока"),
        kk: ("`{channel}` арнасының {action} әрекетінің мерзімі мұнда {here}, ал `{other}` нұсқасында {there}", "нұсқалардың бірінде мерзім ұяшығы қате"),
    },
    Entry {
        id: "W0701.participant_differs",
        en: ("action {action} of channel `{channel}` is done by `{here}` here but by `{there}` in `{other}`", "one of the versions names the wrong participant"),
        ru: ("действие {action} канала `{channel}` здесь выполняет `{here}`, а в `{other}` — `{there}`", "одна из версий называет не того участника"),
        kk: ("`{channel}` арнасының {action} әрекетін мұнда `{here}`, ал `{other}` нұсқасында `{there}` орындайды", "нұсқалардың бірі қатысушыны қате атайды"),
    },
    Entry {
        id: "W0801.unknown_action",
        en: ("the use case «{scenario}» of channel `{channel}` names action {action}, which the table does not have", "check the use case's «Действие № N» against the action table"),
        ru: ("вариант использования «{scenario}» канала `{channel}` называет действие {action}, которого нет в таблице", "сверьте «Действие № N» варианта использования с таблицей действий"),
        kk: ("`{channel}` арнасының «{scenario}» қолдану нұсқасы кестеде жоқ {action} әрекетін атайды", "қолдану нұсқасындағы «Әрекет № N» кестемен салыстырыңыз"),
    },
    Entry {
        id: "W0802.not_allowed",
        en: ("the use case «{scenario}» of channel `{channel}` goes from action {from} to action {to}, which the table does not allow", "the use case and the table disagree on the flow; one of them is wrong"),
        ru: ("вариант использования «{scenario}» канала `{channel}` идёт от действия {from} к действию {to}, чего таблица не допускает", "вариант использования и таблица расходятся в порядке; одно из них ошибочно"),
        kk: ("`{channel}` арнасының «{scenario}» қолдану нұсқасы {from} әрекетінен {to} әрекетіне өтеді, кесте мұны рұқсат етпейді", "қолдану нұсқасы мен кесте ағын бойынша сәйкес емес; біреуі қате"),
    },
    Entry {
        id: "W0803.does_not_end",
        en: ("the use case «{scenario}» of channel `{channel}` stops at action {action}, which is not final in the table", "a use case runs to the end of the service; check whether it lost its last actions"),
        ru: ("вариант использования «{scenario}» канала `{channel}` обрывается на действии {action}, которое в таблице не завершающее", "вариант использования идёт до конца услуги; проверьте, не потерял ли он последние действия"),
        kk: ("`{channel}` арнасының «{scenario}» қолдану нұсқасы кестеде аяқтаушы емес {action} әрекетінде тоқтайды", "қолдану нұсқасы қызметтің соңына дейін жетеді; соңғы әрекеттерін жоғалтпағанын тексеріңіз"),
    },
    Entry {
        id: "N0001.reading",
        en: ("reading ({subject}): the document says «{document}», read as «{reading}»: {because}", E),
        ru: ("прочтение ({subject}): в документе «{document}», прочитано как «{reading}»: {because}", E),
        kk: ("оқылым ({subject}): құжатта «{document}», «{reading}» деп оқылды: {because}", E),
    },
    Entry {
        id: "N0001.empty",
        en: ("reading ({subject}): an empty cell, read as «{reading}»: {because}", E),
        ru: ("прочтение ({subject}): пустая ячейка прочитана как «{reading}»: {because}", E),
        kk: ("оқылым ({subject}): бос ұяшық «{reading}» деп оқылды: {because}", E),
    },
    Entry {
        id: "N0001.note",
        en: ("reading ({subject}): {because}", E),
        ru: ("прочтение ({subject}): {because}", E),
        kk: ("оқылым ({subject}): {because}", E),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_fills_the_same_placeholders_in_every_language() {
        let holes = |t: &str| -> Vec<String> {
            let mut v: Vec<String> = t
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}'))
                .map(|(n, _)| n.to_string())
                .filter(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_') && !n.is_empty())
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for e in CATALOG {
            for part in [0, 1] {
                let pick = |x: (&'static str, &'static str)| if part == 0 { x.0 } else { x.1 };
                assert_eq!(holes(pick(e.en)), holes(pick(e.ru)), "{} ru", e.id);
                assert_eq!(holes(pick(e.en)), holes(pick(e.kk)), "{} kk", e.id);
            }
        }
    }

    #[test]
    fn ids_are_unique_and_coded() {
        let mut ids: Vec<&str> = ids().collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert!(ids.iter().all(|i| i.len() > 6 && i.as_bytes()[5] == b'.'));
    }
}
