//! Exports: the current view as one self-contained SVG document (heading,
//! the date range, the lanes with their marks, labels and axis, the
//! membership chart, and the sources line), drawn by the same components as
//! the widget; and the shown events as CSV or JSON.
//!
//! Styles are inlined as plain colours (no custom properties, no external
//! references), so the SVG renders the same in a browser, Inkscape or a
//! slide tool. In the browser the widget renders [`ExportSvg`] into a
//! hidden holder and serialises it; natively (tests) Yew's server renderer
//! writes it.

use super::chart::{ChartModel, CHART_HEIGHT_PX};
use super::edges::edge_words;
use super::lanes::{lanes_height_px, lanes_svg, visible_orgs};
use super::translate;
use crate::core::align::{age_year, Align};
use crate::core::data::Dataset;
use crate::core::date::iso_day;
use crate::core::export::{csv, file_stem, json, ExportFormat};
use crate::core::i18n::{self, Msg};
use crate::state::{Action, Layout, Shared, State};
use std::rc::Rc;
use yew::prelude::*;

/// A phone's view is exported as lanes this wide.
const MIN_WIDTH_PX: f64 = 960.0;

/// The widget's SVG styles with the light theme's colours written out.
const STYLE: &str = "text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#1b1f24}\
.x-title{font-size:16px;font-weight:700}.x-note{font-size:12px;fill:#57606a}\
.mt-lane-bg,.mt-chart-bg{fill:#f6f8fa}.mt-lane:nth-child(even) .mt-lane-bg{fill:#eef1f4}\
.mt-lane-label{font-size:13px;font-weight:600}.mt-lifespan{opacity:.45}\
.mt-axis-line,.mt-major-line{stroke:#57606a}.mt-gridline,.mt-ytick line{stroke:#d8dee4}\
.mt-tick text{fill:#57606a;font-size:12px}.mt-major text{font-size:12px;font-weight:600}\
.mt-hit{fill:none}.mt-span{fill-opacity:.18;stroke-opacity:.5}.mt-bar{fill-opacity:.28}\
.mt-tail{stroke-width:3;stroke-dasharray:4 4;opacity:.6}.mt-glyph{stroke-width:0}\
.mt-approximate .mt-span,.mt-approximate .mt-bar,.mt-uncertain .mt-span{stroke-dasharray:3 2;stroke-opacity:.9}\
.mt-uncertain .mt-glyph{fill-opacity:.25;stroke-width:1.5;stroke-dasharray:2 1.5}\
.mt-predecessor .mt-bar,.mt-predecessor .mt-span,.mt-predecessor .mt-glyph{fill:#57606a;stroke:#57606a;stroke-dasharray:4 2}\
.mt-label{font-size:12px}.mt-predecessor .mt-label{font-style:italic}.mt-selected .mt-label{font-weight:700}\
.mt-cluster rect{fill:#57606a}.mt-cluster text{fill:#fff;font-size:11px;font-weight:700}\
.mt-ytick text,.mt-presence-title,.mt-presence-mark text,.mt-marker-name,.mt-growth-bar text{font-size:11px}\
.mt-ytick text,.mt-presence-title{fill:#57606a}.mt-presence-mark path{fill:#57606a}\
.mt-event-marker{opacity:.35}.mt-series-line{fill:none;stroke-width:2;stroke-dasharray:5 4;opacity:.8}\
.mt-chart-range{fill:#0b5cad;opacity:.55}.mt-point-span{fill-opacity:.45}.mt-point circle{stroke:#fff;stroke-width:1.5}.mt-growth-bar rect{fill-opacity:.55}";

/// The state to export: a narrow (vertical) view is laid out as lanes; a
/// wide one is drawn as it is, so the picture holds the very labels the
/// reader sees.
pub fn exported(s: &State) -> Rc<State> {
    let state = Rc::new(s.clone());
    if s.drawn.layout == Layout::Vertical {
        state.apply(Action::Resize {
            width_px: MIN_WIDTH_PX,
        })
    } else {
        state
    }
}

/// Properties of the exported picture.
#[derive(Properties, Clone, PartialEq)]
pub struct ExportSvgProps {
    /// The view to draw (see [`exported`]).
    pub state: Shared<State>,
    /// Draw the `<style>` element. The browser leaves it out of the page
    /// (its rules would restyle the live widget, and a strict policy
    /// refuses inline styles) and adds it to the text ([`with_style`]).
    #[prop_or(true)]
    pub style: bool,
}

