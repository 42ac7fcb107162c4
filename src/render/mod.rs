//! What the widget draws, written as markup text ([`crate::core::markup`]):
//! pure functions of the state, compiled for the browser and natively, so
//! the prerendered page and the tests use the very functions the widget
//! renders with. The Yew view (`view`) turns the text into its virtual DOM
//! and handles input; buttons say what they do in `data-act`.

pub mod chart;
pub mod glyph;
pub mod plot;

use crate::core::data::{Dataset, EventKind, MeasureBound, Organisation};
use crate::core::date::{iso_day, Day};
use crate::core::i18n::{self, date_label, kind_label, Lang, Msg};
use crate::core::layout::events_in_window;
use crate::core::markup::Markup;
use crate::state::{Layout, Load, LoadError, State, Theme};
use glyph::kind_icon;
use plot::{org_name, org_swatch};

/// Most rows the list view shows; zooming in shows the rest.
pub const MAX_LIST_ROWS: usize = 500;

/// An organisation's abbreviation in the reader's language.
pub fn abbreviation(org: &Organisation, l: Lang) -> &str {
    match (l, &org.native_abbreviation) {
        (Lang::Ru, Some(a)) => a.as_str(),
        _ => org.abbreviation.as_str(),
    }
}

/// The message and location of a load error, as the error panel says them.
pub fn error_text(err: &LoadError, lang: Lang) -> (String, String) {
    match err {
        LoadError::Network { reason, url } => (
            [Msg::CouldNotLoad.text(lang), " (", reason, ")"].concat(),
            url.clone(),
        ),
        LoadError::Data(e) => (e.message.clone(), e.location()),
    }
}

/// The whole widget: its root section and everything in it. `copy_link`
/// adds the Copy link button (the full page, whose URL holds the view).
pub fn widget(m: &mut Markup, s: &State, copy_link: bool) {
    let l = s.lang;
    let vertical = s.drawn.layout == Layout::Vertical;
    m.open("section")
        .class(
            "mt-root",
            &[
                (s.theme == Theme::Light, "mt-theme-light"),
                (s.theme == Theme::Dark, "mt-theme-dark"),
                (vertical, "mt-vertical"),
            ],
        )
        .attr("data-testid", "timeline-root")
        .attr("data-state", s.load.as_attr())
        .attr(
            "data-window-start",
            &iso_day(s.scale.start_day.floor() as Day),
        )
        .attr("data-window-end", &iso_day(s.scale.end_day.ceil() as Day))
        .attr(
            "data-layout",
            if vertical { "vertical" } else { "horizontal" },
        )
        .attr("lang", l.code())
        .attr("aria-label", Msg::WidgetName.text(l))
        .start();
    header(m, s);
    let ready = s.data();
    if let Some(data) = ready {
        filters(m, s, data, copy_link);
    }
    m.open("div")
        .attr("class", "mt-plot")
        .key("plot")
        .attr("data-zone", "plot")
        .attr("data-act", "plot")
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-label", Msg::PlotHelp.text(l))
        .start();
    match &s.load {
        Load::Loading => {
            m.open("p")
                .attr("class", "mt-status")
                .attr("role", "status")
                .start()
                .text(Msg::Loading.text(l))
                .close("p");
        }
        Load::Failed(err) => error_panel(m, err, l),
        Load::Ready(data) if vertical => plot::vertical(m, s, data),
        Load::Ready(data) => plot::horizontal(m, s, data),
    }
    m.close("div");
    if let Some(data) = ready {
        chart::membership(m, s, data);
        warnings(m, data, l);
        legend(m, s);
        if let Some(sel) = s.selected {
            details(m, s, data, sel);
        }
        if s.list_open {
            list(m, s, data);
        }
    }
    m.close("section");
}

/// A plain button that says what it does in `data-act`.
fn button(m: &mut Markup, act: &str, testid: &str, text: &str, title: &str) {
    m.open("button")
        .attr("type", "button")
        .attr("data-act", act)
        .attr("data-testid", testid)
        .attr_if(!title.is_empty(), "title", title)
        .start()
        .text(text)
        .close("button");
}

