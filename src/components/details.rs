//! The selected event: title, date, kind, organisation, people, summary,
//! the verbatim quote, and Previous / Next through the shown events.

use super::glyph::kind_icon;
use super::{abbreviation, act, flag, org_name};
use crate::core::data::{Dataset, Event, MeasureBound};
use crate::core::i18n::{self, date_label, kind_label, Lang, Msg};
use crate::state::{Action, Shared};
use yew::prelude::*;

/// Properties of the details panel (nothing that moves with the window).
#[derive(Properties, Clone, PartialEq)]
pub struct EventDetailsProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The selected event (an index into the events).
    pub event: usize,
    /// The interface language.
    pub lang: Lang,
    /// The shown event before it, if any.
    pub prev: Option<usize>,
    /// The shown event after it, if any.
    pub next: Option<usize>,
    /// Where the actions go.
    pub send: Callback<Action>,
    /// Its age since its organisation's founding, when the lanes are
    /// aligned by founding.
    #[prop_or_default]
    pub age: Option<AttrValue>,
}

/// A term and its description in the facts list.
fn fact(l: Lang, term: Msg, description: Html) -> Html {
    html! { <><dt>{ term.text(l) }</dt><dd>{ description }</dd></> }
}

/// The organisation, or the predecessor with the organisation it led to.
fn organisation(data: &Dataset, e: &Event, l: Lang) -> Html {
    let Some(org) = data.organisations.get(e.org) else {
        return Html::default();
    };
    let body = if e.predecessor.is_empty() {
        html! { <>
            { [org_name(org, l), " (", abbreviation(org, l), ")"].concat() }
            // In English, the name as the organisation writes it too.
            if let (Lang::En, Some(native)) = (l, &org.native_name) {
                <span class="mt-native" lang="ru">{ " — " }{ native.clone() }</span>
            }
        </> }
    } else {
        html! { <>
            { data.organisation_name_in(e, l.code()).to_owned() }
            <span class="mt-note">
                { [" — ", Msg::PredecessorNote.text(l), " ", org_name(org, l)].concat() }
            </span>
        </> }
    };
    fact(l, Msg::Organisation, body)
}

/// The date, kind, organisation, people and count.
fn facts(data: &Dataset, e: &Event, l: Lang, age: Option<&AttrValue>) -> Html {
    let note = if e.date.is_choice() {
        Some(Msg::Choice)
    } else if e.date.is_uncertain() {
        Some(Msg::Uncertain)
    } else if e.date.is_approximate() {
        Some(Msg::Approximate)
    } else {
        None
    };
    let date = html! { <>
        { date_label(l, &e.date) }
        if let Some(note) = note {
            <span class="mt-note">{ " " }{ note.text(l) }</span>
        }
        if let Some(age) = age {
            <span data-testid="details-age">{ " — " }{ age.clone() }</span>
        }
    </> };
    let count = data.measure(e).map(|m| {
        let more = if m.bound == MeasureBound::MoreThan {
            [Msg::MoreThan.text(l), " "].concat()
        } else {
            String::new()
        };
        let text = [
            &more,
            &i18n::number(l, i64::from(m.value)),
            " ",
            data.unit_in(e, l.code()),
        ];
        fact(l, Msg::Count, html! { text.concat() })
    });
    let people = (!e.people.is_empty()).then(|| {
        let names = data.people_in(e, l.code()).collect::<Vec<_>>().join(", ");
        fact(l, Msg::People, html! { names })
    });
    html! {
        <dl class="mt-facts">
            { fact(l, Msg::Date, date) }
            { fact(l, Msg::Kind, html! { <>{ kind_icon(e.kind, None) }{ " " }{ kind_label(l, e.kind) }</> }) }
            { organisation(data, e, l) }
            { people.unwrap_or_default() }
            { count.unwrap_or_default() }
        </dl>
    }
}

/// The verbatim quote and where it is from.
fn source(data: &Dataset, e: &Event, l: Lang) -> Html {
    let source = data.source(e);
    let t = |x| data.text(x).to_owned();
    let article = ["“", data.text(source.article), "”"].concat();
    let cite = if source.url.is_empty() {
        html! { <cite lang="en">{ article }</cite> }
    } else {
        html! {
            <a href={t(source.url)} target="_blank" rel="noopener noreferrer" lang="en">{ article }</a>
        }
    };
    html! {
        <figure class="mt-source">
            <blockquote lang="en">{ t(source.quote) }</blockquote>
            <figcaption>
                { Msg::Source.text(l) }{ " " }{ cite }
                <span lang="en">{ ", " }{ t(source.section) }</span>
            </figcaption>
        </figure>
    }
}

/// The details panel of the selected event.
#[function_component]
pub fn EventDetails(props: &EventDetailsProps) -> Html {
    let data = &*props.data;
    let Some(e) = data.events.get(props.event) else {
        return Html::default();
    };
    let l = props.lang;
    let send = &props.send;
    let t = |x| data.text(x).to_owned();
    let tr = (l != Lang::En)
        .then(|| data.translation(e, l.code()))
        .flatten();
    let title = tr.map_or(e.title, |tr| tr.title);
    let summary = tr
        .filter(|tr| !tr.summary.is_empty())
        .map_or(e.summary, |tr| tr.summary);
    let heading_id = ["mt-details-", data.text(e.id)].concat();
    html! {
        <aside class="mt-details" data-testid="event-details" data-event-id={t(e.id)}
            aria-labelledby={heading_id.clone()}>
            <div class="mt-details-head">
                <h3 id={heading_id}>{ t(title) }</h3>
                <button type="button" class="mt-close" aria-label={Msg::Close.text(l)}
                    onclick={act(send, Action::Close)}>{ "×" }</button>
            </div>
            if tr.is_some() {
                <p class="mt-note">{ "(" }{ Msg::Translated.text(l) }{ ")" }</p>
            }
            { facts(data, e, l, props.age.as_ref()) }
            if !data.text(summary).is_empty() {
                <p class="mt-summary">{ t(summary) }</p>
            }
            { source(data, e, l) }
            <div class="mt-browse">
                // `aria-disabled`, not `disabled`: the button keeps the
                // focus when the walk reaches the first or last event (a
                // disabled button would drop it to the page).
                <button type="button" data-testid="details-prev" aria-disabled={flag(props.prev.is_none())}
                    onclick={act(send, Action::Browse(-1))}>
                    { ["← ", Msg::Previous.text(l)].concat() }
                </button>
                <button type="button" data-testid="details-next" aria-disabled={flag(props.next.is_none())}
                    onclick={act(send, Action::Browse(1))}>
                    { [Msg::Next.text(l), " →"].concat() }
                </button>
            </div>
        </aside>
    }
}
