//! Synthetic regulations at the scale of a country, for benchmarks.
//!
//! Kazakhstan has hundreds of state services, each with a regulation per
//! region and per language. This module writes corpora shaped like the real
//! renditions under `regulations/`: Kazakh and Russian versions of one
//! regulation (the Kazakh one `version_of` the Russian one), two or three
//! channels (authority, centre, portal) of 8–15 actions with conditional
//! branches to refusals, process lists with their labels, use cases, FLK
//! forms, analyst readings, and the deadline phrasings of the sources
//! («Не более 10 минут.», «30 секунд - 1 минут», «От 15 до 30 календарных
//! дней (в исключительных случаях до 6 мес.)», «1 минуттан аспай»,
//! «Күнтізбелік он күн ішінде», «-», …).
//!
//! Every quote must stand verbatim on its cited line, so the generator also
//! writes the source documents it quotes: one document per regulation and
//! region, with the Russian text first and the Kazakh text after it (as in
//! `regulations/sources/004_…`), tables as tab-separated rows with a column
//! per action, as the real sources have them.
//!
//! Output is a pure function of the seed and the size: a small PRNG written
//! here (SplitMix64), no hash-map order, no clock. A corpus of `n` regulations
//! has `n / 2` documents with both languages (and one with Russian only when
//! `n` is odd). The layout is the project's: `regulations/ru/*.reglament`,
//! `regulations/kk/*.reglament` and `regulations/sources/*.txt` under the folder
//! given, so `regc build --root DIR` compiles it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use reglament_compiler::sources::manifest::{Entry, Manifest};
use reglament_compiler::sources::SourceDoc;

/// The seed the benchmarks and `examples/synth.rs` use.
pub const DEFAULT_SEED: u64 = 0x5245_474c_414d_4e54;

/// The file that marks a folder as written by this generator, so that
/// [`write_corpus`] may replace it.
pub const MARKER: &str = ".synthetic-corpus";

/// SplitMix64: a tiny, well-mixed deterministic generator.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next_u64() % (hi.saturating_sub(lo) as u64 + 1)) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a slice; every slice the generator picks from is one
    /// of its non-empty constants.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let i = self.range(0, items.len().saturating_sub(1));
        &items[i]
    }
}

/// One file of a corpus, with its path relative to the corpus folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthFile {
    /// Such as `regulations/ru/vydacha_arhivnyh_spravok_almaty_17_ru.reglament`.
    pub path: String,
    /// The file's text.
    pub content: String,
}

impl SynthFile {
    /// Whether this is a rendition (not a source document).
    pub fn is_rendition(&self) -> bool {
        self.path.ends_with(".reglament")
    }
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Renditions written.
    pub renditions: usize,
    /// Source documents written.
    pub sources: usize,
    /// Bytes of renditions.
    pub rendition_bytes: usize,
    /// Bytes of source documents.
    pub source_bytes: usize,
}

/// The files of a corpus of `regulations` renditions, document by document
/// (each document's source first, then its renditions).
pub fn corpus(seed: u64, regulations: usize) -> impl Iterator<Item = SynthFile> {
    let documents = regulations.div_ceil(2);
    (0..documents).flat_map(move |d| document(seed, d, 2 * d + 1 < regulations))
}

/// Writes a corpus of `regulations` renditions under `dir` (its
/// `regulations/` folder, which must be absent, empty, or written by this
/// generator before: it is replaced).
pub fn write_corpus(dir: &Path, seed: u64, regulations: usize) -> std::io::Result<CorpusStats> {
    let root = dir.join("regulations");
    if root.exists() {
        let ours = root.join(MARKER).is_file();
        let empty = std::fs::read_dir(&root)?.next().is_none();
        if !ours && !empty {
            return Err(std::io::Error::other(format!(
                "{} exists and was not written by the generator; choose another folder",
                root.display()
            )));
        }
        std::fs::remove_dir_all(&root)?;
    }
    for sub in ["ru", "kk", "sources"] {
        std::fs::create_dir_all(root.join(sub))?;
    }
    std::fs::write(root.join(MARKER), format!("seed {seed:#x}, {regulations} regulations\n"))?;
    let mut stats = CorpusStats::default();
    // The sources are recorded in a manifest, as `regc source add` would.
    let mut manifest = Manifest::empty(Manifest::path_for(&root.join("sources")));
    for file in corpus(seed, regulations) {
        std::fs::write(dir.join(&file.path), &file.content)?;
        if file.is_rendition() {
            stats.renditions += 1;
            stats.rendition_bytes += file.content.len();
        } else {
            stats.sources += 1;
            stats.source_bytes += file.content.len();
            let doc = SourceDoc::from_text(&file.content);
            let name = file.path.rsplit('/').next().unwrap_or_default().to_string();
            manifest.add(Entry {
                file: name,
                sha256: doc.sha256().to_string(),
                lines: doc.line_count(),
                ..Entry::default()
            });
        }
    }
    std::fs::write(&manifest.path, manifest.text())?;
    Ok(stats)
}

/// The folder of a cached corpus of `regulations` renditions under the
/// workspace's `target/synth/`, written if it is not there yet.
pub fn cached_corpus(regulations: usize) -> std::io::Result<PathBuf> {
    let dir = crate::root().join("target").join("synth").join(regulations.to_string());
    let marker = dir.join("regulations").join(MARKER);
    let expected = format!("seed {DEFAULT_SEED:#x}, {regulations} regulations\n");
    // A corpus cached before the generator recorded its sources is written again.
    let recorded = dir.join("regulations").join(reglament_compiler::sources::manifest::MANIFEST).is_file();
    if !recorded || std::fs::read_to_string(&marker).ok().as_deref() != Some(expected.as_str()) {
        write_corpus(&dir, DEFAULT_SEED, regulations)?;
    }
    Ok(dir)
}

// ------------------------------------------------------------------ vocabulary

/// A text in both languages.
type Pair = (&'static str, &'static str);

