//! What the widget draws, written as markup text ([`crate::core::markup`]):
//! pure functions of the state, compiled for the browser and natively, so
//! the prerendered page and the tests use the very functions the widget
//! renders with. The Yew view (`view`) turns the text into its virtual DOM
//! and handles input; buttons say what they do in `data-act`.
//!
//! Fixed parts are written as they are, with their fixed attributes in
//! single quotes ([`Markup::raw`]); everything from the data or the
//! catalogue goes through the escaping calls.

pub mod chart;
pub mod export;
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
        LoadError::Data(errors) => errors
            .first()
            .map_or_else(Default::default, |e| (e.message.clone(), e.location())),
    }
}

/// The whole widget: its root section and everything in it. `copy_link`
/// adds the Copy link button (the full page, whose URL holds the view).
pub fn widget(m: &mut Markup, s: &State, copy_link: bool) {
    let l = s.lang;
    let vertical = s.drawn.layout == Layout::Vertical;
    m.raw("<section")
        .class(
            "mt-root",
            &[
                (s.theme == Theme::Light, "mt-theme-light"),
                (s.theme == Theme::Dark, "mt-theme-dark"),
                (vertical, "mt-vertical"),
            ],
        )
        .raw(" data-testid='timeline-root'")
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
    m.raw("<div class='mt-plot'")
        .key("plot")
        .raw(" data-zone='plot' data-act='plot' tabindex='0' role='group'")
        .attr("aria-label", Msg::PlotHelp.text(l))
        .start();
    match &s.load {
        Load::Loading => {
            m.raw("<p class='mt-status' role='status'>")
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
            events_table(m, s, data);
        }
    }
    m.close("section");
}

/// A button's end: its text and `</button>`.
pub fn label(m: &mut Markup, text: &str) {
    m.start().text(text).close("button");
}

/// The heading and the toolbar.
fn header(m: &mut Markup, s: &State) {
    let l = s.lang;
    m.raw("<header class='mt-header'").key("header").start();
    m.raw("<h2 class='mt-title'>").text(&s.title()).close("h2");
    m.raw("<div class='mt-toolbar' role='toolbar'")
        .attr("aria-label", Msg::Controls.text(l))
        .start();
    let zoom_in = Msg::ZoomIn.text(l);
    m.raw("<button type='button' data-act='zoom-in' data-testid='zoom-in'")
        .attr("aria-label", zoom_in)
        .attr("title", zoom_in);
    label(m, "+");
    let zoom_out = Msg::ZoomOut.text(l);
    m.raw("<button type='button' data-act='zoom-out' data-testid='zoom-out'")
        .attr("aria-label", zoom_out)
        .attr("title", zoom_out);
    label(m, "−");
    m.raw("<button type='button' data-act='fit' data-testid='zoom-fit'")
        .attr("title", Msg::FitTitle.text(l));
    label(m, Msg::Fit.text(l));
    m.raw("<button type='button' data-act='list' data-testid='list-toggle'")
        .flag("aria-pressed", s.list_open)
        .attr("title", Msg::ListTitle.text(l));
    label(m, Msg::List.text(l));
    m.raw("<span class='mt-export'><button type='button' data-act='export-menu' data-testid='export-menu' aria-haspopup='true'")
        .flag("aria-expanded", s.export_open);
    label(m, Msg::Export.text(l));
    if s.export_open {
        m.raw("<span class='mt-export-menu' role='group'")
            .attr("aria-label", Msg::Export.text(l))
            .start();
        for (format, name) in [
            ("svg", "SVG"),
            ("png", "PNG"),
            ("csv", "CSV"),
            ("json", "JSON"),
        ] {
            m.raw("<button type='button' data-act='export'")
                .attr("data-format", format)
                .attr("data-testid", &["export-", format].concat());
            label(m, name);
        }
        m.raw("</span>");
    }
    m.raw("</span>");
    m.raw("<button type='button' data-act='theme' data-testid='theme-toggle'")
        .attr("title", Msg::ThemeTitle.text(l));
    label(
        m,
        &[Msg::Theme.text(l), ": ", i18n::theme(l, s.theme.as_str())].concat(),
    );
    m.raw("<span class='mt-langs' role='group'")
        .attr("aria-label", Msg::Language.text(l))
        .start();
    for lang in Lang::ALL {
        m.raw("<button type='button' data-act='lang' data-testid='lang-toggle'")
            .attr("data-lang", lang.code())
            .attr("lang", lang.code())
            .flag("aria-pressed", lang == l);
        label(m, &lang.code().to_ascii_uppercase());
    }
    m.raw("</span></div></header>");
}