/// An SVG document serialised without its `<style>`, with it: the styles
/// go right after the root element's start tag.
pub fn with_style(svg: &str) -> String {
    let at = svg.find('>').map_or(0, |i| i + 1);
    let (start, rest) = svg.split_at(at);
    [start, "<style>", STYLE, "</style>", rest].concat()
}

/// The namespace the SVG document declares. Natively it is written as an
/// attribute; in the browser the element is made in it and the serialiser
/// declares it (an `xmlns` attribute as well would be written twice).
const SVG_NS: Option<&str> = if cfg!(target_arch = "wasm32") {
    None
} else {
    Some("http://www.w3.org/2000/svg")
};

/// The view as one SVG document.
#[function_component]
pub fn ExportSvg(props: &ExportSvgProps) -> Html {
    let st = &*props.state;
    let Some(data) = st.data() else {
        return Html::default();
    };
    let width = st.scale.width_px;
    let lanes_h = lanes_height_px(st, data);
    let model = ChartModel::new(st, data);
    let chart_h = if model.series.is_empty() {
        0.0
    } else {
        CHART_HEIGHT_PX
    };
    let top = 56.0;
    let height = top + lanes_h + 8.0 + chart_h + 28.0;
    let noop = Callback::noop();
    let chart = (!model.series.is_empty())
        .then(|| super::chart::plot(st, data, &model, &Default::default(), &noop));
    html! {
        <svg xmlns={SVG_NS} width={super::px(width)} height={super::px(height)}
            viewBox={super::view_box(width, height)}>
            if props.style {
                <style>{ STYLE }</style>
            }
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <text class="x-title" x="12" y="24">{ st.title() }</text>
            <text class="x-note" x="12" y="44">{ window_note(st, data) }</text>
            <g transform={translate(0.0, top)}>{ lanes_svg(st, data, &noop) }</g>
            <g transform={translate(0.0, top + lanes_h + 8.0)}>{ chart }</g>
            <text class="x-note" x="12" y={super::px(height - 10.0)}>
                // The credit every export carries (the articles keep their
                // English titles).
                { Msg::Sources.text(st.lang) }
            </text>
        </svg>
    }
}

/// The window's dates, and what lies outside it: "2010-07-20 – 2027-07-10;
/// ‹ 2 earlier events (earliest: 1990s–2000s)".
fn window_note(s: &State, data: &Dataset) -> String {
    let (a, b) = (s.scale.start_day.floor(), s.scale.end_day.floor());
    let mut note = match s.align {
        Align::Calendar => [iso_day(a as i32), iso_day(b as i32)].join(" – "),
        // "Aligned by founding: year 1 – year 17".
        Align::Founding => {
            let year = |d: f64| i18n::age_tick(s.lang, i18n::AgeTick::Year(age_year(d)));
            [
                Msg::AlignedNote.text(s.lang),
                ": ",
                &year(a),
                " – ",
                &year(b),
            ]
            .concat()
        }
    };
    for earlier in [true, false] {
        if let Some((_, words)) = edge_words(s, data, earlier) {
            note.push_str("; ");
            note.push_str(&words);
        }
    }
    note
}

/// The name a download of this view gets: `movement-timeline-2019-2021.csv`.
pub fn file_name(s: &State, format: ExportFormat) -> Option<String> {
    let data = s.data()?;
    let orgs: Vec<&str> = visible_orgs(s, data)
        .into_iter()
        .filter_map(|o| data.organisations.get(o).map(|o| o.id.as_str()))
        .collect();
    let window = (s.align == Align::Calendar).then(|| {
        (
            s.scale.start_day.floor() as i32,
            s.scale.end_day.floor() as i32,
        )
    });
    let stem = file_stem(window, &orgs, data.organisations.len());
    Some([&stem, ".", format.as_str()].concat())
}

/// The shown events as CSV or JSON; `None` for a picture (drawn by
/// [`ExportSvg`]) or before the data is shown.
pub fn table_text(s: &State, format: ExportFormat) -> Option<String> {
    let data = s.data()?;
    match format {
        ExportFormat::Csv => Some(csv(data, &s.shown)),
        ExportFormat::Json => Some(json(data, &s.shown)),
        ExportFormat::Svg | ExportFormat::Png => None,
    }
}
