//! The accessible list view: the events of the visible window as a table.

use crate::core::data::Dataset;
use crate::core::layout::events_in_window;
use crate::core::scale::TimeScale;
use crate::state::Shared;
use yew::prelude::*;

/// Most rows the table shows; zooming in shows the rest.
pub const MAX_ROWS: usize = 500;

/// Properties of [`EventList`].
#[derive(Properties, PartialEq, Clone)]
pub struct EventListProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The shown events in time order.
    pub shown: Shared<Vec<usize>>,
    /// The visible window.
    pub scale: TimeScale,
    /// Where open-ended dates stop.
    pub today: i32,
    /// The selected event.
    pub selected: Option<usize>,
    /// A row's event was chosen.
    pub onselect: Callback<usize>,
}

/// The events of the visible window in time order, as a table.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    let (rows, total) = events_in_window(
        &props.data,
        &props.shown,
        &props.scale,
        props.today,
        MAX_ROWS,
    );
    html! {
        <div class="mt-list">
            <table data-testid="event-list">
                <caption>
                    { format!("{total} event{} in the visible window", if total == 1 { "" } else { "s" }) }
                    if total > rows.len() {
                        { format!(" (first {} shown; zoom in to see the rest)", rows.len()) }
                    }
                </caption>
                <thead><tr>
                    <th scope="col">{ "Date" }</th>
                    <th scope="col">{ "Organisation" }</th>
                    <th scope="col">{ "Kind" }</th>
                    <th scope="col">{ "Event" }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().filter_map(|&i| {
                        let e = props.data.events.get(i)?;
                        let org = props.data.organisations.get(e.org)?;
                        let onselect = props.onselect.clone();
                        let onclick = Callback::from(move |_: MouseEvent| onselect.emit(i));
                        Some(html! {
                            <tr key={props.data.text(e.id).to_owned()} data-event-id={props.data.text(e.id).to_owned()}
                                class={classes!((props.selected == Some(i)).then_some("mt-selected"))}>
                                <td>{ e.date.label() }</td>
                                <td>{ org.abbreviation.clone() }</td>
                                <td>{ e.kind.label() }</td>
                                <td><button type="button" class="mt-linklike" {onclick}>{ props.data.text(e.title).to_owned() }</button></td>
                            </tr>
                        })
                    }) }
                </tbody>
            </table>
        </div>
    }
}
