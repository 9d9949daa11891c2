//! The engine's errors in the user's language: per error a stable code and
//! its words in English, Russian and Kazakh, side by side. The command line
//! prints `error[CODE]: …` and the HTTP service returns the same code and
//! words as a problem (RFC 9457), so an operator reading either finds the
//! other. English is each error's `Display`; the Russian and Kazakh texts
//! say the same. Messages never carry application values.

use reglament_runtime::{FieldFormat, Rule, TransitionError, Violation};

use crate::error::{EngineError, StoreError};
use crate::text::Escaped;

/// A language the engine speaks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl Lang {
    /// Every language, in the order the catalog writes them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The language's tag (BCP 47).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// The language a tag names (`ru`, `kk-KZ`, `EN`), if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "kk" | "kz" => Some(Lang::Kk),
            _ => None,
        }
    }

    /// The best of our languages for an HTTP `Accept-Language` header (by
    /// its q-values; ties keep the header's order); `None` when it names
    /// none of them.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_tag) else { continue };
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// Picks the text of this language.
    pub fn pick<T>(self, en: T, ru: T, kk: T) -> T {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Kk => kk,
        }
    }
}

/// Every code of the engine's errors (docs/serve.md lists them with their
/// HTTP status).
pub const CODES: [&str; 32] = [
    "R0101", "R0102", "R0103", "R0104", "R0105", "R0201", "R0202", "R0203", "R0204", "R0205", "R0301", "R0302",
    "R0303", "R0304", "R0305", "R0306", "R0307", "R0308", "R0401", "R0402", "R0403", "R0404", "R0501", "R0502",
    "R0503", "R0504", "R0505", "R0601", "R0602", "R0603", "R0604", "R0605",
];

/// What kind of failure an error is, for a status code or an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Something named does not exist.
    NotFound,
    /// The request cannot be carried out as it is (bad input, a refused move).
    Unprocessable,
    /// Someone else got there first, or the key was used for something else.
    Conflict,
    /// The caller may not do this.
    Forbidden,
    /// The service's own fault (a store, a file).
    Internal,
}

impl EngineError {
    /// The error's stable code (docs/service.md lists them).
    pub fn code(&self) -> &'static str {
        match self {
            EngineError::UnknownRegulation { .. } => "R0101",
            EngineError::UnknownChannel { .. } => "R0102",
            EngineError::UnknownForm { .. } => "R0103",
            EngineError::UnknownAction { .. } => "R0104",
            EngineError::UnknownInstance(_) | EngineError::Store(StoreError::NoInstance(_)) => "R0105",
            EngineError::Application(_) => "R0201",
            EngineError::Refused { .. } => "R0202",
            EngineError::FormOfOtherRegulation { .. } => "R0203",
            EngineError::FormRequired { .. } => "R0204",
            EngineError::ApplicationDoesNotFit { .. } => "R0205",
            EngineError::NotResponsible { .. } => "R0301",
            EngineError::Transition(_) => "R0302",
            EngineError::NotFinal { .. } => "R0303",
            EngineError::IsFinal { .. } => "R0304",
            EngineError::ChooseNext { .. } => "R0305",
            EngineError::Finished(_) => "R0306",
            EngineError::TimeBeforeLast { .. } => "R0307",
            EngineError::OtherChannel { .. } => "R0308",
            EngineError::Repealed { .. } => "R0401",
            EngineError::NoEditionInForce { .. } => "R0402",
            EngineError::AmbiguousEdition { .. } => "R0403",
            EngineError::TimeOutsideCalendar { .. } => "R0404",
            EngineError::Who { .. } => "R0501",
            EngineError::Key(_) => "R0502",
            EngineError::Time(_) => "R0503",
            EngineError::Deadline(_) => "R0504",
            EngineError::Calendar(_) => "R0505",
            EngineError::Store(StoreError::Conflict { .. }) => "R0601",
            EngineError::Store(StoreError::KeyReused { .. }) => "R0602",
            EngineError::Store(StoreError::KeyRequired(_) | StoreError::WrongKey(_)) => "R0603",
            EngineError::Store(_) => "R0604",
            EngineError::Io { .. } => "R0605",
        }
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> Kind {
        match self {
            EngineError::UnknownRegulation { .. }
            | EngineError::UnknownChannel { .. }
            | EngineError::UnknownForm { .. }
            | EngineError::UnknownAction { .. }
            | EngineError::UnknownInstance(_)
            | EngineError::Store(StoreError::NoInstance(_)) => Kind::NotFound,
            EngineError::NotResponsible { .. } => Kind::Forbidden,
            EngineError::Store(StoreError::Conflict { .. } | StoreError::KeyReused { .. }) => Kind::Conflict,
            EngineError::Key(_)
            | EngineError::Deadline(_)
            | EngineError::Calendar(_)
            | EngineError::Store(_)
            | EngineError::Io { .. } => Kind::Internal,
            _ => Kind::Unprocessable,
        }
    }