/// The heading and the toolbar.
fn header(m: &mut Markup, s: &State) {
    let l = s.lang;
    m.open("header")
        .attr("class", "mt-header")
        .key("header")
        .start();
    m.leaf("h2", "class", "mt-title", &s.title());
    m.open("div")
        .attr("class", "mt-toolbar")
        .attr("role", "toolbar")
        .attr("aria-label", Msg::Controls.text(l))
        .start();
    for (act, label, text) in [
        ("zoom-in", Msg::ZoomIn.text(l), "+"),
        ("zoom-out", Msg::ZoomOut.text(l), "−"),
    ] {
        m.open("button")
            .attr("type", "button")
            .attr("data-act", act)
            .attr("data-testid", act)
            .attr("aria-label", label)
            .attr("title", label)
            .start()
            .text(text)
            .close("button");
    }
    button(
        m,
        "fit",
        "zoom-fit",
        Msg::Fit.text(l),
        Msg::FitTitle.text(l),
    );
    m.open("button")
        .attr("type", "button")
        .attr("data-act", "list")
        .attr("data-testid", "list-toggle")
        .flag("aria-pressed", s.list_open)
        .attr("title", Msg::ListTitle.text(l))
        .start()
        .text(Msg::List.text(l))
        .close("button");
    let theme = i18n::theme(l, s.theme.as_str());
    button(
        m,
        "theme",
        "theme-toggle",
        &[Msg::Theme.text(l), ": ", theme].concat(),
        Msg::ThemeTitle.text(l),
    );
    m.open("span")
        .attr("class", "mt-langs")
        .attr("role", "group")
        .attr("aria-label", Msg::Language.text(l))
        .start();
    for lang in Lang::ALL {
        m.open("button")
            .attr("type", "button")
            .attr("data-act", "lang")
            .attr("data-testid", "lang-toggle")
            .attr("data-lang", lang.code())
            .attr("lang", lang.code())
            .flag("aria-pressed", lang == l)
            .start()
            .text(&lang.code().to_ascii_uppercase())
            .close("button");
    }
    m.close("span").close("div").close("header");
}

/// Organisation toggles with counts, search, reset and copy-link.
fn filters(m: &mut Markup, s: &State, data: &Dataset, copy_link: bool) {
    let l = s.lang;
    let (shown, total) = (&s.tallies.shown, &s.tallies.total);
    m.open("div")
        .attr("class", "mt-filters")
        .key("filters")
        .attr("role", "group")
        .attr("aria-label", Msg::Filters.text(l))
        .start();
    for (i, org) in data.organisations.iter().enumerate() {
        let n = shown.by_org.get(i).copied().unwrap_or(0);
        let all = total.by_org.get(i).copied().unwrap_or(0);
        m.open("button")
            .attr("type", "button")
            .attr("class", "mt-org-toggle")
            .attr("data-act", "org")
            .attr("data-testid", "org-toggle")
            .attr("data-org", &org.id)
            .flag("aria-pressed", s.filter.shows_org(&org.id))
            .attr(
                "title",
                &[Msg::ShowOrHide.text(l), " ", org_name(org, l)].concat(),
            )
            .start();
        org_swatch(m, &org.color);
        m.text(" ").text(abbreviation(org, l)).text(" ");
        m.open("span")
            .attr("class", "mt-count")
            .attr("aria-label", &i18n::shown_of(l, n, all))
            .start()
            .text_int(n as i64)
            .text("/")
            .text_int(all as i64)
            .close("span");
        m.close("button");
    }
    // The search box: the view keeps its value as the reader types.
    m.open("input")
        .attr("type", "search")
        .attr("class", "mt-search")
        .attr("data-act", "search")
        .attr("data-testid", "search")
        .attr("value", &s.filter.text)
        .attr("placeholder", Msg::SearchPlaceholder.text(l))
        .attr("aria-label", Msg::Search.text(l))
        .end("input");
    m.open("button")
        .attr("type", "button")
        .attr("data-act", "reset")
        .attr("data-testid", "reset-filters")
        .attr_if(s.filter.is_empty(), "disabled", "")
        .start()
        .text(Msg::Reset.text(l))
        .close("button");
    if copy_link {
        button(m, "copy", "copy-link", Msg::CopyLink.text(l), "");
        m.open("span")
            .attr("class", "mt-copy-status")
            .attr("role", "status")
            .start();
        match &s.copy {
            Some(Ok(())) => {
                m.text(Msg::LinkCopied.text(l));
            }
            Some(Err(href)) => {
                m.text(Msg::CopyThisLink.text(l)).text(" ").text(href);
            }
            None => {}
        }
        m.close("span");
    }
    m.close("div");
}