/// Services: (Russian title, Kazakh title, id stem).
const SERVICES: &[(&str, &str, &str)] = &[
    ("Выдача архивных справок", "Мұрағаттық анықтамалар беру", "arhivnye_spravki"),
    (
        "Постановка на очередь детей дошкольного возраста (до 7 лет) для направления в детские дошкольные организации",
        "Мектепке дейінгі (7 жасқа дейін) жастағы балаларды мектепке дейінгі балалар ұйымдарына жіберу үшін кезекке қою",
        "ochered_doshkolnikov",
    ),
    ("Выдача справок безработным гражданам", "Жұмыссыз азаматтарға анықтамалар беру", "spravki_bezrabotnym"),
    (
        "Назначение государственной адресной социальной помощи",
        "Мемлекеттік атаулы әлеуметтік көмек тағайындау",
        "adresnaya_pomoshch",
    ),
    ("Назначение жилищной помощи", "Тұрғын үй көмегін тағайындау", "zhilishchnaya_pomoshch"),
    (
        "Выдача справки о наличии личного подсобного хозяйства",
        "Жеке қосалқы шаруашылықтың бар екендігі туралы анықтама беру",
        "podsobnoe_hozyaystvo",
    ),
    ("Выдача ветеринарной справки", "Ветеринариялық анықтама беру", "veterinarnaya_spravka"),
    ("Государственная регистрация рождения ребенка", "Баланың тууын мемлекеттік тіркеу", "registraciya_rozhdeniya"),
    (
        "Постановка на учет лиц, нуждающихся в жилище",
        "Тұрғын үйге мұқтаж адамдарды есепке қою",
        "uchet_nuzhdayushchihsya",
    ),
    ("Субсидирование стоимости семян", "Тұқымдардың құнын субсидиялау", "subsidii_semena"),
    (
        "Выдача лицензии на занятие туристской операторской деятельностью",
        "Туроператорлық қызметпен айналысуға лицензия беру",
        "licenziya_turoperator",
    ),
    (
        "Прием документов для организации индивидуального бесплатного обучения на дому детей с ограниченными возможностями",
        "Мүмкіндігі шектеулі балаларды үйде жеке тегін оқытуды ұйымдастыру үшін құжаттар қабылдау",
        "obuchenie_na_domu",
    ),
    (
        "Выдача дубликатов документов об основном среднем образовании",
        "Негізгі орта білім туралы құжаттардың телнұсқаларын беру",
        "dublikaty_attestatov",
    ),
    (
        "Оформление документов на социальное обеспечение детей-сирот",
        "Жетім балаларды әлеуметтік қамсыздандыруға құжаттарды ресімдеу",
        "obespechenie_sirot",
    ),
    ("Выдача разрешения на вырубку деревьев", "Ағаштарды кесуге рұқсат беру", "vyrubka_derevev"),
    (
        "Регистрация граждан, пострадавших вследствие ядерных испытаний",
        "Ядролық сынақтар салдарынан зардап шеккен азаматтарды тіркеу",
        "postradavshie_ispytaniya",
    ),
];

/// Regions: (Russian genitive, Kazakh name, id stem).
const REGIONS: &[(&str, &str, &str)] = &[
    ("Акмолинской области", "Ақмола облысы", "akmola"),
    ("Актюбинской области", "Ақтөбе облысы", "aktobe"),
    ("Алматинской области", "Алматы облысы", "almaty"),
    ("Атырауской области", "Атырау облысы", "atyrau"),
    ("Восточно-Казахстанской области", "Шығыс Қазақстан облысы", "vko"),
    ("Жамбылской области", "Жамбыл облысы", "zhambyl"),
    ("Западно-Казахстанской области", "Батыс Қазақстан облысы", "zko"),
    ("Карагандинской области", "Қарағанды облысы", "karaganda"),
    ("Костанайской области", "Қостанай облысы", "kostanay"),
    ("Кызылординской области", "Қызылорда облысы", "kyzylorda"),
    ("Мангистауской области", "Маңғыстау облысы", "mangystau"),
    ("Павлодарской области", "Павлодар облысы", "pavlodar"),
    ("Северо-Казахстанской области", "Солтүстік Қазақстан облысы", "sko"),
    ("Туркестанской области", "Түркістан облысы", "turkestan"),
    ("Южно-Казахстанской области", "Оңтүстік Қазақстан облысы", "yuko"),
    ("города Астаны", "Астана қаласы", "astana"),
    ("города Алматы", "Алматы қаласы", "almaty_city"),
];

const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_KK: [&str; 12] = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
];

/// Abbreviations: (short, definition) in each language. Every regulation
/// declares all of them and uses all of them.
const ABBREVIATIONS: [(Pair, Pair); 8] = [
    (("ИИН", "индивидуальный идентификационный номер"), ("ЖСН", "жеке сәйкестендіру нөмірі")),
    (("ИС", "информационная система"), ("АЖ", "ақпараттық жүйе")),
    (("МИО", "местный исполнительный орган"), ("ЖАО", "жергілікті атқарушы орган")),
    (("ПЭП", "веб-портал «электронного правительства»"), ("ЭҮП", "«электрондық үкіметтің» веб-порталы")),
    (("СФЕ", "структурно-функциональные единицы"), ("ҚФБ", "құрылымдық-функционалдық бірліктер")),
    (("ЦОН", "центр обслуживания населения"), ("ХҚКО", "халыққа қызмет көрсету орталығы")),
    (("ШЭП", "шлюз «электронного правительства»"), ("ЭҮШ", "«электрондық үкімет» шлюзі")),
    (("ЭЦП", "электронная цифровая подпись"), ("ЭЦҚ", "электрондық цифрлық қолтаңба")),
];

/// Who acts in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    Applicant,
    Authority,
    AuthoritySystem,
    Center,
    CenterSystem,
    Portal,
    Gateway,
}

impl Role {
    const ALL: [Role; 7] = [
        Role::Applicant,
        Role::Authority,
        Role::AuthoritySystem,
        Role::Center,
        Role::CenterSystem,
        Role::Portal,
        Role::Gateway,
    ];

