//! The details of the selected event, with its verbatim source.

use super::glyph::KindIcon;
use crate::core::data::Dataset;
use crate::state::Shared;
use yew::prelude::*;

/// Properties of [`EventDetails`].
#[derive(Properties, PartialEq, Clone)]
pub struct EventDetailsProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The selected event (index into the dataset's events).
    pub event: usize,
    /// Close the panel.
    pub onclose: Callback<MouseEvent>,
}

/// Title, date at its precision, kind, organisation, summary, people and the
/// source quote of one event.
#[component]
pub fn EventDetails(props: &EventDetailsProps) -> Html {
    let Some(event) = props.data.events.get(props.event) else {
        return html! {};
    };
    let org = props.data.organisations.get(event.org);
    let data = &props.data;
    let t = |x: crate::core::data::Text| data.text(x).to_owned();
    let heading_id = format!("mt-details-{}", t(event.id));
    html! {
        <aside class="mt-details" data-testid="event-details" data-event-id={t(event.id)}
               aria-labelledby={heading_id.clone()}>
            <div class="mt-details-head">
                <h3 id={heading_id}>{ t(event.title) }</h3>
                <button type="button" class="mt-close" onclick={props.onclose.clone()} aria-label="Close details">{ "×" }</button>
            </div>
            <dl class="mt-facts">
                <dt>{ "Date" }</dt>
                <dd>
                    { event.date.label() }
                    if event.date.is_uncertain() {
                        <span class="mt-note">{ " (uncertain: inferred, not stated in the source)" }</span>
                    } else if event.date.is_approximate() {
                        <span class="mt-note">{ " (approximate)" }</span>
                    }
                </dd>
                <dt>{ "Kind" }</dt>
                <dd><KindIcon kind={event.kind} />{ " " }{ event.kind.label() }</dd>
                if let (Some(org), Some(earlier)) = (org, (!event.predecessor.is_empty()).then(|| t(event.predecessor))) {
                    <dt>{ "Organisation" }</dt>
                    <dd>
                        { earlier.clone() }
                        <span class="mt-note">{ format!(" — a different, earlier organisation, drawn in the {} lane because the later movement carries its name", org.name) }</span>
                    </dd>
                } else if let Some(org) = org {
                    <dt>{ "Organisation" }</dt>
                    <dd>
                        { format!("{} ({})", org.name, org.abbreviation) }
                        if let Some(native) = &org.native_name {
                            <span class="mt-native" lang="ru">{ format!(" — {native}") }</span>
                        }
                    </dd>
                }
                if !event.people.is_empty() {
                    <dt>{ "People" }</dt>
                    <dd>{ data.people(event).collect::<Vec<_>>().join(", ") }</dd>
                }
                if let Some(m) = &event.measure {
                    <dt>{ "Count" }</dt>
                    <dd>{ format!("{}{} {}", if m.bound == crate::core::data::MeasureBound::MoreThan { "more than " } else { "" }, m.value, t(m.unit)) }</dd>
                }
            </dl>
            if !event.summary.is_empty() {
                <p class="mt-summary">{ t(event.summary) }</p>
            }
            <figure class="mt-source">
                <blockquote>{ t(event.source.quote) }</blockquote>
                <figcaption>
                    { "Source: " }
                    if let Some(url) = (!event.source.url.is_empty()).then(|| t(event.source.url)) {
                        <a href={url.clone()} target="_blank" rel="noopener noreferrer">{ format!("“{}”", t(event.source.article)) }</a>
                    } else {
                        { format!("“{}”", t(event.source.article)) }
                    }
                    { format!(", {}", t(event.source.section)) }
                </figcaption>
            </figure>
        </aside>
    }
}
