//! Lists and notes: the events of the window as a table (the list view,
//! and what readers without JavaScript get), the data's warnings, and the
//! error panel.

use super::{abbreviation, act, error_text, MAX_LIST_ROWS};
use crate::core::data::Dataset;
use crate::core::error::DataError;
use crate::core::i18n::{self, date_label, kind_label, Lang, Msg};
use crate::core::layout::events_in_window;
use crate::state::{Action, LoadError, Shared, State};
use yew::prelude::*;

/// A table's header row: `<thead>` with a column heading each.
pub fn header_row(l: Lang, columns: &[Msg]) -> Html {
    html! {
        <thead><tr>
            { for columns.iter().map(|h| html! { <th scope="col">{ h.text(l) }</th> }) }
        </tr></thead>
    }
}

/// Properties of the list view.
#[derive(Properties, Clone, PartialEq)]
pub struct EventListProps {
    /// What to list (the shown events of the window).
    pub state: Shared<State>,
    /// Where the actions go.
    pub send: Callback<Action>,
}

/// One row of the list: date, organisation, kind, and the title as a
/// button that opens the details (with the source on paper).
fn row(s: &State, data: &Dataset, i: usize, send: &Callback<Action>) -> Option<Html> {
    let l = s.lang;
    let e = data.events.get(i)?;
    let org = data.organisations.get(e.org)?;
    let id = data.text(e.id).to_owned();
    let quote = s.printing.is_some().then(|| {
        let source = data.source(e);
        html! {
            <td class="mt-print-quote">
                <q lang="en">{ data.text(source.quote).to_owned() }</q>
                { " — " }<span lang="en">{ data.text(source.article).to_owned() }</span>
            </td>
        }
    });
    Some(html! {
        <tr key={id.clone()} data-event-id={id}
            class={(s.selected == Some(i)).then_some("mt-selected")}>
            <td>{ date_label(l, &e.date) }</td>
            <td>{ abbreviation(org, l).to_owned() }</td>
            <td>{ kind_label(l, e.kind) }</td>
            <td>
                // No `data-index`: that names a mark, whose keys (arrows,
                // Enter) the plot's handler answers; this is a plain button.
                <button type="button" class="mt-linklike"
                    onclick={act(send, Action::Show(i))}>
                    { s.event_title(data, e).to_owned() }
                </button>
            </td>
            { quote.unwrap_or_default() }
        </tr>
    })
}

/// The events of the visible window as a table.
#[function_component]
pub fn EventList(props: &EventListProps) -> Html {
    events_table(&props.state, &props.send)
}

/// The table of [`EventList`], also the prerendered page's `<noscript>`.
pub fn events_table(s: &State, send: &Callback<Action>) -> Html {
    let Some(data) = s.data() else {
        return Html::default();
    };
    let l = s.lang;
    let (rows, total) = events_in_window(data, &s.order, &s.scale, &s.place(), MAX_LIST_ROWS);
    // The source column only on paper.
    let columns = [
        Msg::ColDate,
        Msg::ColOrganisation,
        Msg::ColKind,
        Msg::ColEvent,
        Msg::ColSource,
    ];
    let shown = &columns[..if s.printing.is_some() { 5 } else { 4 }];
    html! {
        <div class="mt-list">
            <table data-testid="event-list">
                <caption>{ i18n::in_window(l, total, rows.len()) }</caption>
                { header_row(l, shown) }
                <tbody>{ for rows.iter().filter_map(|&i| row(s, data, i, send)) }</tbody>
            </table>
        </div>
    }
}

/// Data problems that did not stop the widget, folded.
pub fn warnings(data: &Dataset, l: Lang) -> Html {
    let warnings = &data.warnings;
    let n = warnings.len();
    if n == 0 {
        return Html::default();
    }
    html! {
        <details class="mt-warnings" data-testid="data-warnings">
            <summary>{ i18n::warnings(l, n) }</summary>
            <ul>
                { for warnings.iter().take(100).map(|w| html! {
                    <li>{ if l == Lang::Ru { w.message_ru.clone() } else { w.message.clone() } }
                        { " " }<code>{ w.path.clone() }</code></li>
                }) }
                if n > 100 {
                    <li>{ Msg::AndMore.text(l) }</li>
                }
            </ul>
        </details>
    }
}

/// Properties of the error panel.
#[derive(Properties, Clone, PartialEq)]
pub struct ErrorPanelProps {
    /// What went wrong.
    pub error: LoadError,
    /// The interface language.
    pub lang: Lang,
    /// Where Retry goes.
    pub send: Callback<Action>,
}

/// The problems of the data after the first, each with where it is.
fn more_problems(rest: &[DataError], l: Lang) -> Html {
    if rest.is_empty() {
        return Html::default();
    }
    html! { <>
        <p class="mt-error-detail">{ Msg::MoreProblems.text(l) }</p>
        <ul class="mt-error-more" data-testid="error-more">
            { for rest.iter().map(|e| html! { <li>{ i18n::problem_line(l, e) }</li> }) }
        </ul>
    </> }
}

/// What went wrong loading, where, and a Retry.
#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let l = props.lang;
    let err = &props.error;
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
    let rest = match err {
        LoadError::Data(errors) => errors.get(1..).unwrap_or_default(),
        LoadError::Network { .. } => &[],
    };
    html! {
        <div class="mt-error" data-testid="error-panel" role="alert">
            <p class="mt-error-heading">{ heading }</p>
            <p class="mt-error-detail">{ detail }</p>
            if !location.is_empty() {
                <p class="mt-error-where">{ Msg::Where.text(l) }{ " " }<code>{ location }</code></p>
            }
            { more_problems(rest, l) }
            <button type="button" data-testid="retry"
                onclick={act(&props.send, Action::Retry)}>{ Msg::Retry.text(l) }</button>
        </div>
    }
}