    /// A short title of the error's code, in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        title(self.code(), lang)
    }

    /// The whole message, in `lang`: English is the error's `Display`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ru | Lang::Kk => self.translated(lang),
        }
    }

    fn translated(&self, lang: Lang) -> String {
        let l = |ru: String, kk: String| lang.pick(String::new(), ru, kk);
        match self {
            EngineError::UnknownRegulation { id, .. } => {
                l(format!("неизвестный регламент `{}`", Escaped(id)), format!("`{}` регламенті белгісіз", Escaped(id)))
            }
            EngineError::UnknownChannel { regulation, id, known } => l(
                format!("у регламента `{}` нет канала `{}`; его каналы: {}", Escaped(regulation), Escaped(id), list(known)),
                format!("`{}` регламентінде `{}` арнасы жоқ; оның арналары: {}", Escaped(regulation), Escaped(id), list(known)),
            ),
            EngineError::UnknownForm { regulation, known, .. } => l(
                format!("у регламента `{}` нет такой формы; его формы: {}", Escaped(regulation), list(known)),
                format!("`{}` регламентінде мұндай нысан жоқ; оның нысандары: {}", Escaped(regulation), list(known)),
            ),
            EngineError::UnknownAction { channel, number, .. } => l(
                format!("в канале `{}` нет действия `{}`", Escaped(channel), Escaped(number)),
                format!("`{}` арнасында `{}` әрекеті жоқ", Escaped(channel), Escaped(number)),
            ),
            EngineError::UnknownInstance(id) | EngineError::Store(StoreError::NoInstance(id)) => {
                l(format!("дела {id} нет"), format!("{id} ісі жоқ"))
            }
            EngineError::Application(_) => l(
                "заявление не читается: это должен быть объект JSON из идентификаторов полей и строк, каждое поле \
                 один раз, не больше 64 КиБ"
                    .to_string(),
                "өтініш оқылмайды: ол өріс идентификаторлары мен жолдардан тұратын JSON нысаны болуы керек, әр өріс \
                 бір рет, 64 КиБ-тан аспайды"
                    .to_string(),
            ),
            EngineError::Refused { unknown, violations } => {
                let n = violations.0.len() + usize::from(unknown.is_some());
                l(
                    format!("заявление отклонено: нарушений ФЛК — {n} (каждое указано в `violations`)"),
                    format!("өтініш қабылданбады: ФЛК бұзушылықтары — {n} (әрқайсысы `violations` ішінде)"),
                )
            }
            EngineError::FormOfOtherRegulation { form, regulation, .. } => l(
                format!("форма `{form}` принадлежит другому регламенту, не `{regulation}`"),
                format!("`{form}` нысаны `{regulation}` регламентіне емес, басқа регламентке тиесілі"),
            ),
            EngineError::FormRequired { regulation, .. } => l(
                format!("регламент `{regulation}` проверяет заявления по форме: подайте заявление"),
                format!("`{regulation}` регламенті өтініштерді нысан бойынша тексереді: өтініш беріңіз"),
            ),
            EngineError::ApplicationDoesNotFit { instance, form } => l(
                format!("заявление дела {instance} не читается как форма `{form}`"),
                format!("{instance} ісінің өтініші `{form}` нысаны ретінде оқылмайды"),
            ),
            EngineError::NotResponsible { actor, action, responsible, sfe } => l(
                format!(
                    "`{}` не может выполнить действие {action}: его выполняет только ответственный участник \
                     `{responsible}` («{sfe}»)",
                    Escaped(actor)
                ),
                format!(
                    "`{}` {action}-әрекетті орындай алмайды: оны тек жауапты қатысушы `{responsible}` («{sfe}») \
                     орындайды",
                    Escaped(actor)
                ),
            ),
            EngineError::Transition(TransitionError::NotAllowed { from, to, allowed, .. }) => l(
                format!("таблица не разрешает переход от действия {from} к {to}; разрешено: {}", numbers(allowed)),
                format!("кесте {from}-әрекеттен {to}-әрекетке өтуге рұқсат бермейді; рұқсат етілгені: {}", numbers(allowed)),
            ),
            EngineError::Transition(TransitionError::Terminal { from, .. }) | EngineError::IsFinal { action: from } => l(
                format!("действие {from} последнее: за ним ничего не следует, его можно только завершить"),
                format!("{from}-әрекет соңғы: одан кейін ештеңе жоқ, оны тек аяқтауға болады"),
            ),
            EngineError::Transition(TransitionError::NotHere { at, branching, .. }) => l(
                format!("дело стоит на действии {at}, а не на {branching}"),
                format!("іс {branching}-әрекетте емес, {at}-әрекетте тұр"),
            ),
            EngineError::NotFinal { action, allowed, .. } => l(
                format!("действие {action} не последнее, услуга здесь не завершается; далее: {}", numbers(allowed)),
                format!("{action}-әрекет соңғы емес, қызмет мұнда аяқталмайды; келесісі: {}", numbers(allowed)),
            ),
            EngineError::ChooseNext { action, choices } => {
                let ru: Vec<String> = choices.iter().map(|(to, when)| branch(*to, *when)).collect();
                l(
                    format!("действие {action} ведёт дальше несколькими путями; выберите один: {}", ru.join("; ")),
                    format!("{action}-әрекеттен бірнеше жол бар; біреуін таңдаңыз: {}", ru.join("; ")),
                )
            }
            EngineError::Finished(id) => {
                l(format!("дело {id} завершено: его последнее действие выполнено"), format!("{id} іс аяқталды: соңғы әрекеті орындалды"))
            }
            EngineError::TimeBeforeLast { at, last } => l(
                format!("время {at} раньше последней записи дела ({last})"),
                format!("{at} уақыты істің соңғы жазбасынан ({last}) бұрын"),
            ),
            EngineError::OtherChannel { instance, regulation, channel, .. } => l(
                format!("дело {instance} относится к `{}` / `{}`", Escaped(regulation), Escaped(channel)),
                format!("{instance} ісі `{}` / `{}` арнасына жатады", Escaped(regulation), Escaped(channel)),
            ),
            EngineError::Repealed { regulation, act, .. } => {
                let act = act.map(|a| format!(" («{a}»)")).unwrap_or_default();
                l(
                    format!("регламент `{regulation}` отменён{act}: новые дела по нему не начинаются; ничего не записано"),
                    format!("`{regulation}` регламенті күшін жойған{act}: ол бойынша жаңа іс басталмайды; ештеңе жазылмады"),
                )
            }
            EngineError::NoEditionInForce { regulation, date, .. } => l(
                format!("на {date} ни одна редакция регламента `{}` не действует", Escaped(regulation)),
                format!("{date} күні `{}` регламентінің бірде-бір редакциясы күшінде емес", Escaped(regulation)),
            ),
            EngineError::AmbiguousEdition { regulation, .. } => l(
                format!("у регламента `{}` несколько редакций, вступающих в силу в один день", Escaped(regulation)),
                format!("`{}` регламентінің бір күнде күшіне енетін бірнеше редакциясы бар", Escaped(regulation)),
            ),
            EngineError::TimeOutsideCalendar { at, .. } => l(
                format!("время {at} вне лет, известных календарю: сроки там не считаются; ничего не записано"),
                format!("{at} уақыты күнтізбе білетін жылдардан тыс: мерзімдер онда есептелмейді; ештеңе жазылмады"),
            ),
            EngineError::Who { limit } => l(
                format!("укажите, кто просит персональные данные (не больше {limit} знаков): журнал записывает каждое раскрытие"),
                format!("дербес деректерді кім сұрайтынын көрсетіңіз ({limit} таңбадан аспайды): журнал әр ашуды жазады"),
            ),
            EngineError::Time(e) => l(format!("время не читается ({e})"), format!("уақыт оқылмайды ({e})")),
            EngineError::Store(StoreError::Conflict { instance, .. }) => l(
                format!("конфликт: дело {instance} уже продвинул кто-то другой; ничего не записано — посмотрите его ход и повторите"),
                format!("қайшылық: {instance} істі басқа біреу жылжытып қойды; ештеңе жазылмады — барысын қарап, қайталаңыз"),
            ),
            EngineError::Store(StoreError::KeyReused { key, .. }) => l(
                format!("ключ идемпотентности `{}` уже использован для другого запроса; для нового запроса нужен новый ключ", Escaped(key)),
                format!("`{}` идемпотенттік кілті басқа сұрауға қолданылған; жаңа сұрауға жаңа кілт керек", Escaped(key)),
            ),
            other => l(
                format!("внутренняя ошибка службы, ничего не записано ({other})"),
                format!("қызметтің ішкі қатесі, ештеңе жазылмады ({other})"),
            ),
        }
    }
}

