//! Browser tests: the widget mounted in headless Chromium, its DOM read back.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use movement_timeline::view::{DataSource, Timeline, TimelineProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DATA: &str = include_str!("../static/data/movements.json");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container of a given width, attached to the body.
fn container(width_px: u32) -> web_sys::Element {
    let el = document().create_element("div").unwrap();
    el.unchecked_ref::<web_sys::HtmlElement>()
        .style()
        .set_property("width", &format!("{width_px}px"))
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls until `query` finds an element, for at most five seconds.
async fn wait_for(root: &web_sys::Element, query: &str) -> web_sys::Element {
    for _ in 0..250 {
        if let Ok(Some(el)) = root.query_selector(query) {
            return el;
        }
        sleep_ms(20).await;
    }
    panic!("timed out waiting for {query}; DOM: {}", root.inner_html());
}

fn mount(json: &str, width_px: u32) -> web_sys::Element {
    let host = container(width_px);
    yew::Renderer::<Timeline>::with_root_and_props(
        host.clone(),
        TimelineProps {
            // Many widgets share this test page: none may own its URL.
            url_state: false,
            ..TimelineProps::for_page(DataSource::Json(Rc::from(json)))
        },
    )
    .render();
    host
}

#[wasm_bindgen_test]
async fn the_shipped_data_renders_a_lane_per_organisation_and_an_axis() {
    let host = mount(DATA, 900);
    let root = wait_for(&host, "[data-testid=timeline-root][data-state=ready]").await;
    let lanes = root.query_selector_all("[data-testid=lane]").unwrap();
    assert_eq!(lanes.length(), 2);
    let orgs: Vec<String> = (0..lanes.length())
        .filter_map(|i| {
            lanes
                .item(i)?
                .dyn_into::<web_sys::Element>()
                .ok()?
                .get_attribute("data-org")
        })
        .collect();
    assert_eq!(orgs, ["dzns", "rsm"]);
    // The window covers the organisations' years, from the RSM's founding
    // to today; the 1990s predecessor is counted at its start.
    let start = root.get_attribute("data-window-start").unwrap();
    let end = root.get_attribute("data-window-end").unwrap();
    assert!(
        start.as_str() > "2010-01-01" && start.as_str() < "2011-03-06",
        "window starts {start}"
    );
    assert!(end.as_str() > "2024-05-08", "window ends {end}");
    let earlier = root
        .query_selector("[data-testid=reveal-earlier]")
        .unwrap()
        .and_then(|b| b.get_attribute("data-count"));
    assert_eq!(earlier.as_deref(), Some("2"));
    let ticks = root.query_selector_all("[data-testid=tick]").unwrap();
    assert!(ticks.length() >= 3, "{} ticks", ticks.length());
    assert!(root
        .text_content()
        .unwrap()
        .contains("Russian Socialist Movement (RSM)"));
}

#[wasm_bindgen_test]
async fn zoom_in_button_narrows_the_window() {
    let host = mount(DATA, 900);
    let root = wait_for(&host, "[data-testid=timeline-root][data-state=ready]").await;
    let before = root.get_attribute("data-window-start").unwrap();
    root.query_selector("[data-testid=zoom-in]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    for _ in 0..100 {
        if root.get_attribute("data-window-start").unwrap() != before {
            break;
        }
        sleep_ms(20).await;
    }
    let after = root.get_attribute("data-window-start").unwrap();
    assert!(
        after > before,
        "window start moved from {before} to {after}"
    );
}

#[wasm_bindgen_test]
async fn bad_data_shows_a_located_error_instead_of_a_blank_box() {
    let broken = DATA.replacen("\"2019-11-07\"", "\"2019-11-31\"", 1);
    let host = mount(&broken, 600);
    let root = wait_for(&host, "[data-testid=timeline-root][data-state=error]").await;
    let panel = wait_for(&root, "[data-testid=error-panel]").await;
    let text = panel.text_content().unwrap();
    assert!(text.contains("November 2019 has no day 31"), "{text}");
    assert!(text.contains("dzns-first-congress"), "{text}");
    // In the browser the place is the path and the event: the browser's
    // parser keeps no lines (the command line gives them).
    assert!(text.contains("events[4].date"), "{text}");
}

#[wasm_bindgen_test]
async fn clicking_an_event_opens_its_details_with_the_verbatim_quote() {
    let host = mount(DATA, 1200);
    let root = wait_for(&host, "[data-testid=timeline-root][data-state=ready]").await;
    let mark = wait_for(&root, "[data-testid=event][data-event-id=rsm-founded]").await;
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let click = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    mark.dispatch_event(&click).unwrap();
    let details = wait_for(
        &root,
        "[data-testid=event-details][data-event-id=rsm-founded]",
    )
    .await;
    let text = details.text_content().unwrap();
    assert!(
        text.contains("officially founded on 7 March 2011 as a merger"),
        "{text}"
    );
    assert!(text.contains("7 March 2011"), "{text}");
    assert_eq!(mark.get_attribute("aria-pressed").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
fn a_javascript_object_reads_like_the_same_json_text() {
    use movement_timeline::view::load::{read_object, read_text};
    let object = js_sys::JSON::parse(DATA).unwrap();
    let from_object = read_object(&object).unwrap();
    let from_text = read_text(&js_sys::JsString::from(DATA)).unwrap();
    assert_eq!(from_object, from_text);
    // An error in an object has its path and event, and no line.
    let broken =
        js_sys::JSON::parse(&DATA.replacen("\"2019-11-07\"", "\"2019-13-07\"", 1)).unwrap();
    let errors = read_object(&broken).unwrap_err();
    let err = &errors[0];
    assert!(err.message.contains("month 13 does not exist"), "{err}");
    assert_eq!(err.path, "events[4].date");
    assert_eq!(err.item_id.as_deref(), Some("dzns-first-congress"));
    assert_eq!(err.line, None);
}
