//! Words and numbers: every string a reader sees, in English and Russian,
//! and dates, numbers and plurals as each language writes them.
//!
//! The tables are this module's own (month names, CLDR plural rules, digit
//! grouping): a few hundred bytes, tested natively, and the same in every
//! browser. Quotes from the sources are data and never pass through here.

use super::date::{
    civil_from_days, DatePoint, DatePrecision, Day, EventDate, IntervalEnd, MONTHS_EN,
};
use super::joined::{joined, Joined};
use super::kind::EventKind;

mod counted;
mod problem;
pub use counted::*;
pub use problem::*;

/// A language of the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in switch order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The BCP 47 code (`en`, `ru`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language of a BCP 47 tag (`ru`, `ru-RU`, `EN-gb`), if supported.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            _ => None,
        }
    }
}

/// A CLDR plural category (cardinal numbers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// 1 (en); 1, 21, 31 … (ru).
    One,
    /// 2–4, 22–24 … (ru only).
    Few,
    /// 0, 5–20, 25–30 … (ru only).
    Many,
    /// Everything else (en).
    Other,
}

/// The plural category of a whole number, by the CLDR rules.
pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        Lang::En => Plural::Other,
        Lang::Ru => match (n % 10, n % 100) {
            (1, m) if m != 11 => Plural::One,
            (2..=4, m) if !(12..=14).contains(&m) => Plural::Few,
            _ => Plural::Many,
        },
    }
}

