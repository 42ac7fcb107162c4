//! The components rendered to HTML text natively, by Yew's own server
//! renderer: the prerendered page (`movement-timeline prerender`), the
//! SVG export in tests, and the render tests.

use super::export::{ExportSvg, ExportSvgProps};
use super::list::events_table;
use super::{Widget, WidgetProps};
use crate::state::{Shared, State};
use yew::prelude::*;
use yew::{BaseComponent, LocalServerRenderer};

/// `C` with `props` as HTML text (not hydratable: no markers). Yew's local
/// renderer runs on a current-thread runtime; `None` if none could start.
pub fn render<C>(props: C::Properties) -> Option<String>
where
    C: BaseComponent,
{
    let runtime = tokio::runtime::Builder::new_current_thread().build().ok()?;
    let local = tokio::task::LocalSet::new();
    let renderer = LocalServerRenderer::<C>::with_props(props).hydratable(false);
    Some(local.block_on(&runtime, renderer.render()))
}

/// The whole widget drawn from `state` (no listeners: nothing runs).
pub fn widget(state: &State, copy_link: bool) -> String {
    render::<Widget>(WidgetProps {
        state: Shared::new(state.clone()),
        send: Callback::noop(),
        gestures: Default::default(),
        copy_link,
    })
    .unwrap_or_default()
}

/// The view as an SVG document, or `None` before the data is shown.
pub fn svg(state: &State) -> Option<String> {
    state.data()?;
    let exported = super::export::exported(state);
    render::<ExportSvg>(ExportSvgProps {
        state: Shared(exported),
        style: true,
    })
}

/// Properties of the prerendered page's widget.
#[derive(Properties, Clone, PartialEq)]
pub struct PrerenderProps {
    /// The widget at the wide width.
    pub wide: Shared<State>,
    /// The widget at a phone's width.
    pub narrow: Shared<State>,
    /// The list of events for readers without JavaScript.
    pub listed: Shared<State>,
}

/// What the full page shows before the module runs: the widget drawn
/// wide (the lanes, scaled down to fit narrower containers) and narrow
/// (the rows), and the list for readers without JavaScript.
#[function_component]
pub fn Prerender(props: &PrerenderProps) -> Html {
    let noop = Callback::noop();
    html! { <>
        <div class="mt-prerender mt-prerender-wide" inert=true>
            <Widget state={props.wide.clone()} send={noop.clone()} copy_link=true />
        </div>
        <div class="mt-prerender mt-prerender-narrow" inert=true>
            <Widget state={props.narrow.clone()} send={noop.clone()} copy_link=true />
        </div>
        <noscript>{ events_table(&props.listed, &noop) }</noscript>
    </> }
}
