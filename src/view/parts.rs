//! The widget's panels around the plot: header and toolbar, filters, legend,
//! details, list, warnings and errors. Plain functions of the state: their
//! buttons say what they do in `data-act`, handled on the root.

use super::glyph::kind_icon;
use super::{error_text, plot::org_swatch};
use crate::core::data::{Dataset, EventKind, MeasureBound};
use crate::core::i18n::{self, date_label, kind_label, Lang, Msg};
use crate::core::layout::events_in_window;
use crate::state::{LoadError, State, Theme};
use yew::prelude::*;

/// Most rows the list view shows; zooming in shows the rest.
pub const MAX_LIST_ROWS: usize = 500;

fn button(
    act: &'static str,
    testid: &'static str,
    text: &str,
    title: Option<&'static str>,
) -> Html {
    html! {
        <button type="button" data-act={act} data-testid={testid} title={title}>{ text.to_owned() }</button>
    }
}

/// The heading and the toolbar.
pub fn header(s: &State) -> Html {
    let l = s.lang;
    let theme = match s.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    html! {
        <header class="mt-header">
            <h2 class="mt-title">{ s.title() }</h2>
            <div class="mt-toolbar" role="toolbar" aria-label={Msg::Controls.text(l)}>
                <button type="button" data-act="zoom-in" data-testid="zoom-in" aria-label={Msg::ZoomIn.text(l)} title={Msg::ZoomIn.text(l)}>{ "+" }</button>
                <button type="button" data-act="zoom-out" data-testid="zoom-out" aria-label={Msg::ZoomOut.text(l)} title={Msg::ZoomOut.text(l)}>{ "−" }</button>
                { button("fit", "zoom-fit", Msg::Fit.text(l), Some(Msg::FitTitle.text(l))) }
                <button type="button" data-act="list" data-testid="list-toggle" aria-pressed={s.list_open.to_string()}
                        title={Msg::ListTitle.text(l)}>{ Msg::List.text(l) }</button>
                <button type="button" data-act="theme" data-testid="theme-toggle" title={Msg::ThemeTitle.text(l)}>
                    { format!("{}: {}", Msg::Theme.text(l), i18n::theme(l, theme)) }
                </button>
                <span class="mt-langs" role="group" aria-label={Msg::Language.text(l)}>
                    { for Lang::ALL.iter().map(|&lang| html! {
                        <button type="button" data-act="lang" data-testid="lang-toggle" data-lang={lang.code()}
                                lang={lang.code()} aria-pressed={(lang == l).to_string()}>
                            { lang.code().to_ascii_uppercase() }
                        </button>
                    }) }
                </span>
            </div>
        </header>
    }
}

/// Organisation toggles with counts, search, reset and copy-link.
pub fn filters(s: &State, data: &Dataset, copy_link: bool) -> Html {
    let l = s.lang;
    let (shown, total) = (&s.tallies.shown, &s.tallies.total);
    html! {
        <div class="mt-filters" role="group" aria-label={Msg::Filters.text(l)}>
            { for data.organisations.iter().enumerate().map(|(i, org)| {
                let n = shown.by_org.get(i).copied().unwrap_or(0);
                let all = total.by_org.get(i).copied().unwrap_or(0);
                let name = match (l, &org.native_name) {
                    (Lang::Ru, Some(native)) => native.as_str(),
                    _ => org.name.as_str(),
                };
                html! {
                    <button type="button" class="mt-org-toggle" key={org.id.clone()} data-act="org"
                            data-testid="org-toggle" data-org={org.id.clone()}
                            aria-pressed={s.filter.shows_org(&org.id).to_string()}
                            title={format!("{} {name}", Msg::ShowOrHide.text(l))}>
                        { org_swatch(&org.color) }
                        { format!(" {} ", abbreviation(org, l)) }
                        <span class="mt-count" aria-label={i18n::shown_of(l, n, all)}>{ format!("{n}/{all}") }</span>
                    </button>
                }
            }) }
            <input type="search" class="mt-search" data-act="search" data-testid="search" value={s.filter.text.clone()}
                   placeholder={Msg::SearchPlaceholder.text(l)} aria-label={Msg::Search.text(l)} />
            <button type="button" data-act="reset" data-testid="reset-filters" disabled={s.filter.is_empty()}>
                { Msg::Reset.text(l) }
            </button>
            if copy_link {
                { button("copy", "copy-link", Msg::CopyLink.text(l), None) }
                <span class="mt-copy-status" role="status">
                    { match &s.copy {
                        Some(Ok(())) => Msg::LinkCopied.text(l).to_owned(),
                        Some(Err(href)) => format!("{} {href}", Msg::CopyThisLink.text(l)),
                        None => String::new(),
                    } }
                </span>
            }
        </div>
    }
}

