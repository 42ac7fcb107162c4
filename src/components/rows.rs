//! The narrow layout: time runs down; each event is a row with its date,
//! glyph, organisation and label, wrapping rather than cut; a rail shows
//! the organisations' lifespans.

use super::edges::reveal_button;
use super::filters::org_swatch;
use super::glyph::kind_icon;
use super::lanes::{empty_note, visible_orgs};
use super::{abbreviation, act, flag, int, org_name, MarksProps};
use crate::core::align::Align;
use crate::core::data::Dataset;
use crate::core::date::{civil_from_days, days_from_civil};
use crate::core::i18n::{self, date_label, kind_label, tick_label, TickUnit};
use crate::core::layout::Row;
use crate::state::{Action, State};
use yew::prelude::*;

/// The rail beside a row: a bar of each visible organisation alive on `day`.
fn rail(spans: &[(&str, Option<(i32, i32)>)], day: i32) -> Html {
    let bars = spans
        .iter()
        .enumerate()
        .filter(|(_, (_, span))| span.is_some_and(|(a, b)| a <= day && day <= b))
        .map(|(k, (color, _))| html! {
            <rect y="0" width="3" height="100%" x={int(k as i64 * 6)} fill={(*color).to_owned()}></rect>
        });
    html! {
        <svg class="mt-rail" height="100%" aria-hidden="true" focusable="false"
            preserveAspectRatio="none" width={int(spans.len() as i64 * 6)}>
            { for bars }
        </svg>
    }
}

/// The key of the organisations above the rows: swatch, abbreviation and
/// years.
fn org_key(s: &State, data: &Dataset, orgs: &[usize]) -> Html {
    let items = orgs.iter().filter_map(|&o| data.organisations.get(o)).map(|org| {
        let years = org.lifespan(s.today).map(|(a, b)| {
            let mut text = [" ", &int(i64::from(civil_from_days(a).0)), "–"].concat();
            if org.dissolved.is_some() {
                text.push_str(&int(i64::from(civil_from_days(b).0)));
            }
            text
        });
        html! {
            <li data-testid="lane" data-org={org.id.clone()} key={org.id.clone()}>
                { org_swatch(&org.color) }{ " " }{ abbreviation(org, s.lang).to_owned() }{ years.unwrap_or_default() }
            </li>
        }
    });
    html! { <ul class="mt-orgkey">{ for items }</ul> }
}

/// An event's row: a button with its label, kind, date and organisation
/// (its click reaches the plot's delegated listener, as a mark's does).
fn event_row(
    s: &State,
    data: &Dataset,
    i: usize,
    spans: &[(&str, Option<(i32, i32)>)],
) -> Option<Html> {
    let l = s.lang;
    let e = data.events.get(i)?;
    let org = data.organisations.get(e.org)?;
    let id = data.text(e.id).to_owned();
    let selected = s.selected == Some(i);
    let focusable = s.focused == Some(i) || (s.focused.is_none() && s.shown.first() == Some(&i));
    let class = classes!(
        "mt-vevent",
        selected.then_some("mt-selected"),
        e.date.is_uncertain().then_some("mt-uncertain"),
        (!e.predecessor.is_empty()).then_some("mt-predecessor"),
    );
    // The row's name is its text (what a speech-input user sees), with the
    // kind, organisation and full title in words only a screen reader reads.
    let label = s.label(data, e);
    let title = s.event_title(data, e);
    let who = if e.predecessor.is_empty() {
        org_name(org, l)
    } else {
        data.organisation_name_in(e, l.code())
    };
    let mut said = [" — ", who].concat();
    if let Some(age) = s.age_of(data, e) {
        said.push_str(" — ");
        said.push_str(&age);
    }
    if title != label {
        said.push_str(" — ");
        said.push_str(title);
    }
    Some(html! {
        <li class="mt-row" key={row_key(data, &Row::Event(i))}>
            { rail(spans, s.place().event(e).map_or(0, |(a, _)| a)) }
            <button type="button" {class} data-testid="event" data-event-id={id}
                data-org={org.id.clone()} data-kind={e.kind.as_str()} data-index={int(i as i64)}
                tabindex={if focusable { "0" } else { "-1" }} aria-pressed={flag(selected)}>
                <span class="mt-vlabel">{ label.to_owned() }</span>
                <span class="mt-sr">{ " — " }{ kind_label(l, e.kind) }</span>
                <span class="mt-vmeta">
                    { kind_icon(e.kind, Some(&org.color)) }
                    { [" ", &date_label(l, &e.date), " · ", abbreviation(org, l)].concat() }
                </span>
                <span class="mt-sr">{ said }</span>
            </button>
        </li>
    })
}

