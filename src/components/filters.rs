//! The filters: organisation toggles with counts, search, reset and copy
//! link above the plot; the legend's kind toggles below it.

use super::glyph::kind_icon;
use super::{abbreviation, act, flag, int, org_name};
use crate::core::data::{Dataset, EventKind};
use crate::core::filter::Filter;
use crate::core::i18n::{self, kind_label, Lang, Msg};
use crate::state::{Action, Shared, Tallies};
use yew::prelude::*;

/// Properties of the filter bar (nothing that moves with the window).
#[derive(Properties, Clone, PartialEq)]
pub struct FilterBarProps {
    /// The dataset.
    pub data: Shared<Dataset>,
    /// The interface language.
    pub lang: Lang,
    /// What is filtered out.
    pub filter: Filter,
    /// Shown and total counts.
    pub tallies: Shared<Tallies>,
    /// What copying the link did.
    pub copy: Option<Result<(), String>>,
    /// Show the Copy link button.
    pub copy_link: bool,
    /// Where the actions go.
    pub send: Callback<Action>,
}

/// A square of an organisation's colour.
pub fn org_swatch(color: &str) -> Html {
    html! {
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <rect width="12" height="12" rx="3" fill={color.to_owned()}></rect>
        </svg>
    }
}

/// Organisation toggles with counts, search, reset and copy-link.
#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let l = props.lang;
    let send = &props.send;
    let (shown, total) = (&props.tallies.shown, &props.tallies.total);
    let toggles = props.data.organisations.iter().enumerate().map(|(i, org)| {
        let n = shown.by_org.get(i).copied().unwrap_or(0);
        let all = total.by_org.get(i).copied().unwrap_or(0);
        let id = org.id.clone();
        html! {
            <button type="button" class="mt-org-toggle" data-testid="org-toggle"
                data-org={org.id.clone()}
                aria-pressed={flag(props.filter.shows_org(&org.id))}
                title={[Msg::ShowOrHide.text(l), " ", org_name(org, l)].concat()}
                onclick={act(send, Action::ToggleOrg(id))}>
                { org_swatch(&org.color) }
                { " " }{ abbreviation(org, l) }{ " " }
                // "19/21" is seen; "19 of 21 shown" is heard (a label on a
                // plain span is not read).
                <span class="mt-count" aria-hidden="true">
                    { int(n as i64) }{ "/" }{ int(all as i64) }
                </span>
                <span class="mt-sr">{ [" ", &i18n::shown_of(l, n, all)].concat() }</span>
            </button>
        }
    });
    // The search box: Yew keeps its value in step as the reader types.
    let oninput = send.reform(|e: InputEvent| {
        Action::SetText(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value(),
        )
    });
    html! {
        <div class="mt-filters" role="group" aria-label={Msg::Filters.text(l)}>
            { super::list(toggles) }
            <input type="search" class="mt-search" data-testid="search"
                value={props.filter.text.clone()} {oninput}
                placeholder={Msg::SearchPlaceholder.text(l)}
                aria-label={Msg::Search.text(l)} />
            <button type="button" data-testid="reset-filters" disabled={props.filter.is_empty()}
                onclick={act(send, Action::ResetFilters)}>{ Msg::Reset.text(l) }</button>
            if props.copy_link {
                <button type="button" data-testid="copy-link"
                    onclick={act(send, Action::CopyLink)}>{ Msg::CopyLink.text(l) }</button>
                <span class="mt-copy-status" role="status">
                    { match &props.copy {
                        Some(Ok(())) => Msg::LinkCopied.text(l).to_owned(),
                        Some(Err(href)) => [Msg::CopyThisLink.text(l), " ", href].concat(),
                        None => String::new(),
                    } }
                </span>
            }
        </div>
    }
}

/// Properties of the legend.
#[derive(Properties, Clone, PartialEq)]
pub struct LegendProps {
    /// The interface language.
    pub lang: Lang,
    /// What is filtered out.
    pub filter: Filter,
    /// Shown and total counts.
    pub tallies: Shared<Tallies>,
    /// Open: as the reader left it, else on wide widgets (a phone has it
    /// folded).
    pub open: bool,
    /// Where the actions go.
    pub send: Callback<Action>,
}

/// The kinds present in the data (each a filter toggle, counted only while
/// a filter hides some) and what the date marks mean.
#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let l = props.lang;
    // The reader opened or folded it (the summary, a key, the browser's
    // find in page): that is the reader's choice from then on. A toggle
    // that follows a render agrees with it and is not.
    let open = props.open;
    let send = props.send.clone();
    let ontoggle = Callback::from(move |e: Event| {
        if let Some(el) = e.target_dyn_into::<web_sys::Element>() {
            let now = el.has_attribute("open");
            if now != open {
                send.emit(Action::Legend(now));
            }
        }
    });
    let (shown, total) = (&props.tallies.shown, &props.tallies.total);
    let filtered = !props.filter.is_empty();
    let kinds = EventKind::ALL.into_iter().filter_map(|k| {
        let all = total.by_kind.get(k.index()).copied().unwrap_or(0);
        let n = shown.by_kind.get(k.index()).copied().unwrap_or(0);
        (all > 0).then(|| html! {
            <li key={k.as_str()}>
                <button type="button" class="mt-kind-toggle" data-testid="kind-toggle"
                    data-kind={k.as_str()} aria-pressed={flag(props.filter.shows_kind(k))}
                    onclick={act(&props.send, Action::ToggleKind(k))}>
                    { kind_icon(k, None) }
                    { " " }{ kind_label(l, k) }
                    if filtered {
                        <span class="mt-count">{ " " }{ int(n as i64) }{ "/" }{ int(all as i64) }</span>
                    }
                </button>
            </li>
        })
    });
    html! {
        <details class="mt-legend" {open} {ontoggle}>
            <summary>{ Msg::Legend.text(l) }</summary>
            <ul class="mt-legend-kinds" aria-label={Msg::LegendHelp.text(l)}>{ for kinds }</ul>
            <p class="mt-legend-dates">
                <span class="mt-key mt-key-span"></span>{ Msg::KeyShaded.text(l) }
                <span class="mt-key mt-key-dashed"></span>{ Msg::KeyDashed.text(l) }
                <span class="mt-key mt-key-tail"></span>{ Msg::KeyTail.text(l) }
            </p>
        </details>
    }
}