/// The kinds present in the data (each a filter toggle, counted only while
/// a filter hides some) and what the date marks mean.
fn legend(m: &mut Markup, s: &State) {
    let l = s.lang;
    let (shown, total) = (&s.tallies.shown, &s.tallies.total);
    let filtered = !s.filter.is_empty();
    m.open("details")
        .attr("class", "mt-legend")
        .key("legend")
        .attr_if(
            s.scale.width_px == 0.0 || s.scale.width_px > 640.0,
            "open",
            "",
        )
        .start();
    m.leaf("summary", "", "", Msg::Legend.text(l));
    m.open("ul")
        .attr("class", "mt-legend-kinds")
        .attr("aria-label", Msg::LegendHelp.text(l))
        .start();
    for k in EventKind::ALL {
        let all = total.by_kind.get(k.index()).copied().unwrap_or(0);
        if all == 0 {
            continue;
        }
        let n = shown.by_kind.get(k.index()).copied().unwrap_or(0);
        m.open("li").key(k.as_str()).start();
        m.open("button")
            .attr("type", "button")
            .attr("class", "mt-kind-toggle")
            .attr("data-act", "kind")
            .attr("data-testid", "kind-toggle")
            .attr("data-kind", k.as_str())
            .flag("aria-pressed", s.filter.shows_kind(k))
            .start();
        kind_icon(m, k, "");
        m.text(" ").text(kind_label(l, k));
        if filtered {
            m.open("span")
                .attr("class", "mt-count")
                .start()
                .text(" ")
                .text_int(n as i64)
                .text("/")
                .text_int(all as i64)
                .close("span");
        }
        m.close("button").close("li");
    }
    m.close("ul");
    m.open("p").attr("class", "mt-legend-dates").start();
    for (key, text) in [
        ("mt-key mt-key-span", Msg::KeyShaded),
        ("mt-key mt-key-dashed", Msg::KeyDashed),
        ("mt-key mt-key-tail", Msg::KeyTail),
    ] {
        m.open("span").attr("class", key).end("span");
        m.text(text.text(l));
    }
    m.close("p").close("details");
}