/// Picks a word form by plural category: `forms` = (one, few, many/other).
fn pick(lang: Lang, n: u64, forms: (&'static str, &'static str, &'static str)) -> &'static str {
    match plural(lang, n) {
        Plural::One => forms.0,
        Plural::Few => forms.1,
        Plural::Many | Plural::Other => forms.2,
    }
}

/// A whole number with its digits grouped as the language writes them:
/// "78,987" in English, "78 987" (no-break space) in Russian, where four
/// digits stay ungrouped ("5000").
pub fn number(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let (sep, min) = match lang {
        Lang::En => (',', 4),
        Lang::Ru => ('\u{a0}', 5),
    };
    let mut out = String::with_capacity(digits.len() + 8);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && digits.len() >= min && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out
}

/// A number given in tenths, with one decimal: "13.5" / "13,5".
pub fn tenths(lang: Lang, tenths: i64) -> String {
    let whole = number(lang, tenths / 10);
    let sign = if tenths < 0 && tenths / 10 == 0 {
        "-"
    } else {
        ""
    };
    let point = if lang == Lang::Ru { ',' } else { '.' };
    format!("{sign}{whole}{point}{}", (tenths % 10).unsigned_abs())
}

const MONTHS_EN_SHORT: Joined =
    joined!["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",];
/// Russian month names standing alone ("октябрь 2020").
const MONTHS_RU: Joined = joined![
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
];
/// Russian month names after a day or "около" ("17 октября 2020").
const MONTHS_RU_OF: Joined = joined![
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
/// Russian short month names (CLDR abbreviated forms).
const MONTHS_RU_SHORT: Joined = joined![
    "янв.",
    "февр.",
    "марта",
    "апр.",
    "мая",
    "июня",
    "июля",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
const MONTHS_RU_SHORT_ALONE: Joined = joined![
    "янв.",
    "февр.",
    "март",
    "апр.",
    "май",
    "июнь",
    "июль",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];

const _: () = {
    let tables = [
        MONTHS_EN,
        MONTHS_EN_SHORT,
        MONTHS_RU,
        MONTHS_RU_OF,
        MONTHS_RU_SHORT,
        MONTHS_RU_SHORT_ALONE,
    ];
    let mut i = 0;
    while i < tables.len() {
        assert!(tables[i].ends.len() == 12, "twelve months");
        i += 1;
    }
};

fn month(table: &Joined, m: u32) -> &'static str {
    table.get(m.wrapping_sub(1) as usize).unwrap_or("?")
}

pub use super::date::month_name;

/// A date's words at its precision, qualifiers included: "c. mid-January
/// 2020", "3 July 2021?", "1990s–2000s", "June 2020 – ?"; in Russian
/// "ок. середины января 2020", "3 июля 2021?", "1990-е – 2000-е",
/// "июнь 2020 – ?"; a choice "2020 or 2021", «2020 или 2021».
pub fn date_label(lang: Lang, date: &EventDate) -> String {
    let start = point_label(lang, &date.start);
    if let Some(or) = date.or() {
        let word = match lang {
            Lang::En => " or ",
            Lang::Ru => " или ",
        };
        return [start, point_label(lang, &or)].join(word);
    }
    let present = match lang {
        Lang::En => "present",
        Lang::Ru => "наст. время",
    };
    match date.end() {
        None => start,
        Some(IntervalEnd::Open) => format!("{start} – {present}"),
        Some(IntervalEnd::Unknown) => format!("{start} – ?"),
        Some(IntervalEnd::Date(end)) => {
            let end = point_label(lang, &end);
            // Single words (English years and decades) join with a bare en
            // dash; anything longer, and Russian, with spaces.
            if lang == Lang::En && !start.contains(' ') && !end.contains(' ') {
                format!("{start}–{end}")
            } else {
                format!("{start} – {end}")
            }
        }
    }
}

/// One date's words with its qualifiers.
pub fn point_label(lang: Lang, p: &DatePoint) -> String {
    let mut s = match (lang, p.approximate) {
        (Lang::En, true) => String::from("c. "),
        (Lang::Ru, true) => String::from("ок. "),
        _ => String::new(),
    };
    s.push_str(&plain_label(lang, p));
    if p.uncertain {
        s.push('?');
    }
    s
}

/// One date's words without qualifiers ("7 November 2019", "autumn 2020");
/// in Russian the forms that follow "ок." when the date is approximate.
fn plain_label(lang: Lang, p: &DatePoint) -> String {
    let (year, m, day) = civil_from_days(p.earliest);
    let approx = p.approximate;
    match (lang, p.precision) {
        (Lang::En, DatePrecision::Years { .. }) => format!("{year}s"),
        (Lang::Ru, DatePrecision::Years { .. }) if approx => format!("{year}-х"),
        (Lang::Ru, DatePrecision::Years { .. }) => format!("{year}-е"),
        (_, DatePrecision::Year) => year.to_string(),
        (Lang::En, DatePrecision::Season) => format!("{} {year}", season_en(m)),
        (Lang::Ru, DatePrecision::Season) => format!("{} {year}", season_ru(m, approx)),
        (Lang::En, DatePrecision::Month) => format!("{} {year}", month(&MONTHS_EN, m)),
        (Lang::Ru, DatePrecision::Month) if approx => format!("{} {year}", month(&MONTHS_RU_OF, m)),
        (Lang::Ru, DatePrecision::Month) => format!("{} {year}", month(&MONTHS_RU, m)),
        (Lang::En, DatePrecision::Day) if approx => {
            let part = match day {
                1..=10 => "early ",
                11..=20 => "mid-",
                _ => "late ",
            };
            format!("{part}{} {year}", month(&MONTHS_EN, m))
        }
        (Lang::Ru, DatePrecision::Day) if approx => {
            let part = match day {
                1..=10 => "начала",
                11..=20 => "середины",
                _ => "конца",
            };
            format!("{part} {} {year}", month(&MONTHS_RU_OF, m))
        }
        (Lang::En, DatePrecision::Day) => format!("{day} {} {year}", month(&MONTHS_EN, m)),
        (Lang::Ru, DatePrecision::Day) => format!("{day} {} {year}", month(&MONTHS_RU_OF, m)),
    }
}

fn season_en(first_month: u32) -> &'static str {
    match first_month {
        3..=5 => "spring",
        6..=8 => "summer",
        9..=11 => "autumn",
        _ => "winter",
    }
}

fn season_ru(first_month: u32, of: bool) -> &'static str {
    match (first_month, of) {
        (3..=5, false) => "весна",
        (3..=5, true) => "весны",
        (6..=8, false) => "лето",
        (6..=8, true) => "лета",
        (9..=11, false) => "осень",
        (9..=11, true) => "осени",
        (_, false) => "зима",
        (_, true) => "зимы",
    }
}

/// The label of a minor axis tick: a day ("8 Feb", "8 февр."), a month
/// ("Feb", "февр."), a year ("2020") or a decade ("1990s", "1990-е").
pub fn tick_label(lang: Lang, unit: TickUnit, day: Day) -> String {
    let (y, m, d) = civil_from_days(day);
    match (lang, unit) {
        (Lang::En, TickUnit::Day) => format!("{d} {}", month(&MONTHS_EN_SHORT, m)),
        (Lang::Ru, TickUnit::Day) => format!("{d} {}", month(&MONTHS_RU_SHORT, m)),
        (Lang::En, TickUnit::Month) => month(&MONTHS_EN_SHORT, m).to_owned(),
        (Lang::Ru, TickUnit::Month) => month(&MONTHS_RU_SHORT_ALONE, m).to_owned(),
        (_, TickUnit::Year) => y.to_string(),
        (Lang::En, TickUnit::Decade) => format!("{y}s"),
        (Lang::Ru, TickUnit::Decade) => format!("{y}-е"),
    }
}

/// What an axis label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// A day of a month.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A decade (or longer span of years).
    Decade,
}

