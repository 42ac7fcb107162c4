//! The current view as one self-contained SVG document: heading, the date
//! range, the lanes with their marks, labels and axis, the membership
//! chart, and the sources line. Styles are inlined as plain colours (no
//! custom properties, no external references), so it renders the same in
//! a browser, Inkscape or a slide tool.

use std::rc::Rc;

use super::{chart, plot};
use crate::core::date::iso_day;
use crate::core::export::{csv, file_stem, json};
use crate::core::markup::Markup;
use crate::state::{Action, Layout, State};

/// Narrowest export: a phone's view is exported as lanes this wide.
const MIN_WIDTH_PX: f64 = 960.0;

/// The credit every export carries.
pub const SOURCES: &str =
    "Sources: Wikipedia, 'For a New Socialism', 'Russian Socialist Movement', CC BY-SA";

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
.mt-point-span{fill-opacity:.45}.mt-point circle{stroke:#fff;stroke-width:1.5}.mt-growth-bar rect{fill-opacity:.55}";

/// The `<svg …>…</svg>` element that starts with `start` in `text`.
/// (Checked slicing throughout: no panic path, no formatting code.)
fn element<'a>(text: &'a str, start: &str) -> Option<&'a str> {
    let find = crate::core::filter::find;
    let rest = text.get(find(text, start)?..)?;
    rest.get(..find(rest, "</svg>")? + "</svg>".len())
}

/// The number in `name="…"` of an element's start tag.
fn attr_px(element: &str, name: &str) -> f64 {
    let tag = element
        .get(..element.find('>').unwrap_or(element.len()))
        .unwrap_or("");
    [format!(" {name}=\""), format!(" {name}='")]
        .iter()
        .find_map(|key| {
            let rest = tag.get(crate::core::filter::find(tag, key)? + key.len()..)?;
            Some(decimal(rest.get(..rest.find(['"', '\''])?)?))
        })
        .unwrap_or(0.0)
}

/// A plain decimal ("1216", "92.5") read by hand: the standard float parser
/// would add its tables to the module.
fn decimal(text: &str) -> f64 {
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .fold(0.0, |n, d| n * 10.0 + f64::from(d - b'0'))
    };
    let scale = (0..frac.len()).fold(1.0, |s, _| s * 10.0);
    digits(whole) + digits(frac) / scale
}

/// The state to export: a narrow (vertical) view is laid out as lanes.
fn exported(s: &State) -> Rc<State> {
    let state = Rc::new(s.clone());
    if s.drawn.layout == Layout::Vertical || s.scale.width_px < MIN_WIDTH_PX {
        state.apply(Action::Resize {
            width_px: MIN_WIDTH_PX,
        })
    } else {
        state
    }
}

/// The view as an SVG document, or `None` before the data is shown.
pub fn svg(s: &State) -> Option<String> {
    let st = exported(s);
    let data = st.data()?;
    let mut m = Markup::new(false);
    plot::horizontal(&mut m, &st, data);
    let lanes = element(&m.out, "<svg class='mt-svg'")?.to_owned();
    let mut c = Markup::new(false);
    chart::membership(&mut c, &st, data);
    let membership = element(&c.out, "<svg class='mt-chart-svg'").unwrap_or("");
    let width = attr_px(&lanes, "width");
    let (lanes_h, chart_h) = (attr_px(&lanes, "height"), attr_px(membership, "height"));
    let top = 56.0;
    let height = top + lanes_h + 8.0 + chart_h + 28.0;
    let mut out = Markup::new(false);
    out.raw("<svg xmlns='http://www.w3.org/2000/svg'")
        .px("width", width)
        .px("height", height)
        .view_box(width, height)
        .raw("><style>")
        .raw(STYLE)
        .raw("</style><rect width='100%' height='100%' fill='#ffffff'></rect><text class='x-title' x='12' y='24'>")
        .text(&st.title())
        .raw("</text><text class='x-note' x='12' y='44'>")
        .text(&iso_day(st.scale.start_day.floor() as i32))
        .text(" – ")
        .text(&iso_day(st.scale.end_day.floor() as i32))
        .raw("</text><g")
        .translate(0.0, top)
        .start();
    // Already markup, written by the render functions.
    out.out.push_str(&lanes);
    out.raw("</g><g")
        .translate(0.0, top + lanes_h + 8.0)
        .start();
    out.out.push_str(membership);
    out.raw("</g><text class='x-note' x='12'")
        .px("y", height - 10.0)
        .start()
        .text(SOURCES)
        .raw("</text></svg>");
    Some(out.out)
}

/// The shown events as CSV or JSON (`format`), or the view as SVG, with
/// the file name it is downloaded as: `(name, text)`.
pub fn export(s: &State, format: &str) -> Option<(String, String)> {
    let data = s.data()?;
    let orgs: Vec<&str> = plot::visible_orgs(s, data)
        .into_iter()
        .filter_map(|o| data.organisations.get(o).map(|o| o.id.as_str()))
        .collect();
    let stem = file_stem(
        s.scale.start_day.floor() as i32,
        s.scale.end_day.floor() as i32,
        &orgs,
        data.organisations.len(),
    );
    let text = match format {
        "csv" => csv(data, &s.shown),
        "json" => json(data, &s.shown),
        "svg" | "png" => svg(s)?,
        _ => return None,
    };
    Some((format!("{stem}.{format}"), text))
}