/// Organisation toggles with counts, search, reset and copy-link.
fn filters(m: &mut Markup, s: &State, data: &Dataset, copy_link: bool) {
    let l = s.lang;
    let (shown, total) = (&s.tallies.shown, &s.tallies.total);
    m.raw("<div class='mt-filters'")
        .key("filters")
        .raw(" role='group'")
        .attr("aria-label", Msg::Filters.text(l))
        .start();
    for (i, org) in data.organisations.iter().enumerate() {
        let n = shown.by_org.get(i).copied().unwrap_or(0);
        let all = total.by_org.get(i).copied().unwrap_or(0);
        m.raw(
            "<button type='button' class='mt-org-toggle' data-act='org' data-testid='org-toggle'",
        )
        .attr("data-org", &org.id)
        .flag("aria-pressed", s.filter.shows_org(&org.id))
        .attr(
            "title",
            &[Msg::ShowOrHide.text(l), " ", org_name(org, l)].concat(),
        )
        .start();
        org_swatch(m, &org.color);
        m.text(" ").text(abbreviation(org, l)).text(" ");
        m.raw("<span class='mt-count'")
            .attr("aria-label", &i18n::shown_of(l, n, all))
            .start()
            .text_int(n as i64)
            .text("/")
            .text_int(all as i64)
            .raw("</span></button>");
    }
    // The search box: the view keeps its value as the reader types.
    m.raw("<input type='search' class='mt-search' data-act='search' data-testid='search'")
        .attr("value", &s.filter.text)
        .attr("placeholder", Msg::SearchPlaceholder.text(l))
        .attr("aria-label", Msg::Search.text(l))
        .end("input");
    m.raw("<button type='button' data-act='reset' data-testid='reset-filters'")
        .attr_if(s.filter.is_empty(), "disabled", "");
    label(m, Msg::Reset.text(l));
    if copy_link {
        m.raw("<button type='button' data-act='copy' data-testid='copy-link'");
        label(m, Msg::CopyLink.text(l));
        m.raw("<span class='mt-copy-status' role='status'>");
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
    m.raw("<details class='mt-legend'")
        .key("legend")
        .attr_if(
            s.scale.width_px == 0.0 || s.scale.width_px > 640.0,
            "open",
            "",
        )
        .raw("><summary>")
        .text(Msg::Legend.text(l))
        .raw("</summary><ul class='mt-legend-kinds'")
        .attr("aria-label", Msg::LegendHelp.text(l))
        .start();
    for k in EventKind::ALL {
        let all = total.by_kind.get(k.index()).copied().unwrap_or(0);
        if all == 0 {
            continue;
        }
        let n = shown.by_kind.get(k.index()).copied().unwrap_or(0);
        m.raw("<li")
            .key(k.as_str())
            .raw("><button type='button' class='mt-kind-toggle' data-act='kind' data-testid='kind-toggle'")
            .attr("data-kind", k.as_str())
            .flag("aria-pressed", s.filter.shows_kind(k))
            .start();
        kind_icon(m, k, "");
        m.text(" ").text(kind_label(l, k));
        if filtered {
            m.raw("<span class='mt-count'> ")
                .text_int(n as i64)
                .text("/")
                .text_int(all as i64)
                .close("span");
        }
        m.raw("</button></li>");
    }
    m.raw("</ul><p class='mt-legend-dates'><span class='mt-key mt-key-span'></span>")
        .text(Msg::KeyShaded.text(l))
        .raw("<span class='mt-key mt-key-dashed'></span>")
        .text(Msg::KeyDashed.text(l))
        .raw("<span class='mt-key mt-key-tail'></span>")
        .text(Msg::KeyTail.text(l))
        .raw("</p></details>");
}

/// `<dt>term</dt><dd>` (the description follows, then `</dd>`).
fn term(m: &mut Markup, l: Lang, term: Msg) {
    m.raw("<dt>").text(term.text(l)).raw("</dt><dd>");
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
    m.raw("<aside class='mt-details'")
        .key("details")
        .raw(" data-testid='event-details'")
        .attr("data-event-id", t(e.id))
        .attr("aria-labelledby", &heading_id)
        .raw("><div class='mt-details-head'><h3")
        .attr("id", &heading_id)
        .start()
        .text(t(title))
        .raw("</h3><button type='button' class='mt-close' data-act='close'")
        .attr("aria-label", Msg::Close.text(l));
    label(m, "×");
    m.close("div");
    if tr.is_some() {
        m.raw("<p class='mt-note'>(")
            .text(Msg::Translated.text(l))
            .raw(")</p>");
    }
    m.raw("<dl class='mt-facts'>");
    term(m, l, Msg::Date);
    m.text(&date_label(l, &e.date));
    let note = if e.date.is_uncertain() {
        Some(Msg::Uncertain)
    } else if e.date.is_approximate() {
        Some(Msg::Approximate)
    } else {
        None
    };
    if let Some(note) = note {
        m.raw("<span class='mt-note'> ")
            .text(note.text(l))
            .close("span");
    }
    m.close("dd");
    term(m, l, Msg::Kind);
    kind_icon(m, e.kind, "");
    m.text(" ").text(kind_label(l, e.kind)).close("dd");
    if let Some(org) = data.organisations.get(e.org) {
        term(m, l, Msg::Organisation);
        if e.predecessor.is_empty() {
            m.text(plot::org_name(org, l))
                .text(" (")
                .text(abbreviation(org, l))
                .text(")");
            // In English, the name as the organisation writes it too.
            if let (Lang::En, Some(native)) = (l, &org.native_name) {
                m.raw("<span class='mt-native' lang='ru'> — ")
                    .text(native)
                    .close("span");
            }
        } else {
            m.text(data.organisation_name_in(e, l.code()))
                .raw("<span class='mt-note'> — ")
                .text(Msg::PredecessorNote.text(l))
                .text(" ")
                .text(plot::org_name(org, l))
                .close("span");
        }
        m.close("dd");
    }
    if !e.people.is_empty() {
        term(m, l, Msg::People);
        m.text(&data.people_in(e, l.code()).collect::<Vec<_>>().join(", "))
            .close("dd");
    }
    if let Some(measure) = data.measure(e) {
        term(m, l, Msg::Count);
        if measure.bound == MeasureBound::MoreThan {
            m.text(Msg::MoreThan.text(l)).text(" ");
        }
        m.text(&i18n::number(l, i64::from(measure.value)))
            .text(" ")
            .text(data.unit_in(e, l.code()))
            .close("dd");
    }
    m.close("dl");
    if !summary.is_empty() {
        m.raw("<p class='mt-summary'>").text(t(summary)).close("p");
    }
    let source = data.source(e);
    m.raw("<figure class='mt-source'><blockquote lang='en'>")
        .text(t(source.quote))
        .raw("</blockquote><figcaption>")
        .text(Msg::Source.text(l))
        .text(" ");
    let link = !source.url.is_empty();
    if link {
        m.raw("<a")
            .attr("href", t(source.url))
            .raw(" target='_blank' rel='noopener noreferrer' lang='en'>");
    } else {
        m.raw("<cite lang='en'>");
    }
    m.text("“")
        .text(t(source.article))
        .text("”")
        .raw(if link { "</a>" } else { "</cite>" })
        .raw("<span lang='en'>, ")
        .text(t(source.section))
        .raw("</span></figcaption></figure><div class='mt-browse'>");
    m.raw("<button type='button' data-act='prev' data-testid='details-prev'")
        .attr_if(prev.is_none(), "disabled", "");
    label(m, &["← ", Msg::Previous.text(l)].concat());
    m.raw("<button type='button' data-act='next' data-testid='details-next'")
        .attr_if(next.is_none(), "disabled", "");
    label(m, &[Msg::Next.text(l), " →"].concat());
    m.raw("</div></aside>");
}

/// A table's header row: `<thead>` with a column heading each.
pub fn header_row(m: &mut Markup, l: Lang, columns: &[Msg]) {
    m.raw("<thead><tr>");
    for h in columns {
        m.raw("<th scope='col'>").text(h.text(l)).close("th");
    }
    m.raw("</tr></thead>");
}

/// The events of the visible window as a table (the list view, and what
/// the page shows readers without JavaScript).
pub fn events_table(m: &mut Markup, s: &State, data: &Dataset) {
    let l = s.lang;
    let (rows, total) = events_in_window(data, &s.shown, &s.scale, s.today, MAX_LIST_ROWS);
    m.raw("<div class='mt-list'")
        .key("list")
        .raw("><table data-testid='event-list'><caption>")
        .text(&i18n::in_window(l, total, rows.len()))
        .raw("</caption>");
    let printing = s.printing.is_some();
    // The source column only on paper.
    let columns = [
        Msg::ColDate,
        Msg::ColOrganisation,
        Msg::ColKind,
        Msg::ColEvent,
        Msg::ColSource,
    ];
    header_row(m, l, &columns[..if printing { 5 } else { 4 }]);
    m.raw("<tbody>");
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
        m.raw("<tr")
            .key(id)
            .attr("data-event-id", id)
            .attr_if(s.selected == Some(i), "class", "mt-selected")
            .raw("><td>")
            .text(&date_label(l, &e.date))
            .raw("</td><td>")
            .text(abbreviation(org, l))
            .raw("</td><td>")
            .text(kind_label(l, e.kind))
            .raw("</td><td><button type='button' class='mt-linklike' data-act='event'")
            .int("data-index", i as i64);
        label(m, data.text(title));
        m.raw("</td>");
        if printing {
            let source = data.source(e);
            m.raw("<td class='mt-print-quote'><q lang='en'>")
                .text(data.text(source.quote))
                .raw("</q> — ")
                .text(data.text(source.article))
                .raw("</td>");
        }
        m.raw("</tr>");
    }
    m.raw("</tbody></table></div>");
}