/// The selected event: title, date, kind, organisation, people, summary,
/// the verbatim quote, and Previous / Next through the shown events.
fn details(m: &mut Markup, s: &State, data: &Dataset, event: usize) {
    let Some(e) = data.events.get(event) else {
        return;
    };
    let l = s.lang;
    let t = |x| data.text(x);
    let tr = (l != Lang::En)
        .then(|| data.translation(e, l.code()))
        .flatten();
    let title = tr.map_or(e.title, |tr| tr.title);
    let summary = tr
        .filter(|tr| !tr.summary.is_empty())
        .map_or(e.summary, |tr| tr.summary);
    let heading_id = ["mt-details-", t(e.id)].concat();
    let (prev, next) = (s.neighbour(event, -1), s.neighbour(event, 1));
    m.open("aside")
        .attr("class", "mt-details")
        .key("details")
        .attr("data-testid", "event-details")
        .attr("data-event-id", t(e.id))
        .attr("aria-labelledby", &heading_id)
        .start();
    m.open("div").attr("class", "mt-details-head").start();
    m.leaf("h3", "id", &heading_id, t(title));
    m.open("button")
        .attr("type", "button")
        .attr("class", "mt-close")
        .attr("data-act", "close")
        .attr("aria-label", Msg::Close.text(l))
        .start()
        .text("×")
        .close("button");
    m.close("div");
    if tr.is_some() {
        m.open("p")
            .attr("class", "mt-note")
            .start()
            .text("(")
            .text(Msg::Translated.text(l))
            .text(")")
            .close("p");
    }
    m.open("dl").attr("class", "mt-facts").start();
    m.leaf("dt", "", "", Msg::Date.text(l));
    m.open("dd").start().text(&date_label(l, &e.date));
    let note = if e.date.is_uncertain() {
        Some(Msg::Uncertain)
    } else if e.date.is_approximate() {
        Some(Msg::Approximate)
    } else {
        None
    };
    if let Some(note) = note {
        m.open("span")
            .attr("class", "mt-note")
            .start()
            .text(" ")
            .text(note.text(l))
            .close("span");
    }
    m.close("dd");
    m.leaf("dt", "", "", Msg::Kind.text(l));
    m.open("dd").start();
    kind_icon(m, e.kind, "");
    m.text(" ").text(kind_label(l, e.kind)).close("dd");
    if let Some(org) = data.organisations.get(e.org) {
        m.leaf("dt", "", "", Msg::Organisation.text(l));
        m.open("dd").start();
        if e.predecessor.is_empty() {
            m.text(&org.name)
                .text(" (")
                .text(abbreviation(org, l))
                .text(")");
            if let Some(native) = &org.native_name {
                m.open("span")
                    .attr("class", "mt-native")
                    .attr("lang", "ru")
                    .start()
                    .text(" — ")
                    .text(native)
                    .close("span");
            }
        } else {
            m.text(t(e.predecessor));
            m.open("span")
                .attr("class", "mt-note")
                .start()
                .text(" — ")
                .text(Msg::PredecessorNote.text(l))
                .text(" ")
                .text(&org.name)
                .close("span");
        }
        m.close("dd");
    }
    if !e.people.is_empty() {
        m.leaf("dt", "", "", Msg::People.text(l));
        m.leaf("dd", "", "", &data.people(e).collect::<Vec<_>>().join(", "));
    }
    if let Some(measure) = &e.measure {
        m.leaf("dt", "", "", Msg::Count.text(l));
        m.open("dd").start();
        if measure.bound == MeasureBound::MoreThan {
            m.text(Msg::MoreThan.text(l)).text(" ");
        }
        m.text(&i18n::number(l, i64::from(measure.value)))
            .text(" ")
            .text(data.text(measure.unit))
            .close("dd");
    }
    m.close("dl");
    if !summary.is_empty() {
        m.leaf("p", "class", "mt-summary", t(summary));
    }
    m.open("figure").attr("class", "mt-source").start();
    m.leaf("blockquote", "lang", "en", t(e.source.quote));
    m.open("figcaption")
        .start()
        .text(Msg::Source.text(l))
        .text(" ");
    if e.source.url.is_empty() {
        m.open("cite").attr("lang", "en").start();
    } else {
        m.open("a")
            .attr("href", t(e.source.url))
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
            .attr("lang", "en")
            .start();
    }
    m.text("“")
        .text(t(e.source.article))
        .text("”")
        .close(if e.source.url.is_empty() { "cite" } else { "a" });
    m.open("span")
        .attr("lang", "en")
        .start()
        .text(", ")
        .text(t(e.source.section))
        .close("span");
    m.close("figcaption").close("figure");
    m.open("div").attr("class", "mt-browse").start();
    for (act, at_end, text) in [
        (
            "prev",
            prev.is_none(),
            ["← ", Msg::Previous.text(l)].concat(),
        ),
        ("next", next.is_none(), [Msg::Next.text(l), " →"].concat()),
    ] {
        m.open("button")
            .attr("type", "button")
            .attr("data-act", act)
            .attr(
                "data-testid",
                if act == "prev" {
                    "details-prev"
                } else {
                    "details-next"
                },
            )
            .attr_if(at_end, "disabled", "")
            .start()
            .text(&text)
            .close("button");
    }
    m.close("div").close("aside");
}