/// A year's events counted, when there are too many rows to list: a click
/// shows that year.
fn cluster_row(
    s: &State,
    data: &Dataset,
    year: i32,
    count: usize,
    spans: &[(&str, Option<(i32, i32)>)],
    send: &Callback<Action>,
) -> Html {
    let (first, last) = s.place().year_days(year);
    let show = super::show_days(first, last);
    html! {
        <li class="mt-row" key={row_key(data, &Row::Cluster { year, count })}>
            { rail(spans, ((first + last) / 2.0) as i32) }
            <button type="button" class="mt-vcluster" data-testid="cluster"
                data-count={int(count as i64)} onclick={act(send, show)}>
                { i18n::year_cluster(s.lang, &year_name(s, year), count) }
            </button>
        </li>
    }
}

/// A year heading: "2020", or when aligned by founding "year 3".
fn year_name(s: &State, year: i32) -> String {
    match s.align {
        Align::Calendar => int(i64::from(year)).to_string(),
        Align::Founding => i18n::age_tick(s.lang, i18n::AgeTick::Year(year)),
    }
}

/// The key of a row among its siblings: an event's id, or `Y` and a year
/// for a heading, `C` and a year for a year's count. Ids are lowercase
/// (the validator's rule), so no id equals a heading's key.
pub fn row_key(data: &Dataset, row: &Row) -> String {
    match *row {
        Row::Year(y) => ["Y", &int(i64::from(y))].concat(),
        Row::Decade(d) => ["D", &int(i64::from(d))].concat(),
        Row::Event(i) => data
            .events
            .get(i)
            .map_or_else(String::new, |e| data.text(e.id).to_owned()),
        Row::Cluster { year, .. } => ["C", &int(i64::from(year))].concat(),
    }
}

/// The rows, time running down.
#[function_component]
pub fn Rows(props: &MarksProps) -> Html {
    let s = &*props.state;
    let Some(data) = s.data() else {
        return Html::default();
    };
    let send = &props.send;
    let orgs = visible_orgs(s, data);
    // Lifespans as placed on the axis (by date, or by age).
    let place = s.place();
    let spans: Vec<(&str, Option<(i32, i32)>)> = orgs
        .iter()
        .filter_map(|&o| Some((data.organisations.get(o)?, place.offset(o))))
        .map(|(org, off)| {
            let span = org.lifespan(s.today).zip(off);
            (
                org.color.as_str(),
                span.map(|((a, b), off)| (a - off, b - off)),
            )
        })
        .collect();
    let rows = s.drawn.rows.iter().filter_map(|row| match *row {
        Row::Year(y) => Some(html! {
            <li class="mt-year" key={row_key(data, row)}>
                { rail(&spans, { let (a, b) = place.year_days(y); ((a + b) / 2.0) as i32 }) }
                <span data-testid="tick-major">{ year_name(s, y) }</span>
            </li>
        }),
        Row::Decade(d) => Some(html! {
            <li class="mt-year" key={row_key(data, row)}>
                { rail(&spans, days_from_civil(d + 5, 1, 1)) }
                <span data-testid="tick-major">{ tick_label(s.lang, TickUnit::Decade, days_from_civil(d, 1, 1)) }</span>
            </li>
        }),
        Row::Event(i) => event_row(s, data, i, &spans),
        Row::Cluster { year, count } => Some(cluster_row(s, data, year, count, &spans, send)),
    });
    html! { <>
        { empty_note(s, send) }
        { org_key(s, data, &orgs) }
        { reveal_button(s, data, true, send).unwrap_or_default() }
        <ol class="mt-rows">{ for rows }</ol>
        { reveal_button(s, data, false, send).unwrap_or_default() }
    </> }
}