/// The kinds' names in Russian, in the order of [`EventKind::ALL`].
const KINDS_RU: Joined = joined![
    "Основание",
    "Период деятельности",
    "Съезд",
    "Конференция",
    "Присоединение",
    "Заявление",
    "Назначение",
    "Арест",
    "Подача документов на регистрацию",
    "Отказ в регистрации",
    "Выборы",
    "Публикация",
    "Критика",
    "Отмежевание",
    "Веха",
    "Присвоение статуса",
    "Роспуск",
];
const _: () = assert!(KINDS_RU.ends.len() == EventKind::ALL.len());

/// A kind's name for people ("Registration refused", "Отказ в регистрации").
pub fn kind_label(lang: Lang, kind: EventKind) -> &'static str {
    match lang {
        Lang::En => kind.label(),
        Lang::Ru => KINDS_RU.get(kind.index()).unwrap_or_default(),
    }
}

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident => $en:expr, $ru:expr;)*) => {
        /// A fixed string of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($(#[$doc])* $name,)*
        }

        impl Msg {
            /// Every message (for the completeness test).
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The message in `lang`, from one [`Joined`] list per
            /// language. (A `match` over every pair compiled to twice the
            /// code.)
            pub fn text(self, lang: Lang) -> &'static str {
                const EN: Joined = joined![$($en,)*];
                const RU: Joined = joined![$($ru,)*];
                match lang {
                    Lang::En => EN.get(self as usize),
                    Lang::Ru => RU.get(self as usize),
                }
                .unwrap_or_default()
            }
        }
    };
}

