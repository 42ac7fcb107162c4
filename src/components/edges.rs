//! The window's edges: buttons that count the shown events lying wholly
//! before or after the window and bring them in (nothing is out of view
//! without a sign), and the band on the time axis marking the membership
//! chart's window where it is not the timeline's.

use super::px;
use crate::core::data::Dataset;
use crate::core::i18n::{self, date_label, Msg};
use crate::state::{Action, State};
use yew::prelude::*;

/// How many shown events lie wholly before (`earlier`) or after the
/// window, and the words that say so ("‹ 2 earlier events (earliest:
/// 1990s–2000s)"); `None` when there are none.
pub fn edge_words(s: &State, data: &Dataset, earlier: bool) -> Option<(usize, String)> {
    let out = s.drawn.outside;
    let (n, end) = if earlier {
        (out.before, out.first)
    } else {
        (out.after, out.last)
    };
    let e = data.events.get(end?.0).filter(|_| n > 0)?;
    let when = date_label(s.lang, &e.date);
    Some((n, i18n::beyond(s.lang, n, earlier, &when)))
}

/// The button bringing in the events before (`earlier`) or after the
/// window; `None` when there are none.
pub fn reveal_button(
    s: &State,
    data: &Dataset,
    earlier: bool,
    send: &Callback<Action>,
) -> Option<Html> {
    let (n, text) = edge_words(s, data, earlier)?;
    Some(html! {
        <button type="button" class={if earlier { "mt-reveal mt-reveal-earlier" } else { "mt-reveal mt-reveal-later" }}
            data-testid={if earlier { "reveal-earlier" } else { "reveal-later" }}
            data-count={super::int(n as i64)} title={Msg::RevealTitle.text(s.lang)}
            onclick={send.reform(move |_| Action::Reveal { earlier })}>
            { text }
        </button>
    })
}

/// The strip over the lanes with both buttons (always there, so the lanes
/// do not move when a button comes or goes).
pub fn edge_strip(s: &State, data: &Dataset, send: &Callback<Action>) -> Html {
    html! {
        <div class="mt-edges">
            { reveal_button(s, data, true, send).unwrap_or_else(|| html! { <span></span> }) }
            { reveal_button(s, data, false, send).unwrap_or_default() }
        </div>
    }
}

/// The band on the time axis (at `ax` px from the top) over the chart's
/// window, when it is not the timeline's.
pub fn chart_band(s: &State, ax: f64) -> Html {
    let Some(chart) = s.chart_apart() else {
        return Html::default();
    };
    let width = s.scale.width_px;
    let x0 = s.scale.map(chart.start_day).max(-10.0);
    let x1 = s.scale.map(chart.end_day).min(width + 10.0);
    html! {
        <g class="mt-pan">
            <rect class="mt-chart-range" data-testid="chart-range" x={px(x0)} y={px(ax - 3.0)}
                width={px((x1 - x0).max(2.0))} height="6">
                <title>{ Msg::ChartRangeName.text(s.lang) }</title>
            </rect>
        </g>
    }
}