    fn id(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Authority => "authority",
            Role::AuthoritySystem => "authority_is",
            Role::Center => "center",
            Role::CenterSystem => "center_is",
            Role::Portal => "portal",
            Role::Gateway => "gateway",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Authority | Role::Center => "unit",
            _ => "system",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        let (ru, kk) = match self {
            Role::Applicant => ("Потребитель", "Алушы"),
            Role::Authority => ("МИО", "ЖАО"),
            Role::AuthoritySystem => ("ИС МИО", "ЖАО АЖ"),
            Role::Center => ("ЦОН", "ХҚКО"),
            Role::CenterSystem => ("ИС ЦОН", "ХҚКО АЖ"),
            Role::Portal => ("ПЭП", "ЭҮП"),
            Role::Gateway => ("ШЭП", "ЭҮШ"),
        };
        lang.pick(ru, kk)
    }
}

/// What an action does: (Russian, Kazakh, who may do it).
const DOES: &[(&str, &str, &[Role])] = &[
    (
        "Прием заявления и документов, проверка их полноты",
        "Өтініш пен құжаттарды қабылдау, олардың толықтығын тексеру",
        &[Role::Authority, Role::Center],
    ),
    (
        "Авторизация в системе с помощью ИИН и пароля",
        "ЖСН және пароль арқылы жүйеде авторизациялау",
        &[Role::Applicant, Role::AuthoritySystem, Role::CenterSystem],
    ),
    (
        "Заполнение формы запроса и прикрепление электронных копий документов",
        "Сұрау нысанын толтыру және құжаттардың электрондық көшірмелерін бекіту",
        &[Role::Applicant, Role::Authority, Role::Center],
    ),
    (
        "Подписание запроса посредством ЭЦП",
        "Сұрауды ЭЦҚ арқылы куәландыру (қол қою)",
        &[Role::Applicant, Role::Authority, Role::Center],
    ),
    (
        "Маршрутизация запроса в информационную систему услугодателя",
        "Сұрауды көрсетілетін қызметті берушінің ақпараттық жүйесіне бағыттау",
        &[Role::Gateway],
    ),
    (
        "Регистрация заявления с присвоением номера",
        "Өтінішті нөмір бере отырып тіркеу",
        &[Role::AuthoritySystem, Role::CenterSystem],
    ),
    (
        "Рассмотрение документов и наложение резолюции руководителем",
        "Құжаттарды қарау және басшының бұрыштама қоюы",
        &[Role::Authority],
    ),
    (
        "Проверка соответствия документов требованиям стандарта",
        "Құжаттардың стандарт талаптарына сәйкестігін тексеру",
        &[Role::Authority],
    ),
    (
        "Подготовка результата оказания государственной услуги",
        "Мемлекеттік қызмет көрсету нәтижесін дайындау",
        &[Role::Authority],
    ),
    (
        "Подписание результата оказания услуги руководителем",
        "Қызмет көрсету нәтижесіне басшының қол қоюы",
        &[Role::Authority],
    ),
    (
        "Направление уведомления о смене статуса запроса",
        "Сұрау мәртебесінің өзгергені туралы хабарлама жіберу",
        &[Role::AuthoritySystem, Role::Gateway],
    ),
    (
        "Отображение статуса запроса в личном кабинете",
        "Сұрау мәртебесін жеке кабинетте бейнелеу",
        &[Role::Portal, Role::CenterSystem],
    ),
    (
        "Выдача результата оказания государственной услуги",
        "Мемлекеттік қызмет көрсету нәтижесін беру",
        &[Role::Authority, Role::Center, Role::Portal],
    ),
    (
        "Формирование сообщения об отказе в авторизации в связи с нарушениями в данных",
        "Деректердегі бұзушылықтарға байланысты авторизациялаудан бас тарту туралы хабарламаны қалыптастыру",
        &[Role::AuthoritySystem, Role::CenterSystem, Role::Portal],
    ),
    (
        "Формирование мотивированного отказа в оказании услуги",
        "Қызмет көрсетуден дәлелді бас тартуды қалыптастыру",
        &[Role::Authority],
    ),
    (
        "Формирование сообщения об отказе в связи с неподтверждением подлинности ЭЦП",
        "ЭЦҚ-ның түпнұсқалығы расталмауына байланысты бас тарту туралы хабарламаны қалыптастыру",
        &[Role::AuthoritySystem, Role::CenterSystem, Role::Portal],
    ),
];

const FIRST: usize = 0;
const AUTHORIZE: usize = 1;
const SIGN: usize = 3;
const CHECK: usize = 7;
const ISSUE: usize = 12;
const REFUSALS: [usize; 3] = [13, 14, 15];
/// The "does" rows an ordinary step may take.
const MIDDLE: [usize; 10] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/// The rows that take days rather than minutes.
const SLOW: [usize; 4] = [6, 7, 8, 14];

const COMPLETION: &[Pair] = &[
    ("Регистрация запроса в системе", "Сұрауды жүйеде тіркеу"),
    ("Маршрутизация запроса", "Сұрауды бағыттау"),
    (
        "Отображение уведомления об успешном формировании запроса",
        "Сұраудың сәтті қалыптастырылғаны туралы хабарламаны бейнелеу",
    ),
    ("Направление документов на исполнение", "Құжаттарды орындауға жолдау"),
    ("Резолюция руководителя", "Басшының бұрыштамасы"),
    ("Подписанный выходной документ", "Қол қойылған шығыс құжат"),
    ("Выдача расписки о приеме документов", "Құжаттарды қабылдағаны туралы қолхат беру"),
    ("Выдача результата оказания услуги", "Қызмет нәтижесін беру"),
    ("Отображение статуса «в работе»", "«Жұмыста» мәртебесін бейнелеу"),
];
const REFUSED: Pair = ("Мотивированный отказ", "Дәлелді бас тарту");

/// Conditions of a branch: what is checked, when it is refused, when it goes on.
const CONDITIONS: &[(Pair, Pair, Pair)] = &[
    (
        ("подлинности данных потребителя через ИИН и пароль", "алушы деректерінің ЖСН мен пароль арқылы дұрыстығын"),
        ("в случае наличия нарушений в данных потребителя", "егер алушының деректерінде бұзушылықтар болса"),
        ("в случае отсутствия нарушений", "егер бұзушылықтар жоқ болса"),
    ),
    (
        (
            "подлинности ЭЦП и срока действия регистрационного свидетельства",
            "ЭЦҚ-ның түпнұсқалығы мен тіркеу куәлігінің қолданылу мерзімін",
        ),
        ("если ЭЦП не подтверждена", "егер ЭЦҚ расталмаса"),
        ("если ЭЦП подтверждена", "егер ЭЦҚ расталса"),
    ),
    (
        ("полноты пакета документов", "құжаттар топтамасының толықтығын"),
        ("при неполном пакете документов", "егер құжаттар топтамасы толық болмаса"),
        ("при полном пакете документов", "егер құжаттар топтамасы толық болса"),
    ),
];