messages! {
    /// The widget's name, and its heading when no organisation is shown.
    WidgetName => "Movement timeline", "Хронология движений";
    /// The toolbar's name.
    Controls => "Timeline controls", "Управление хронологией";
    /// Zoom-in button.
    ZoomIn => "Zoom in", "Приблизить";
    /// Zoom-out button.
    ZoomOut => "Zoom out", "Отдалить";
    /// Fit button.
    Fit => "Fit", "Весь период";
    /// Fit button's tooltip.
    FitTitle => "Show the organisations’ years (with a filter on, the shown events)", "Показать годы существования организаций (при включённых фильтрах — все отобранные события)";
    /// List button.
    List => "List", "Список";
    /// List button's tooltip.
    ListTitle => "Show the visible events as a table", "Показать видимые события в виде таблицы";
    /// Theme button, followed by the theme.
    Theme => "Theme", "Тема";
    /// Theme button's tooltip.
    ThemeTitle => "Colour theme: automatic, light or dark", "Цветовая тема: автоматическая, светлая или тёмная";
    /// The automatic theme.
    ThemeAuto => "auto", "авто";
    /// The light theme.
    ThemeLight => "light", "светлая";
    /// The dark theme.
    ThemeDark => "dark", "тёмная";
    /// The language switch's name.
    Language => "Language", "Язык";
    /// The filter bar's name.
    Filters => "Filters", "Фильтры";
    /// Tooltip of an organisation toggle, followed by its name.
    ShowOrHide => "Show or hide", "Показать или скрыть";
    /// Search field placeholder.
    SearchPlaceholder => "Search titles, people, names…", "Поиск: события, люди, названия…";
    /// Search field's name.
    Search => "Search events", "Поиск событий";
    /// Reset button.
    Reset => "Reset filters", "Сбросить фильтры";
    /// Copy-link button.
    CopyLink => "Copy link", "Скопировать ссылку";
    /// After copying.
    LinkCopied => "Link copied", "Ссылка скопирована";
    /// When copying failed, followed by the address.
    CopyThisLink => "Copy this link:", "Скопируйте ссылку:";
    /// Nothing matches the filters.
    NoMatch => "No events match these filters.", "Нет событий, соответствующих фильтрам.";
    /// While loading.
    Loading => "Loading the timeline…", "Загрузка хронологии…";
    /// Error panel: data could not be fetched, followed by the reason.
    CouldNotLoad => "Could not load data", "Не удалось загрузить данные";
    /// Error panel: what happens next.
    WillAppear => "The timeline will appear once the data can be read.", "Хронология появится, как только данные удастся прочитать.";
    /// Error panel heading for bad data.
    DataError => "The data has an error", "Ошибка в данных";
    /// Error panel: the list of the data's other problems follows.
    MoreProblems => "Other problems in the data:", "Другие ошибки в данных:";
    /// Error panel: where the error is.
    Where => "Where:", "Место ошибки:";
    /// Retry button.
    Retry => "Retry", "Повторить";
    /// Crash panel heading.
    Crashed => "This timeline stopped because of an internal error", "Хронология перестала работать из-за внутренней ошибки";
    /// Crash panel text.
    CrashedDetail => "The details are in the browser console. Reload the page to try again; other timelines on the page are not affected.", "Подробности — в консоли браузера. Перезагрузите страницу, чтобы попробовать снова; другие хронологии на странице не затронуты.";
    /// The plot's name and keyboard help.
    PlotHelp => "Timeline. Arrow keys pan, + and − zoom, Enter moves to the events; on an event, arrow keys move between events and Enter opens its details.", "Хронология. Клавиши со стрелками сдвигают шкалу, + и − меняют масштаб, Enter переводит фокус на события; когда фокус на событии, стрелки перемещают фокус между событиями, а Enter открывает подробности.";
    /// Legend summary.
    Legend => "Kinds of events", "Виды событий";
    /// Legend list's name.
    LegendHelp => "Event kinds: press to show or hide", "Виды событий: нажмите, чтобы показать или скрыть";
    /// Legend: shaded spans.
    KeyShaded => "shaded: the date is a month, season or year", "заливка: дата известна с точностью до месяца, сезона или года";
    /// Legend: dashed outlines.
    KeyDashed => "dashed: approximate (c.) or uncertain (?)", "пунктир: приблизительная (ок.) или предположительная (?) дата";
    /// Legend: fading tails.
    KeyTail => "fading tail: end not known", "затухающий хвост: дата окончания неизвестна";
    /// Details: date.
    Date => "Date", "Дата";
    /// Details: an uncertain date.
    Uncertain => "(uncertain: inferred, not stated in the source)", "(предположительно: в источнике не указано, восстановлено по контексту)";
    /// Details: a choice of two dates (`[2020,2021]`).
    Choice => "(one or the other: the source does not say which)", "(одна из двух дат: в источнике не сказано, какая)";
    /// Details: an approximate date.
    Approximate => "(approximate)", "(приблизительно)";
    /// Details: kind.
    Kind => "Kind", "Вид";
    /// Details: organisation.
    Organisation => "Organisation", "Организация";
    /// Details: people.
    People => "People", "Действующие лица";
    /// Details: a counted fact.
    Count => "Count", "Количество";
    /// Before a lower bound ("more than 10").
    MoreThan => "more than", "более";
    /// Before a source.
    Source => "Source:", "Источник:";
    Sources => "Sources: Wikipedia, 'For a New Socialism', 'Russian Socialist Movement', CC BY-SA", "Источники: Википедия, статьи «For a New Socialism» и «Russian Socialist Movement» (на английском), CC BY-SA";
    /// Close button of the details.
    Close => "Close details", "Закрыть подробности";
    /// Previous event in the details.
    Previous => "Previous", "Предыдущее";
    /// Next event in the details.
    Next => "Next", "Следующее";
    /// A translated text, with its source in English.
    Translated => "translation; the source is in English", "перевод с английского";
    /// Details: a predecessor organisation, before the lane's name.
    PredecessorNote => "an earlier organisation, drawn in this lane:", "организация-предшественница; показана на полосе:";
    /// List and table header: date.
    ColDate => "Date", "Дата";
    /// List header: organisation.
    ColOrganisation => "Organisation", "Организация";
    /// List header: kind.
    ColKind => "Kind", "Вид";
    /// List header: event.
    ColEvent => "Event", "Событие";
    /// Table header: members.
    ColMembers => "Members", "Число участников";
    /// Table header: source.
    ColSource => "Source", "Источник";
    /// Chart heading.
    Membership => "Membership", "Численность";
    /// Chart view switch's name.
    ChartView => "Chart view", "Режим графика";
    /// Chart: counts.
    Counts => "Counts", "Значения";
    /// Chart: growth.
    Growth => "Growth per month", "Прирост в месяц";
    /// Chart: table.
    Table => "Table", "Таблица";
    /// Chart: no figures, after the organisations' names.
    NoFigures => "no membership figures published.", "данные о численности не публиковались.";
    /// Chart: no organisation shown.
    NoOrganisation => "No organisation shown", "Не выбрано ни одной организации";
    /// Chart's name.
    ChartHelp => "Membership over time; drag across it to zoom the timeline to that range", "Динамика численности; проведите по графику, чтобы приблизить выделенный период";
    /// Presence strip heading.
    Presence => "Presence", "Охват";
    /// Presence strip's name.
    PresenceHelp => "Countable presence facts", "Другие числовые данные";
    /// Chart readout when nothing is hovered.
    ChartHint => "Counts are drawn across the month or year they cover and joined by a dashed line: nothing is known between them. Hover, focus or tap a point for its source; drag across the chart to zoom.", "Каждое значение растянуто на месяц или год, к которому относится; значения соединены пунктиром: о промежутках между ними ничего не известно. Наведите курсор на точку, выберите её клавишей Tab или коснитесь её, чтобы увидеть источник; проведите по графику, чтобы приблизить выделенный период.";
    /// Growth view note.
    Uneven => "The counts are not equally spaced in time: each bar is the average gain per month between two counts, drawn across the months it covers.", "Значения опубликованы через неравные промежутки времени: каждый столбец — средний прирост в месяц между соседними значениями, растянутый на этот промежуток.";
    /// Membership table caption.
    CountsCaption => "Published membership counts", "Опубликованные данные о численности";
    /// Overview strip's name.
    OverviewHelp => "Overview of the whole period with the visible window; drag across it to choose a window", "Обзор всего периода с выделенной видимой областью; проведите по полосе, чтобы выбрать область";
    /// Data warnings, after the count.
    AndMore => "… and more", "… и другие";
    /// Export menu button.
    Export => "Export", "Экспорт";
    /// The alignment toggle.
    AlignToggle => "Since founding", "Отсчёт от основания";
    /// Its tooltip.
    AlignTitle => "Line the organisations up by their founding: each lane by time since its own founding", "Отсчёт от основания: на каждой полосе время отсчитывается от основания её организации";
    /// The export's note when aligned by founding.
    AlignedNote => "Aligned by founding", "Отсчёт от основания";
    /// An organisation that cannot be aligned.
    NotAligned => "no founding date, so its events are not shown when aligned by founding", "дата основания неизвестна, поэтому в режиме «Отсчёт от основания» её события не показаны";
    /// Tooltip of the buttons at the window's edges.
    RevealTitle => "Widen the window to show them", "Расширить область, чтобы показать их";
    /// Name of the band on the time axis marking the chart's window.
    ChartRangeName => "Period of the membership chart", "Период графика численности";
}