/// An organisation's short name in the language.
pub fn abbreviation(org: &crate::core::data::Organisation, l: Lang) -> &str {
    match (l, &org.native_abbreviation) {
        (Lang::Ru, Some(a)) => a.as_str(),
        _ => org.abbreviation.as_str(),
    }
}

/// The kinds present in the data (each a filter toggle, counted only while
/// a filter hides some) and what the date marks mean.
pub fn legend(s: &State, data: &Dataset) -> Html {
    let l = s.lang;
    let (shown, total) = (&s.tallies.shown, &s.tallies.total);
    let filtered = !s.filter.is_empty();
    let _ = data;
    html! {
        <details class="mt-legend" open={s.scale.width_px == 0.0 || s.scale.width_px > 640.0}>
            <summary>{ Msg::Legend.text(l) }</summary>
            <ul class="mt-legend-kinds" aria-label={Msg::LegendHelp.text(l)}>
                { for EventKind::ALL.iter().filter(|k| total.by_kind.get(k.index()).is_some_and(|n| *n > 0)).map(|&k| {
                    let n = shown.by_kind.get(k.index()).copied().unwrap_or(0);
                    let all = total.by_kind.get(k.index()).copied().unwrap_or(0);
                    html! {
                        <li key={k.as_str()}>
                            <button type="button" class="mt-kind-toggle" data-act="kind" data-testid="kind-toggle"
                                    data-kind={k.as_str()} aria-pressed={s.filter.shows_kind(k).to_string()}>
                                { kind_icon(k) }{ format!(" {}", kind_label(l, k)) }
                                if filtered {
                                    <span class="mt-count">{ format!(" {n}/{all}") }</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <p class="mt-legend-dates">
                <span class="mt-key mt-key-span"></span>{ Msg::KeyShaded.text(l) }
                <span class="mt-key mt-key-dashed"></span>{ Msg::KeyDashed.text(l) }
                <span class="mt-key mt-key-tail"></span>{ Msg::KeyTail.text(l) }
            </p>
        </details>
    }
}

/// The selected event: title, date, kind, organisation, people, summary,
/// the verbatim quote, and Previous / Next through the shown events.
pub fn details(s: &State, data: &Dataset, event: usize) -> Html {
    let Some(e) = data.events.get(event) else {
        return html! {};
    };
    let l = s.lang;
    let t = |x| data.text(x).to_owned();
    let tr = (l != Lang::En)
        .then(|| data.translation(e, l.code()))
        .flatten();
    let title = tr.map_or(e.title, |tr| tr.title);
    let summary = tr
        .filter(|tr| !tr.summary.is_empty())
        .map_or(e.summary, |tr| tr.summary);
    let org = data.organisations.get(e.org);
    let heading_id = format!("mt-details-{}", data.text(e.id));
    let (prev, next) = (s.neighbour(event, -1), s.neighbour(event, 1));
    html! {
        <aside class="mt-details" data-testid="event-details" data-event-id={t(e.id)} aria-labelledby={heading_id.clone()}>
            <div class="mt-details-head">
                <h3 id={heading_id}>{ t(title) }</h3>
                <button type="button" class="mt-close" data-act="close" aria-label={Msg::Close.text(l)}>{ "×" }</button>
            </div>
            if tr.is_some() {
                <p class="mt-note">{ format!("({})", Msg::Translated.text(l)) }</p>
            }
            <dl class="mt-facts">
                <dt>{ Msg::Date.text(l) }</dt>
                <dd>
                    { date_label(l, &e.date) }
                    if e.date.is_uncertain() {
                        <span class="mt-note">{ format!(" {}", Msg::Uncertain.text(l)) }</span>
                    } else if e.date.is_approximate() {
                        <span class="mt-note">{ format!(" {}", Msg::Approximate.text(l)) }</span>
                    }
                </dd>
                <dt>{ Msg::Kind.text(l) }</dt>
                <dd>{ kind_icon(e.kind) }{ format!(" {}", kind_label(l, e.kind)) }</dd>
                if let Some(org) = org {
                    <dt>{ Msg::Organisation.text(l) }</dt>
                    if e.predecessor.is_empty() {
                        <dd>
                            { format!("{} ({})", org.name, abbreviation(org, l)) }
                            if let Some(native) = &org.native_name {
                                <span class="mt-native" lang="ru">{ format!(" — {native}") }</span>
                            }
                        </dd>
                    } else {
                        <dd>
                            { t(e.predecessor) }
                            <span class="mt-note">{ format!(" — {} {}", Msg::PredecessorNote.text(l), org.name) }</span>
                        </dd>
                    }
                }
                if !e.people.is_empty() {
                    <dt>{ Msg::People.text(l) }</dt>
                    <dd>{ data.people(e).collect::<Vec<_>>().join(", ") }</dd>
                }
                if let Some(m) = &e.measure {
                    <dt>{ Msg::Count.text(l) }</dt>
                    <dd>{ format!("{}{} {}", if m.bound == MeasureBound::MoreThan { format!("{} ", Msg::MoreThan.text(l)) } else { String::new() }, i18n::number(l, i64::from(m.value)), data.text(m.unit)) }</dd>
                }
            </dl>
            if !summary.is_empty() {
                <p class="mt-summary">{ t(summary) }</p>
            }
            <figure class="mt-source">
                <blockquote lang="en">{ t(e.source.quote) }</blockquote>
                <figcaption>
                    { format!("{} ", Msg::Source.text(l)) }
                    if e.source.url.is_empty() {
                        <cite lang="en">{ format!("“{}”", data.text(e.source.article)) }</cite>
                    } else {
                        <a href={t(e.source.url)} target="_blank" rel="noopener noreferrer" lang="en">{ format!("“{}”", data.text(e.source.article)) }</a>
                    }
                    <span lang="en">{ format!(", {}", data.text(e.source.section)) }</span>
                </figcaption>
            </figure>
            <div class="mt-browse">
                <button type="button" data-act="prev" data-testid="details-prev" disabled={prev.is_none()}>{ format!("← {}", Msg::Previous.text(l)) }</button>
                <button type="button" data-act="next" data-testid="details-next" disabled={next.is_none()}>{ format!("{} →", Msg::Next.text(l)) }</button>
            </div>
        </aside>
    }
}

/// The events of the visible window as a table.
pub fn list(s: &State, data: &Dataset) -> Html {
    let l = s.lang;
    let (rows, total) = events_in_window(data, &s.shown, &s.scale, s.today, MAX_LIST_ROWS);
    html! {
        <div class="mt-list">
            <table data-testid="event-list">
                <caption>{ i18n::in_window(l, total, rows.len()) }</caption>
                <thead><tr>
                    <th scope="col">{ Msg::ColDate.text(l) }</th>
                    <th scope="col">{ Msg::ColOrganisation.text(l) }</th>
                    <th scope="col">{ Msg::ColKind.text(l) }</th>
                    <th scope="col">{ Msg::ColEvent.text(l) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().filter_map(|&i| {
                        let e = data.events.get(i)?;
                        let org = data.organisations.get(e.org)?;
                        let title = (l != Lang::En).then(|| data.translation(e, l.code())).flatten().map_or(e.title, |t| t.title);
                        Some(html! {
                            <tr key={data.text(e.id).to_owned()} data-event-id={data.text(e.id).to_owned()}
                                class={(s.selected == Some(i)).then_some("mt-selected")}>
                                <td>{ date_label(l, &e.date) }</td>
                                <td>{ abbreviation(org, l).to_owned() }</td>
                                <td>{ kind_label(l, e.kind) }</td>
                                <td><button type="button" class="mt-linklike" data-act="event" data-index={i.to_string()}>{ data.text(title).to_owned() }</button></td>
                            </tr>
                        })
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// Data problems that did not stop the widget, folded.
pub fn warnings(data: &Dataset, l: Lang) -> Html {
    let n = data.warnings.len();
    if n == 0 {
        return html! {};
    }
    html! {
        <details class="mt-warnings" data-testid="data-warnings">
            <summary>{ i18n::warnings(l, n) }</summary>
            <ul>
                { for data.warnings.iter().take(100).map(|w| html! {
                    <li>{ w.message.clone() }{ " " }<code>{ w.path.clone() }</code></li>
                }) }
                if n > 100 {
                    <li>{ Msg::AndMore.text(l) }</li>
                }
            </ul>
        </details>
    }
}

/// What went wrong loading, where, and a Retry.
pub fn error_panel(err: &LoadError, l: Lang) -> Html {
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
    html! {
        <div class="mt-error" data-testid="error-panel" role="alert">
            <p class="mt-error-heading">{ heading }</p>
            <p class="mt-error-detail">{ detail }</p>
            if !location.is_empty() {
                <p class="mt-error-where">{ format!("{} ", Msg::Where.text(l)) }<code>{ location }</code></p>
            }
            { button("retry", "retry", Msg::Retry.text(l), None) }
        </div>
    }
}