/// Deadlines: ways the sources word one value, in each language. Versions of
/// one regulation may word a deadline differently; they read the same.
const DEADLINES: &[(&[&str], &[&str])] = &[
    (&["Не более 1 минуты.", "Не более минуты", "Не более 1 минуты"], &["1 минуттан аспай", "1 минуттан артық емес"]),
    (&["Не более 5 минут.", "Не более 5 минут"], &["5 минуттан аспай"]),
    (&["Не более 10 минут.", "Не более 10 минут"], &["10 минуттан аспай", "10 минуттан артық емес"]),
    (&["Не более 15 минут в случае отправки на электронную почту", "Не более 15 минут."], &["15 минуттан аспай"]),
    (&["30 секунд - 1 минут", "30 секунд – 1 минут"], &["30 секунд - 1 минут", "30 секунд – 1 минут"]),
    (&["10 - 15 секунд"], &["10 - 15 секунд"]),
    (&["1,5 минут"], &["1,5 минут"]),
    (&["Не более 1 часа"], &["1 сағаттан аспай"]),
    (&["-"], &["-"]),
    // Days: only the slow steps.
    (&["В течение 3 рабочих дней"], &["3 жұмыс күн ішінде"]),
    (
        &[
            "Три рабочих дня (день приема и день выдачи документов не входит в срок оказания государственной услуги)",
            "3 рабочих дня",
        ],
        &[
            "үш жұмыс күні (құжаттарды қабылдау және беру күні мемлекеттік қызметті көрсету мерзіміне кірмейді)",
            "3 жұмыс күні",
        ],
    ),
    (&["От 15 до 30 календарных дней (в исключительных случаях до 6 мес.)"], &["15 - 30 күнтізбелік күн"]),
    (&["В течение 10 календарных дней"], &["Күнтізбелік он күн ішінде"]),
    (&["15 дней"], &["15 күн"]),
];
/// The deadlines (indices into [`DEADLINES`]) of quick and of slow steps.
const QUICK_DEADLINES: [usize; 9] = [0, 0, 1, 2, 3, 4, 5, 6, 7];
const SLOW_DEADLINES: [usize; 6] = [9, 10, 11, 12, 13, 2];
/// Working days of each deadline's maximum (for the service term).
fn working_days(deadline: usize) -> u32 {
    match deadline {
        9 | 10 => 3,
        _ => 0,
    }
}

/// FLK fields: (id, Russian name, Kazakh name, required, size, format kind).
const FIELDS: &[(&str, &str, &str, bool, u32, Format)] = &[
    ("iin", "ИИН", "ЖСН", true, 12, Format::Iin),
    ("surname", "Фамилия", "Тегі", true, 50, Format::Text),
    ("first_name", "Имя", "Аты", true, 50, Format::Text),
    ("birth_date", "Дата рождения", "Туған күні", false, 10, Format::Date),
    ("postal_code", "Почтовый индекс", "Пошта индексі", true, 6, Format::Numeric),
    ("phone", "Телефон", "Телефон", true, 15, Format::Text),
    ("email", "Электронная почта", "Электрондық пошта", false, 50, Format::Text),
    ("address", "Адрес", "Мекенжайы", true, 200, Format::Text),
    ("child_iin", "ИИН ребенка", "Баланың ЖСН", false, 12, Format::Iin),
    ("document_number", "Номер документа", "Құжат нөмірі", false, 20, Format::Numeric),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Numeric,
    Text,
    Date,
    Iin,
}