/// One FLK violation in `lang`: the field, its name in the regulation, the
/// rule's number and what is wrong (never the value).
pub fn violation(v: &Violation, lang: Lang) -> String {
    let what = match (&v.rule, lang) {
        (Rule::Required, _) => lang
            .pick("is required but empty", "обязательно, но не заполнено", "міндетті, бірақ толтырылмаған")
            .to_string(),
        (Rule::MaxChars { max, actual }, _) => lang.pick(
            format!("has {actual} characters, at most {max} allowed"),
            format!("{actual} знаков, допустимо не больше {max}"),
            format!("{actual} таңба, {max}-ден аспауы керек"),
        ),
        (Rule::Format(f), Lang::En) => format!("must be {}", f.describe()),
        (Rule::Format(f), _) => {
            let (ru, kk) = match f {
                FieldFormat::Digits => ("только цифры", "тек цифрлар"),
                FieldFormat::Decimal => ("десятичное число, например 0,15", "ондық сан, мысалы 0,15"),
                FieldFormat::Text => ("любые знаки", "кез келген таңбалар"),
                FieldFormat::Date => ("дата в виде ДД.ММ.ГГГГ", "КК.АА.ЖЖЖЖ түріндегі күн"),
                FieldFormat::Iin => {
                    ("действительный ИИН (12 цифр с контрольной)", "жарамды ЖСН (бақылау цифрымен 12 цифр)")
                }
                FieldFormat::Bin => {
                    ("действительный БИН (12 цифр с контрольной)", "жарамды БСН (бақылау цифрымен 12 цифр)")
                }
            };
            lang.pick(String::new(), format!("должно быть: {ru}"), format!("болуы керек: {kk}"))
        }
    };
    let rule = lang.pick("FLK rule", "правило ФЛК", "ФЛК ережесі");
    format!("`{}` («{}», {rule} {}): {what}", v.field, v.name, v.rule_number)
}

