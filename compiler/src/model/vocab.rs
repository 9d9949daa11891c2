//! The model's vocabulary: every closed list of words as an enum, so that a
//! new word is a compile error in each back end that has to say something
//! about it, not a string silently dropped by a fallback.

use crate::messages::Phrase;

/// Defines an enum whose variants have a stable name (`as_str`) used by the
/// export, the review outputs and the outline.
macro_rules! vocabulary {
    ($(#[doc = $doc:literal])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident = $word:literal,)* }) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The stable name: what the export and the review outputs write.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The language of a rendition.
    Language {
        /// Russian.
        Ru = "ru",
        /// Kazakh.
        Kk = "kk",
    }
}

vocabulary! {
    /// Whether a regulation is in force.
    Status {
        /// In force.
        InForce = "in_force",
        /// Repealed (Утратило силу, Күшін жойған).
        Repealed = "repealed",
    }
}

vocabulary! {
    /// What kind of participant acts.
    ParticipantKind {
        /// A structural-functional unit (СФЕ, ҚФБ): people in an organisation.
        Unit = "unit",
        /// An information system (ИС, АЖ).
        System = "system",
        /// The applicant (потребитель, алушы).
        Applicant = "applicant",
    }
}

vocabulary! {
    /// The channel through which a citizen gets the service.
    ChannelKind {
        /// The authorised body (МИО, ММ).
        Authority = "authority",
        /// A public service centre (ЦОН, ХҚКО).
        Center = "center",
        /// The e-government portal (ПЭП, ЭҮП).
        Portal = "portal",
    }
}

vocabulary! {
    /// The kind of a labelled process-list item.
    ItemKind {
        /// «процесс N», «N-үдеріс».
        Process = "process",
        /// «условие N», «N-шарт».
        Condition = "condition",
    }
}

vocabulary! {
    /// The kind of a use-case table.
    ScenarioKind {
        /// The main process.
        Main = "main",
        /// An alternative process.
        Alternative = "alternative",
    }
}

vocabulary! {
    /// How a deadline bounds an action's time.
    Bound {
        /// «Не более 10 минут»: at most.
        AtMost = "at_most",
        /// «В течение 10 рабочих дней»: within.
        Within = "within",
        /// «От 15 до 30 …»: between a minimum and a maximum.
        Range = "range",
        /// «15 күн»: a plain duration, read as a maximum.
        Plain = "plain",
    }
}

vocabulary! {
    /// A unit of time as the documents write it.
    TimeUnit {
        /// Seconds.
        Second = "second",
        /// Minutes.
        Minute = "minute",
        /// Hours.
        Hour = "hour",
        /// Days whose kind the document does not state.
        Day = "day",
        /// Working days.
        WorkingDay = "working_day",
        /// Calendar days.
        CalendarDay = "calendar_day",
        /// Months.
        Month = "month",
    }
}

impl TimeUnit {
    /// Seconds per unit for clock units; `None` for days and months.
    pub const fn seconds(self) -> Option<u64> {
        match self {
            TimeUnit::Second => Some(1),
            TimeUnit::Minute => Some(60),
            TimeUnit::Hour => Some(3600),
            TimeUnit::Day | TimeUnit::WorkingDay | TimeUnit::CalendarDay | TimeUnit::Month => None,
        }
    }
}

vocabulary! {
    /// How a term in days counts them.
    DayCount {
        /// Every day counts.
        Calendar = "calendar",
        /// Only working days count.
        Working = "working",
    }
}

vocabulary! {
    /// When a term starts counting.
    TermStart {
        /// When the step starts: a step's own deadline, where the document
        /// says nothing else.
        StepStart = "step_start",
        /// When the application was received («с момента обращения»,
        /// «өтініш жасаған уақытынан бастап»).
        Receipt = "receipt",
        /// On the first working day after the day the application was
        /// received, which the document excludes from the term («день приема
        /// … не входит в срок»).
        NextWorkingDay = "next_working_day",
    }
}

vocabulary! {
    /// What an FLK field's value must look like.
    FieldFormat {
        /// Digits only («Числовой», «Сандық»).
        Digits = "digits",
        /// A decimal number such as «0,15» (a «Числовой» field read as decimal).
        Decimal = "decimal",
        /// Any characters («Символьный», «Символдық»).
        Text = "text",
        /// A date, DD.MM.YYYY («Дата», «Күні»).
        Date = "date",
        /// An individual identification number («ИИН», «ЖСН»).
        Iin = "iin",
        /// A business identification number («БИН», «БСН»).
        Bin = "bin",
    }
}

vocabulary! {
    /// The text columns of an action table.
    Column {
        /// The responsible unit or system (СФЕ, ҚФБ).
        Sfe = "sfe",
        /// What is done.
        Does = "does",
        /// How the action is completed.
        Completion = "completion",
        /// The deadline.
        Deadline = "deadline",
        /// The next action.
        Next = "next",
    }
}

impl Column {
    /// The column's name in the catalog.
    pub fn phrase(self) -> Phrase {
        match self {
            Column::Sfe => Phrase::ColumnSfe {},
            Column::Does => Phrase::ColumnDoes {},
            Column::Completion => Phrase::ColumnCompletion {},
            Column::Deadline => Phrase::ColumnDeadline {},
            Column::Next => Phrase::ColumnNext {},
        }
    }
}

vocabulary! {
    /// The columns of an FLK table.
    FieldColumn {
        /// The field's name.
        Name = "name",
        /// Whether it is required.
        Required = "required",
        /// Its size in characters.
        Size = "size",
        /// Its format.
        Format = "format",
    }
}

impl FieldColumn {
    /// The column's name in the catalog.
    pub fn phrase(self) -> Phrase {
        match self {
            FieldColumn::Name => Phrase::ColumnName {},
            FieldColumn::Required => Phrase::ColumnRequired {},
            FieldColumn::Size => Phrase::ColumnSize {},
            FieldColumn::Format => Phrase::ColumnFormat {},
        }
    }
}