impl Format {
    fn word(self, lang: Lang) -> &'static str {
        match self {
            Format::Numeric => lang.pick("Числовой", "Сандық"),
            Format::Text => lang.pick("Символьный", "Символдық"),
            Format::Date => lang.pick("Дата", "Күні"),
            Format::Iin => lang.pick("ИИН", "ЖСН"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ru,
    Kk,
}

impl Lang {
    fn pick<T>(self, ru: T, kk: T) -> T {
        match self {
            Lang::Ru => ru,
            Lang::Kk => kk,
        }
    }

    fn code(self) -> &'static str {
        self.pick("ru", "kk")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Authority,
    Center,
    Portal,
}

impl Kind {
    fn id(self) -> &'static str {
        match self {
            Kind::Authority => "authority",
            Kind::Center => "center",
            Kind::Portal => "portal",
        }
    }

    /// Who receives the applicant and hands out the result.
    fn front(self) -> Role {
        match self {
            Kind::Authority => Role::Authority,
            Kind::Center => Role::Center,
            Kind::Portal => Role::Portal,
        }
    }

    /// The system that refuses.
    fn system(self) -> Role {
        match self {
            Kind::Authority => Role::AuthoritySystem,
            Kind::Center => Role::CenterSystem,
            Kind::Portal => Role::Portal,
        }
    }
}

// ------------------------------------------------------------------ the plan

/// Where an action goes.
#[derive(Debug, Clone, Copy)]
enum Next {
    To(u32),
    Branch { refuse: u32, go: u32, condition: usize },
    End,
}

#[derive(Debug, Clone)]
struct ActionPlan {
    number: u32,
    role: Role,
    does: usize,
    completion: Pair,
    next: Next,
}

#[derive(Debug, Clone)]
struct ChannelPlan {
    kind: Kind,
    actions: Vec<ActionPlan>,
    block: usize,
    covers: bool,
    scenario: bool,
}

/// One regulation, the same in both languages.
#[derive(Debug, Clone)]
struct Plan {
    index: usize,
    service: usize,
    region: usize,
    /// The deadline of each "does" row.
    deadline: Vec<usize>,
    channels: Vec<ChannelPlan>,
    fields: Vec<usize>,
    act: (u32, usize, u32, u32),
    registration: (u32, usize, u32, u32),
    amended: Option<(u32, u32, u32, u32)>,
    repealed: Option<(u32, u32, u32, u32)>,
    term: Option<u32>,
    note: bool,
}

impl Plan {
    fn new(seed: u64, index: usize) -> Plan {
        let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
        let service = index % SERVICES.len();
        let region = (index / SERVICES.len() + index) % REGIONS.len();
        let deadline = (0..DOES.len())
            .map(|d| if SLOW.contains(&d) { *rng.pick(&SLOW_DEADLINES) } else { *rng.pick(&QUICK_DEADLINES) })
            .collect::<Vec<_>>();
        let kinds: Vec<Kind> = match rng.range(0, 3) {
            0 => vec![Kind::Authority, Kind::Center],
            1 => vec![Kind::Authority, Kind::Portal],
            _ => vec![Kind::Authority, Kind::Center, Kind::Portal],
        };
        let channels: Vec<ChannelPlan> = kinds.into_iter().map(|k| channel_plan(&mut rng, k)).collect();
        let mut fields: Vec<usize> = (0..FIELDS.len()).filter(|_| rng.chance(55)).collect();
        if !fields.contains(&0) {
            fields.insert(0, 0);
        }
        let year = rng.range(2012, 2023) as u32;
        let act = (rng.range(1, 28) as u32, rng.range(0, 11), year, rng.range(10, 600) as u32);
        let registration = (rng.range(1, 28) as u32, rng.range(0, 11), year, rng.range(1000, 6000) as u32);
        let date =
            |rng: &mut Rng| (rng.range(1, 28) as u32, rng.range(1, 12) as u32, year + 1, rng.range(10, 900) as u32);
        let amended = rng.chance(30).then(|| date(&mut rng));
        let repealed = rng.chance(15).then(|| date(&mut rng));
        let most = channels.iter().map(|c| c.actions.iter().map(|a| working_days(deadline[a.does])).sum::<u32>());
        let most = most.max().unwrap_or(0);
        let term = rng.chance(60).then_some((most / 5 + 1) * 5);
        Plan {
            index,
            service,
            region,
            deadline,
            channels,
            fields,
            act,
            registration,
            amended,
            repealed,
            term,
            note: rng.chance(25),
        }
    }

    fn id(&self, lang: Lang) -> String {
        format!("{}_{}_{}_{}", SERVICES[self.service].2, REGIONS[self.region].2, self.index, lang.code())
    }