/// The widget's heading: the shown organisations' names ("For a New
/// Socialism and the Russian Socialist Movement").
pub fn heading(lang: Lang, names: &[&str]) -> String {
    match (names, lang) {
        ([], _) => Msg::WidgetName.text(lang).to_owned(),
        ([one], _) => (*one).to_owned(),
        ([init @ .., last], Lang::En) => format!("{} and the {last}", init.join(", ")),
        ([init @ .., last], Lang::Ru) => format!("{} и {last}", init.join(", ")),
    }
}

/// The label of a theme ("auto", "light", "dark").
pub fn theme(lang: Lang, theme: &str) -> &'static str {
    match theme {
        "light" => Msg::ThemeLight.text(lang),
        "dark" => Msg::ThemeDark.text(lang),
        _ => Msg::ThemeAuto.text(lang),
    }
}

impl DatePoint {
    /// The date in words with its qualifiers, in English: "c. mid-January
    /// 2020", "3 July 2021?", "c. 1997?" (see [`point_label`]).
    pub fn label(&self) -> String {
        point_label(Lang::En, self)
    }
}

impl EventDate {
    /// The date in words at its precision, in English: "7 November 2019",
    /// "autumn 2020", "1990s–2000s", "June 2020 – ?", "29 January 2019 –
    /// present" (see [`date_label`] for other languages).
    pub fn label(&self) -> String {
        date_label(Lang::En, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::date::EventDate;

    fn label(lang: Lang, s: &str) -> String {
        date_label(lang, &EventDate::parse(s).unwrap())
    }

    #[test]
    fn a_year_s_cluster_reads_lower_case_after_its_colon_in_russian() {
        assert_eq!(
            year_cluster(Lang::Ru, "2020", 12),
            "2020: здесь 12 событий; приблизьте, чтобы увидеть их"
        );
        assert!(cluster(Lang::Ru, 12).starts_with("Здесь 12 событий"));
        assert_eq!(
            year_cluster(Lang::En, "2020", 5),
            "2020: 5 events here; zoom in to see them"
        );
    }

    #[test]
    fn the_loader_s_reasons_read_in_russian() {
        let ru = |r: &str| load_reason(Lang::Ru, r);
        assert_eq!(
            ru("no answer within 30 seconds"),
            "нет ответа в течение 30 секунд"
        );
        assert_eq!(
            ru("no data arrived for 21 seconds"),
            "данные не поступали 21 секунду"
        );
        assert_eq!(
            ru("network error: Failed to fetch"),
            "ошибка сети: Failed to fetch"
        );
        assert_eq!(ru("HTTP 404 Not Found"), "HTTP 404 Not Found");
        assert_eq!(
            load_reason(Lang::En, "no answer within 30 seconds"),
            "no answer within 30 seconds"
        );
    }

    #[test]
    fn every_message_exists_in_both_languages_and_differs() {
        for m in Msg::ALL {
            let (en, ru) = (m.text(Lang::En), m.text(Lang::Ru));
            assert!(!en.trim().is_empty() && !ru.trim().is_empty(), "{m:?}");
            assert!(
                ru.chars()
                    .any(|c| ('а'..='я').contains(&c.to_lowercase().next().unwrap_or(c))),
                "{m:?} is not Russian: {ru}"
            );
        }
        for k in EventKind::ALL {
            assert_ne!(kind_label(Lang::En, k), kind_label(Lang::Ru, k), "{k:?}");
        }
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        let cases = [
            (0, "0 событий"),
            (1, "1 событие"),
            (2, "2 события"),
            (4, "4 события"),
            (5, "5 событий"),
            (11, "11 событий"),
            (12, "12 событий"),
            (14, "14 событий"),
            (21, "21 событие"),
            (22, "22 события"),
            (25, "25 событий"),
            (101, "101 событие"),
            (111, "111 событий"),
            (1001, "1001 событие"),
        ];
        for (n, want) in cases {
            assert_eq!(events(Lang::Ru, n), want);
        }
        assert_eq!(events(Lang::En, 1), "1 event");
        assert_eq!(events(Lang::En, 0), "0 events");
        assert_eq!(members(Lang::Ru, 78_987), "78\u{a0}987 участников");
        assert_eq!(members(Lang::Ru, 21), "21 участник");
        assert_eq!(members(Lang::En, 78_987), "78,987 members");
    }

    #[test]
    fn numbers_are_grouped_as_each_language_writes_them() {
        assert_eq!(number(Lang::En, 78_987), "78,987");
        assert_eq!(number(Lang::Ru, 78_987), "78\u{a0}987");
        assert_eq!(
            number(Lang::Ru, 5000),
            "5000",
            "four digits stay together in Russian"
        );
        assert_eq!(number(Lang::En, 5000), "5,000");
        assert_eq!(number(Lang::Ru, -1_234_567), "-1\u{a0}234\u{a0}567");
        assert_eq!(tenths(Lang::Ru, 135), "13,5");
        assert_eq!(tenths(Lang::En, 10), "1.0");
    }

    #[test]
    fn every_precision_reads_naturally_in_russian() {
        for (input, want) in [
            ("2020-10-17", "17 октября 2020"),
            ("2020-10", "октябрь 2020"),
            ("2020-23", "осень 2020"),
            ("2020-24", "зима 2020"),
            ("2020", "2020"),
            ("2020-01-15~", "ок. середины января 2020"),
            ("2020-03-02~", "ок. начала марта 2020"),
            ("2020-03-25~", "ок. конца марта 2020"),
            ("2020-06~", "ок. июня 2020"),
            ("2020-23~", "ок. осени 2020"),
            ("1997~", "ок. 1997"),
            ("2021-07-03?", "3 июля 2021?"),
            ("2020-12?", "декабрь 2020?"),
            ("199X/200X", "1990-е – 2000-е"),
            ("199X~", "ок. 1990-х"),
            ("2020-06/", "июнь 2020 – ?"),
            ("2019-01-29/..", "29 января 2019 – наст. время"),
            ("2011/2024", "2011 – 2024"),
        ] {
            assert_eq!(label(Lang::Ru, input), want, "{input}");
        }
    }

    #[test]
    fn english_dates_stay_as_they_were() {
        for (input, want) in [
            ("2019-11-07", "7 November 2019"),
            ("2020-01-15~", "c. mid-January 2020"),
            ("199X/200X", "1990s–2000s"),
            ("2020-06/", "June 2020 – ?"),
            ("2021-07-03?", "3 July 2021?"),
        ] {
            assert_eq!(label(Lang::En, input), want, "{input}");
        }
    }

    #[test]
    fn axis_labels_in_both_languages() {
        let day = crate::core::date::days_from_civil(2024, 2, 8);
        assert_eq!(tick_label(Lang::En, TickUnit::Day, day), "8 Feb");
        assert_eq!(tick_label(Lang::Ru, TickUnit::Day, day), "8 февр.");
        assert_eq!(tick_label(Lang::Ru, TickUnit::Month, day), "февр.");
        assert_eq!(tick_label(Lang::Ru, TickUnit::Decade, day), "2024-е");
    }

    #[test]
    fn tags_choose_a_language() {
        assert_eq!(Lang::parse("ru-RU"), Some(Lang::Ru));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }
}