/// Data problems that did not stop the widget, folded.
fn warnings(m: &mut Markup, data: &Dataset, l: Lang) {
    let n = data.warnings.len();
    if n == 0 {
        return;
    }
    m.raw("<details class='mt-warnings'")
        .key("warnings")
        .raw(" data-testid='data-warnings'><summary>")
        .text(&i18n::warnings(l, n))
        .raw("</summary><ul>");
    for w in data.warnings.iter().take(100) {
        m.raw("<li>")
            .text(&w.message)
            .raw(" <code>")
            .text(&w.path)
            .raw("</code></li>");
    }
    if n > 100 {
        m.raw("<li>").text(Msg::AndMore.text(l)).close("li");
    }
    m.raw("</ul></details>");
}

/// The problems of the data after the first, each with where it is.
fn more_problems(m: &mut Markup, rest: &[crate::core::error::DataError], l: Lang) {
    if rest.is_empty() {
        return;
    }
    m.raw("<p class='mt-error-detail'>")
        .text(Msg::MoreProblems.text(l))
        .raw("</p><ul class='mt-error-more' data-testid='error-more'>");
    for e in rest {
        m.raw("<li>").text(&e.to_string()).close("li");
    }
    m.raw("</ul>");
}

/// What went wrong loading, where, and a Retry.
pub fn error_panel(m: &mut Markup, err: &LoadError, l: Lang) {
    let (heading, detail, location) = match err {
        LoadError::Network { .. } => {
            let (message, url) = error_text(err, l);
            (message, Msg::WillAppear.text(l).to_owned(), url)
        }
        LoadError::Data(_) => {
            let (message, location) = error_text(err, l);
            (Msg::DataError.text(l).to_owned(), message, location)
        }
    };
    m.raw(
        "<div class='mt-error' data-testid='error-panel' role='alert'><p class='mt-error-heading'>",
    )
    .text(&heading)
    .raw("</p><p class='mt-error-detail'>")
    .text(&detail)
    .close("p");
    if !location.is_empty() {
        m.raw("<p class='mt-error-where'>")
            .text(Msg::Where.text(l))
            .raw(" <code>")
            .text(&location)
            .raw("</code></p>");
    }
    if let LoadError::Data(errors) = err {
        more_problems(m, errors.get(1..).unwrap_or_default(), l);
    }
    m.raw("<button type='button' data-act='retry' data-testid='retry'");
    label(m, Msg::Retry.text(l));
    m.close("div");
}