/// The title of a code, in `lang`.
pub fn title(code: &str, lang: Lang) -> &'static str {
    let (en, ru, kk) = match code {
        "R0101" => ("Unknown regulation", "Неизвестный регламент", "Белгісіз регламент"),
        "R0102" => ("Unknown channel", "Неизвестный канал", "Белгісіз арна"),
        "R0103" => ("Unknown form", "Неизвестная форма", "Белгісіз нысан"),
        "R0104" => ("Unknown action", "Неизвестное действие", "Белгісіз әрекет"),
        "R0105" => ("Unknown case", "Неизвестное дело", "Белгісіз іс"),
        "R0201" => ("Unreadable application", "Заявление не читается", "Өтініш оқылмайды"),
        "R0202" => ("Application refused", "Заявление отклонено", "Өтініш қабылданбады"),
        "R0203" => ("Form of another regulation", "Форма другого регламента", "Басқа регламенттің нысаны"),
        "R0204" => ("Application required", "Нужно заявление", "Өтініш қажет"),
        "R0205" => ("Application does not fit the form", "Заявление не подходит к форме", "Өтініш нысанға сәйкес емес"),
        "R0301" => ("Not responsible", "Не ответственный участник", "Жауапты қатысушы емес"),
        "R0302" => ("Move not allowed", "Переход не разрешён", "Өтуге рұқсат жоқ"),
        "R0303" => ("Action not final", "Действие не последнее", "Әрекет соңғы емес"),
        "R0304" => ("Action is final", "Действие последнее", "Әрекет соңғы"),
        "R0305" => ("Choose the way on", "Выберите, куда дальше", "Келесі жолды таңдаңыз"),
        "R0306" => ("Case ended", "Дело завершено", "Іс аяқталды"),
        "R0307" => ("Time runs backwards", "Время раньше последней записи", "Уақыт соңғы жазбадан бұрын"),
        "R0308" => ("Case of another channel", "Дело другого канала", "Басқа арнаның ісі"),
        "R0401" => ("Regulation repealed", "Регламент отменён", "Регламент күшін жойған"),
        "R0402" => ("No edition in force", "Нет действующей редакции", "Күшіндегі редакция жоқ"),
        "R0403" => ("Ambiguous edition", "Неоднозначная редакция", "Редакция анық емес"),
        "R0404" => ("Time outside the calendar", "Время вне календаря", "Уақыт күнтізбеден тыс"),
        "R0501" => ("Say who asks", "Укажите, кто спрашивает", "Кім сұрайтынын көрсетіңіз"),
        "R0503" => ("Unreadable time", "Время не читается", "Уақыт оқылмайды"),
        "R0601" => ("Conflict", "Конфликт", "Қайшылық"),
        "R0602" => ("Idempotency key reused", "Ключ идемпотентности уже использован", "Идемпотенттік кілт қолданылған"),
        _ => ("Internal error", "Внутренняя ошибка", "Ішкі қате"),
    };
    lang.pick(en, ru, kk)
}