    /// Every role some action of the regulation names, in a fixed order.
    fn roles(&self) -> Vec<Role> {
        let used = |r: &Role| self.channels.iter().flat_map(|c| &c.actions).any(|a| a.role == *r);
        Role::ALL.iter().copied().filter(used).collect()
    }
}

fn channel_plan(rng: &mut Rng, kind: Kind) -> ChannelPlan {
    let n = rng.range(8, 15) as u32;
    let mut actions = Vec::new();
    let mut i = 1;
    while i <= n {
        let first = i == 1;
        if i == n {
            actions.push(ActionPlan {
                number: i,
                role: kind.front(),
                does: ISSUE,
                completion: COMPLETION[7],
                next: Next::End,
            });
            break;
        }
        if i + 2 < n && rng.chance(25) {
            let condition = rng.range(0, CONDITIONS.len() - 1);
            let does = [AUTHORIZE, SIGN, CHECK][condition];
            let role = if first { first_role(kind, does) } else { role_for(rng, kind, does) };
            let completion = *rng.pick(COMPLETION);
            actions.push(ActionPlan {
                number: i,
                role,
                does,
                completion,
                next: Next::Branch { refuse: i + 1, go: i + 2, condition },
            });
            let refusal = REFUSALS[condition];
            let role = if refusal == 14 { Role::Authority } else { kind.system() };
            actions.push(ActionPlan { number: i + 1, role, does: refusal, completion: REFUSED, next: Next::End });
            i += 2;
            continue;
        }
        let does = if first {
            if kind == Kind::Portal {
                AUTHORIZE
            } else {
                FIRST
            }
        } else {
            *rng.pick(&MIDDLE)
        };
        let role = if first { first_role(kind, does) } else { role_for(rng, kind, does) };
        let completion = *rng.pick(COMPLETION);
        actions.push(ActionPlan { number: i, role, does, completion, next: Next::To(i + 1) });
        i += 1;
    }
    ChannelPlan { kind, actions, block: rng.range(4, 6), covers: rng.chance(50), scenario: rng.chance(40) }
}

fn first_role(kind: Kind, does: usize) -> Role {
    match kind {
        Kind::Portal => Role::Applicant,
        _ if does == AUTHORIZE => kind.system(),
        _ => kind.front(),
    }
}

/// A role that may do `does` in a channel of `kind`.
fn role_for(rng: &mut Rng, kind: Kind, does: usize) -> Role {
    let allowed = |r: &Role| match kind {
        Kind::Authority => !matches!(r, Role::Center | Role::CenterSystem | Role::Portal | Role::Applicant),
        Kind::Center => !matches!(r, Role::Portal | Role::Applicant),
        Kind::Portal => !matches!(r, Role::Center | Role::CenterSystem),
    };
    let roles: Vec<Role> = DOES[does].2.iter().copied().filter(allowed).collect();
    if roles.is_empty() {
        kind.front()
    } else {
        *rng.pick(&roles)
    }
}

// ------------------------------------------------------------------ writing

/// A source document being written: its lines.
struct Doc {
    lines: Vec<String>,
}

impl Doc {
    /// Adds a line; returns its number.
    fn line(&mut self, text: impl Into<String>) -> u32 {
        self.lines.push(text.into());
        self.lines.len() as u32
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }
}

/// The files of one document: its source and the renditions of it.
pub fn document(seed: u64, index: usize, with_kazakh: bool) -> Vec<SynthFile> {
    let plan = Plan::new(seed, index);
    let mut hash = Rng::new(seed.rotate_left(17) ^ index as u64);
    let source = format!("{index:05}_{:016x}.txt", hash.next_u64());
    let mut doc = Doc { lines: Vec::new() };
    let mut rng = Rng::new(seed ^ 0x5eed ^ (index as u64) << 20);
    let ru = rendition(&plan, Lang::Ru, &source, &mut doc, &mut rng);
    let mut files = Vec::new();
    let ru_path = format!("regulations/ru/{}.reglament", plan.id(Lang::Ru));
    if with_kazakh {
        doc.blank();
        doc.line("------------------------------------------------------------");
        doc.blank();
        let kk = rendition(&plan, Lang::Kk, &source, &mut doc, &mut rng);
        files.push(SynthFile { path: format!("regulations/kk/{}.reglament", plan.id(Lang::Kk)), content: kk });
    }
    let mut text = doc.lines.join("\n");
    text.push('\n');
    files.insert(0, SynthFile { path: ru_path, content: ru });
    files.insert(0, SynthFile { path: format!("regulations/sources/{source}"), content: text });
    files
}

/// Writes one language version into `doc` and returns its rendition.
fn rendition(plan: &Plan, lang: Lang, source: &str, doc: &mut Doc, rng: &mut Rng) -> String {
    let mut r = String::with_capacity(32 * 1024);
    let (title_ru, title_kk, _) = SERVICES[plan.service];
    let title = lang.pick(title_ru, title_kk);
    let (region_ru, region_kk, _) = REGIONS[plan.region];
    let first = doc.lines.len() as u32 + 1;
    let id = plan.id(lang);
    // The lines it spans are known at the end; the header is written last.
    let mut body = String::with_capacity(32 * 1024);
    let b = &mut body;

    // ---- the approving act
    let (day, month, year, number) = plan.act;
    let issuer_line =
        doc.line(lang.pick(format!("Постановление акимата {region_ru}"), format!("{region_kk} әкімдігінің қаулысы")));
    let act_text = lang.pick(
        format!("«{day}» {} {year} года № {number}", MONTHS_RU[month]),
        format!("{year} жылғы {day} {} № {number}", MONTHS_KK[month]),
    );
    let act_line = doc.line(lang.pick(format!("от {act_text}"), format!("{act_text} қаулысы")));
    let (rday, rmonth, ryear, rnumber) = plan.registration;
    let registration = lang.pick(
        format!(
            "Зарегистрировано Департаментом юстиции {region_ru} {rday} {} {ryear} года № {rnumber}.",
            MONTHS_RU[rmonth]
        ),
        format!(
            "{region_kk} Әділет департаментінде {ryear} жылғы {rday} {} № {rnumber} болып тіркелді.",
            MONTHS_KK[rmonth]
        ),
    );
    let registration_line = doc.line(registration.clone());
    let repealed = plan.repealed.map(|(d, m, y, n)| {
        let text = lang.pick(
            format!("Сноска. Утратило силу постановлением акимата {region_ru} от {d:02}.{m:02}.{y} № {n}."),
            format!("Ескерту. Күші жойылды - {region_kk} әкімдігінің {d:02}.{m:02}.{y} № {n} қаулысымен."),
        );
        (doc.line(text.clone()), text)
    });
    doc.blank();
    let title_line = doc.line(lang.pick(
        format!("Регламент государственной услуги «{title}»"),
        format!("«{title}» мемлекеттік көрсетілетін қызмет регламенті"),
    ));
    let amended = plan.amended.map(|(d, m, y, n)| {
        let act = lang.pick(
            format!("постановлением акимата {region_ru} от {d:02}.{m:02}.{y} № {n}"),
            format!("{region_kk} әкімдігінің {d:02}.{m:02}.{y} № {n} қаулысымен"),
        );
        let text = lang.pick(
            format!("Сноска. Пункт 2 с изменениями, внесенными {act} (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования)."),
            format!("Ескерту. 2-тармаққа өзгеріс енгізілді - {act} (алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі)."),
        );
        (doc.line(text.clone()), text, act)
    });
    doc.blank();
    doc.line(lang.pick("1. Общие положения", "1. Жалпы ережелер"));
    doc.blank();
    let issuer = lang.pick(format!("акимата {region_ru}"), format!("{region_kk} әкімдігінің"));
    writeln!(b, "    title \"{title}\" @{title_line}").ok();
    writeln!(b, "    language {}", lang.code()).ok();
    b.push_str("__SOURCE__\n");
    writeln!(b, "    issuer \"{issuer}\" @{issuer_line}").ok();
    let date = format!("{year}-{:02}-{day:02}", month + 1);
    writeln!(b, "    act \"{act_text}\" @{act_line} date {date}").ok();
    writeln!(b, "    registration \"{registration}\" @{registration_line} date {ryear}-{:02}-{rday:02}", rmonth + 1)
        .ok();
    if let Some((line, text)) = &repealed {
        writeln!(b, "    status repealed \"{text}\" @{line}").ok();
    }
    if let Some((line, text, act)) = &amended {
        writeln!(b, "    footnote \"{text}\" @{line}\n        act \"{act}\"").ok();
    }
    if lang == Lang::Kk {
        writeln!(b, "    version_of {}", plan.id(Lang::Ru)).ok();
    }
    b.push('\n');

    // ---- abbreviations, and a paragraph that uses them all
    doc.line(lang.pick(
        "1. В настоящем Регламенте используются следующие понятия и сокращения:",
        "1. Осы Регламентте мынадай ұғымдар мен қысқартулар пайдаланылады:",
    ));
    for (i, (ru, kk)) in ABBREVIATIONS.iter().enumerate() {
        let (short, definition) = lang.pick(ru, kk);
        let line = doc.line(lang.pick(
            format!("{}) {definition} (далее – {short});", i + 1),
            format!("{}) {definition} (бұдан әрі – {short});", i + 1),
        ));
        writeln!(b, "    abbreviation \"{short}\" = \"{definition}\" @{line}").ok();
    }
    doc.blank();
    doc.line(lang.pick(
        format!("2. Государственная услуга «{title}» оказывается МИО, через ЦОН и ПЭП с использованием ИС, ШЭП и ЭЦП; потребитель указывает свой ИИН, действия СФЕ описаны в приложениях к настоящему Регламенту."),
        format!("2. «{title}» мемлекеттік қызметін ЖАО, ХҚКО және ЭҮП арқылы АЖ, ЭҮШ және ЭЦҚ пайдалана отырып көрсетеді; алушы өзінің ЖСН көрсетеді, ҚФБ әрекеттері осы Регламенттің қосымшаларында сипатталған."),
    ));
    if let Some(days) = plan.term {
        let text = lang.pick(format!("составляет {days} рабочих дней"), format!("{days} жұмыс күнін құрайды"));
        let line = doc.line(lang.pick(
            format!("3. Срок оказания государственной услуги {text}."),
            format!("3. Мемлекеттік қызмет көрсету мерзімі {text}."),
        ));
        writeln!(b, "    term \"{text}\" @{line}").ok();
    }
    doc.blank();
    b.push('\n');

    // ---- participants
    doc.line(lang.pick(
        "4. Перечень СФЕ и ИС, участвующих в оказании государственной услуги:",
        "4. Мемлекеттік қызмет көрсетуге қатысатын ҚФБ мен АЖ тізбесі:",
    ));
    for (i, role) in plan.roles().into_iter().enumerate() {
        let name = role.name(lang);
        let line = doc.line(format!("{}) {name};", i + 1));
        writeln!(b, "    participant {} {} \"{name}\" @{line}", role.id(), role.kind()).ok();
    }
    doc.blank();

    // ---- channels: the process lists first, as the sources have them, then the tables
    let mut lists = Vec::new();
    for (k, ch) in plan.channels.iter().enumerate() {
        lists.push(process_list(ch, k, lang, doc));
    }
    let mut table_no = 1;
    for (ch, list) in plan.channels.iter().zip(lists) {
        b.push('\n');
        writeln!(b, "    channel {} {} {{", ch.kind.id(), ch.kind.id()).ok();
        b.push_str(&list.text);
        table(plan, ch, lang, doc, &list.items, &mut table_no, rng, b);
        writeln!(b, "    }}").ok();
    }

    // ---- the FLK form
    doc.blank();
    doc.line(
        lang.pick(
            "Приложение. Форматно-логический контроль заявления",
            "Қосымша. Өтінішті форматтық-логикалық бақылау",
        ),
    );
    let heading = lang.pick("Заявитель физическое лицо:", "Өтініш беруші жеке тұлға:");
    let heading_line = doc.line(heading);
    doc.line(lang.pick(
        "№\tНаименование поля\tОбязательность\tРазмерность\tФормат",
        "№\tӨрістің атауы\tМіндеттілігі\tӨлшемі\tФорматы",
    ));
    writeln!(b, "\n    form application \"{heading}\" @{heading_line} {{").ok();
    for (n, &f) in plan.fields.iter().enumerate() {
        let (fid, name_ru, name_kk, required, size, format) = FIELDS[f];
        let name = lang.pick(name_ru, name_kk);
        let req = match (lang, required) {
            (Lang::Ru, true) => "Обязательно",
            (Lang::Ru, false) => "Необязательно",
            (Lang::Kk, true) => "Міндетті",
            (Lang::Kk, false) => "Міндетті емес",
        };
        let word = format.word(lang);
        let line = doc.line(format!("{}\t{name}\t{req}\t{size}\t{word}", n + 1));
        writeln!(b, "        field {} {fid} @{line} {{", n + 1).ok();
        writeln!(b, "            name     \"{name}\" @{line}").ok();
        writeln!(b, "            required \"{req}\" @{line}").ok();
        writeln!(b, "            size     \"{size}\" @{line}").ok();
        writeln!(b, "            format   \"{word}\" @{line}").ok();
        writeln!(b, "        }}").ok();
    }
    writeln!(b, "    }}").ok();
    let last = doc.lines.len() as u32;

    writeln!(
        r,
        "// Synthetic rendition written by reglament-tests' synth module (seed-determined, document {}).\n// {} — {}; source {source}, lines {first}-{last}.",
        plan.index,
        title,
        lang.pick(region_ru, region_kk)
    )
    .ok();
    writeln!(r, "regulation {id} {{").ok();
    r.push_str(&body.replace("__SOURCE__", &format!("    source \"{source}\" lines {first}-{last}")));
    r.push_str("}\n");
    r
}

/// One item of a process list: its kind, number and line.
#[derive(Debug, Clone, Copy)]
struct Item {
    condition: bool,
    number: u32,
}

struct List {
    text: String,
    items: Vec<Item>,
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn process_list(ch: &ChannelPlan, k: usize, lang: Lang, doc: &mut Doc) -> List {
    let who = ch.kind.front().name(lang);
    let heading = lang.pick(
        format!(
            "{}. Пошаговые действия и решения при оказании государственной услуги посредством {who} (рисунок {}):",
            5 + k,
            k + 1
        ),
        format!(
            "{}. {who} арқылы мемлекеттік қызмет көрсету кезіндегі қадамдық әрекеттер мен шешімдер ({}-сурет):",
            5 + k,
            k + 1
        ),
    );
    doc.blank();
    let line = doc.line(heading.clone());
    let mut text = format!("        processes \"{heading}\" @{line} {{\n");
    let (mut processes, mut conditions) = (0, 0);
    let mut items = Vec::new();
    for (i, a) in ch.actions.iter().enumerate() {
        let (ru, kk, _) = DOES[a.does];
        let item = match a.next {
            Next::Branch { condition, .. } => {
                conditions += 1;
                let what = lang.pick(CONDITIONS[condition].0 .0, CONDITIONS[condition].0 .1);
                items.push(Item { condition: true, number: conditions });
                lang.pick(
                    format!("условие {conditions} – проверка {what};"),
                    format!("{conditions}-шарт – {what} тексеру;"),
                )
            }
            _ => {
                processes += 1;
                items.push(Item { condition: false, number: processes });
                let does = lower_first(lang.pick(ru, kk));
                lang.pick(format!("процесс {processes} – {does};"), format!("{processes}-үдеріс – {does};"))
            }
        };
        let line = doc.line(format!("{}) {item}", i + 1));
        writeln!(text, "            {}) \"{item}\" @{line}", i + 1).ok();
    }
    text.push_str("        }\n");
    List { text, items }
}

#[allow(clippy::too_many_arguments)]
fn table(
    plan: &Plan,
    ch: &ChannelPlan,
    lang: Lang,
    doc: &mut Doc,
    items: &[Item],
    table_no: &mut usize,
    rng: &mut Rng,
    b: &mut String,
) {
    let who = ch.kind.front().name(lang);
    let caption = lang.pick(
        format!("Таблица {table_no}. Описание действий посредством {who}"),
        format!("{table_no}-кесте. {who} арқылы ҚФБ әрекеттерінің сипаттамасы"),
    );
    *table_no += 1;
    doc.blank();
    let caption_line = doc.line(caption.clone());
    writeln!(b, "        table \"{caption}\" @{caption_line} {{").ok();
    if plan.note && ch.kind == Kind::Authority {
        writeln!(
            b,
            "            reading @{caption_line} because \"{}\"",
            lang.pick(
                "в заголовке таблицы не указан номер приложения, на которое ссылается пункт 5; таблица читается как приложение к пункту 5",
                "кесте тақырыбында 5-тармақ сілтеме жасайтын қосымшаның нөмірі көрсетілмеген; кесте 5-тармақтың қосымшасы ретінде оқылады"
            )
        )
        .ok();
    }
    let labels: [&str; 6] = match lang {
        Lang::Ru => [
            "№ действия (хода, потока работ)",
            "Наименование СФЕ",
            "Наименование действия (процесса, процедуры, операции) и их описание",
            "Форма завершения (данные, документ, организационно-распорядительное решение)",
            "Сроки исполнения",
            "Номер следующего действия",
        ],
        Lang::Kk => [
            "Әрекеттің (жұмыс барысының, ағынының) №",
            "ҚФБ атауы",
            "Әрекеттің (үдерістің, рәсімнің, операцияның) атауы және олардың сипаттамасы",
            "Аяқталу нысаны (деректер, құжат, ұйымдастырушылық-өкімдік шешім)",
            "Орындалу мерзімі",
            "Келесі әрекеттің нөмірі",
        ],
    };
    for (block_no, chunk) in ch.actions.chunks(ch.block).enumerate() {
        let heading = lang.pick(
            format!("{}. Действия основного процесса (хода, потока работ)", block_no + 1),
            format!("{}. Негізгі үдерістің (жұмыс барысының, ағынының) әрекеттері", block_no + 1),
        );
        let heading_line = doc.line(heading.clone());
        let mut rows: [Vec<String>; 6] = Default::default();
        for (row, label) in rows.iter_mut().zip(labels) {
            row.push(label.to_string());
        }
        for a in chunk {
            let (ru, kk, _) = DOES[a.does];
            let variants = lang.pick(DEADLINES[plan.deadline[a.does]].0, DEADLINES[plan.deadline[a.does]].1);
            rows[0].push(a.number.to_string());
            rows[1].push(a.role.name(lang).to_string());
            rows[2].push(lang.pick(ru, kk).to_string());
            rows[3].push(lang.pick(a.completion.0, a.completion.1).to_string());
            rows[4].push(rng.pick(variants).to_string());
            rows[5].push(next_cell(a.next, lang));
        }
        let lines: Vec<u32> = rows.iter().map(|row| doc.line(row.join("\t"))).collect();
        writeln!(b, "            block \"{heading}\" @{heading_line} {{").ok();
        for (col, a) in chunk.iter().enumerate() {
            let cell = |row: usize| &rows[row][col + 1];
            writeln!(b, "                action {} @{} {{", a.number, lines[0]).ok();
            writeln!(b, "                    sfe        \"{}\" @{}", cell(1), lines[1]).ok();
            writeln!(b, "                    does       \"{}\" @{}", cell(2), lines[2]).ok();
            writeln!(b, "                    completion \"{}\" @{}", cell(3), lines[3]).ok();
            writeln!(b, "                    deadline   \"{}\" @{}", cell(4), lines[4]).ok();
            writeln!(b, "                    next       \"{}\" @{}", cell(5), lines[5]).ok();
            if ch.covers {
                let item = items[(a.number - 1) as usize];
                let kind = if item.condition { "condition" } else { "process" };
                writeln!(b, "                    covers {kind} {}", item.number).ok();
            }
            writeln!(b, "                }}").ok();
        }
        writeln!(b, "            }}").ok();
        doc.blank();
    }
    writeln!(b, "        }}").ok();
    if ch.scenario {
        scenario(ch, lang, doc, table_no, b);
    }
}

fn next_cell(next: Next, lang: Lang) -> String {
    match next {
        Next::To(n) => n.to_string(),
        Next::End => "-".to_string(),
        Next::Branch { refuse, go, condition } => {
            let (_, no, yes) = CONDITIONS[condition];
            format!("{refuse} – {}; {go} – {}", lang.pick(no.0, no.1), lang.pick(yes.0, yes.1))
        }
    }
}

/// The use-case table of the main path: from the first action, on the
/// branches that go on, to the end.
fn scenario(ch: &ChannelPlan, lang: Lang, doc: &mut Doc, table_no: &mut usize, b: &mut String) {
    let caption = lang.pick(
        format!("Таблица {table_no}. Варианты использования. Основной процесс"),
        format!("{table_no}-кесте. Қолдану нұсқалары. Негізгі үдеріс"),
    );
    *table_no += 1;
    let line = doc.line(caption.clone());
    writeln!(b, "        scenario main \"{caption}\" @{line} {{").ok();
    let mut at = 1;
    while let Some(a) = ch.actions.iter().find(|a| a.number == at) {
        let number_line = doc.line(lang.pick(format!("Действие № {at}"), format!("№ {at} іс-әрекет")));
        let (ru, kk, _) = DOES[a.does];
        let text = lang.pick(ru, kk);
        let text_line = doc.line(text);
        writeln!(b, "            use {at} @{number_line} \"{text}\" @{text_line}").ok();
        at = match a.next {
            Next::To(n) => n,
            Next::Branch { go, .. } => go,
            Next::End => break,
        };
    }
    writeln!(b, "        }}").ok();
    doc.blank();
}