/// The events of the visible window as a table.
fn list(m: &mut Markup, s: &State, data: &Dataset) {
    let l = s.lang;
    let (rows, total) = events_in_window(data, &s.shown, &s.scale, s.today, MAX_LIST_ROWS);
    m.open("div").attr("class", "mt-list").key("list").start();
    m.open("table").attr("data-testid", "event-list").start();
    m.leaf("caption", "", "", &i18n::in_window(l, total, rows.len()));
    m.open("thead").start().open("tr").start();
    for h in [
        Msg::ColDate,
        Msg::ColOrganisation,
        Msg::ColKind,
        Msg::ColEvent,
    ] {
        m.leaf("th", "scope", "col", h.text(l));
    }
    m.close("tr").close("thead");
    m.open("tbody").start();
    for &i in &rows {
        let Some(e) = data.events.get(i) else {
            continue;
        };
        let Some(org) = data.organisations.get(e.org) else {
            continue;
        };
        let title = (l != Lang::En)
            .then(|| data.translation(e, l.code()))
            .flatten()
            .map_or(e.title, |t| t.title);
        let id = data.text(e.id);
        m.open("tr")
            .key(id)
            .attr("data-event-id", id)
            .attr_if(s.selected == Some(i), "class", "mt-selected")
            .start();
        m.leaf("td", "", "", &date_label(l, &e.date));
        m.leaf("td", "", "", abbreviation(org, l));
        m.leaf("td", "", "", kind_label(l, e.kind));
        m.open("td").start();
        m.open("button")
            .attr("type", "button")
            .attr("class", "mt-linklike")
            .attr("data-act", "event")
            .int("data-index", i as i64)
            .start()
            .text(data.text(title))
            .close("button");
        m.close("td").close("tr");
    }
    m.close("tbody").close("table").close("div");
}

/// Data problems that did not stop the widget, folded.
fn warnings(m: &mut Markup, data: &Dataset, l: Lang) {
    let n = data.warnings.len();
    if n == 0 {
        return;
    }
    m.open("details")
        .attr("class", "mt-warnings")
        .key("warnings")
        .attr("data-testid", "data-warnings")
        .start();
    m.leaf("summary", "", "", &i18n::warnings(l, n));
    m.open("ul").start();
    for w in data.warnings.iter().take(100) {
        m.open("li").start().text(&w.message).text(" ");
        m.leaf("code", "", "", &w.path);
        m.close("li");
    }
    if n > 100 {
        m.leaf("li", "", "", Msg::AndMore.text(l));
    }
    m.close("ul").close("details");
}

/// What went wrong loading, where, and a Retry.
pub fn error_panel(m: &mut Markup, err: &LoadError, l: Lang) {
    let (heading, detail, location) = match err {
        LoadError::Network { .. } => {
            let (message, url) = error_text(err, l);
            (message, Msg::WillAppear.text(l).to_owned(), url)
        }
        LoadError::Data(e) => (
            Msg::DataError.text(l).to_owned(),
            e.message.clone(),
            e.location(),
        ),
    };
    m.open("div")
        .attr("class", "mt-error")
        .attr("data-testid", "error-panel")
        .attr("role", "alert")
        .start();
    m.leaf("p", "class", "mt-error-heading", &heading);
    m.leaf("p", "class", "mt-error-detail", &detail);
    if !location.is_empty() {
        m.open("p")
            .attr("class", "mt-error-where")
            .start()
            .text(Msg::Where.text(l))
            .text(" ");
        m.leaf("code", "", "", &location);
        m.close("p");
    }
    button(m, "retry", "retry", Msg::Retry.text(l), "");
    m.close("div");
}