fn list(items: &[&'static str]) -> String {
    let items: Vec<String> = items.iter().map(|s| format!("`{s}`")).collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(", ")
    }
}

fn numbers(items: &[u32]) -> String {
    let items: Vec<String> = items.iter().map(u32::to_string).collect();
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join(", ")
    }
}

fn branch(to: u32, when: Option<&str>) -> String {
    match when {
        Some(when) => format!("{to} («{when}»)"),
        None => to.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_of_ours() {
        assert_eq!(Lang::from_accept_language("kk-KZ, ru;q=0.8, en;q=0.5"), Some(Lang::Kk));
        assert_eq!(Lang::from_accept_language("de, ru;q=0.3, en;q=0.2"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language("en;q=0.1, ru;q=0.9"), Some(Lang::Ru));
        assert_eq!(Lang::from_accept_language("de, fr"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("ru;q=0"), None);
    }

    #[test]
    fn every_language_says_who_is_responsible() {
        let e = EngineError::NotResponsible { actor: "con".into(), action: 3, responsible: "mio", sfe: "МИО" };
        assert_eq!(e.code(), "R0301");
        assert_eq!(e.kind(), Kind::Forbidden);
        for lang in Lang::ALL {
            let m = e.message(lang);
            assert!(m.contains("`mio`") && m.contains("«МИО»") && m.contains('3'), "{lang:?}: {m}");
        }
        assert!(e.message(Lang::Ru).contains("ответственный"));
        assert!(e.message(Lang::Kk).contains("жауапты"));
        assert_eq!(e.title(Lang::Kk), "Жауапты қатысушы емес");
    }
}
