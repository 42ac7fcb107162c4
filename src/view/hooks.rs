//! Browser facts, read here and handed to `core` as plain values.

use crate::core::date::Day;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// Today as a day number, from the browser's clock.
pub fn today() -> Day {
    (js_sys::Date::now() / 86_400_000.0).floor() as Day
}

fn js_message(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// How long a data download may take before it is given up.
const FETCH_TIMEOUT_MS: i32 = 30_000;

/// Fetches `url` as text. The error says what went wrong: the HTTP status,
/// the network failure as the browser reports it (a refused cross-origin
/// request looks the same), or a time-out, so nothing waits forever.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let controller = web_sys::AbortController::new().ok();
    let init = web_sys::RequestInit::new();
    if let Some(c) = &controller {
        init.set_signal(Some(&c.signal()));
    }
    let timer = controller.as_ref().and_then(|c| {
        let c = c.clone();
        let abort = Closure::once_into_js(move || c.abort());
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                abort.unchecked_ref(),
                FETCH_TIMEOUT_MS,
            )
            .ok()
    });
    let result = async {
        let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
            .await
            .map_err(|e| {
                if controller.as_ref().is_some_and(|c| c.signal().aborted()) {
                    format!("no answer within {} seconds", FETCH_TIMEOUT_MS / 1000)
                } else {
                    format!("network error: {}", js_message(&e))
                }
            })?;
        let response: web_sys::Response = response
            .dyn_into()
            .map_err(|_| "the fetch did not return a response".to_string())?;
        if !response.ok() {
            let status_text = response.status_text();
            return Err(if status_text.is_empty() {
                format!("HTTP {}", response.status())
            } else {
                format!("HTTP {} {status_text}", response.status())
            });
        }
        let text = response
            .text()
            .map_err(|e| format!("cannot read the response: {}", js_message(&e)))?;
        let text = JsFuture::from(text)
            .await
            .map_err(|e| format!("cannot read the response: {}", js_message(&e)))?;
        text.as_string()
            .ok_or_else(|| "the response is not text".to_string())
    }
    .await;
    if let Some(t) = timer {
        window.clear_timeout_with_handle(t);
    }
    result
}

/// Calls `onresize` with the element's content width now and whenever it
/// changes.
#[hook]
pub fn use_width<F>(node: NodeRef, onresize: F)
where
    F: Fn(f64) + 'static,
{
    use_effect_with(node, move |node| {
        let element = node.cast::<web_sys::Element>();
        let observer = element.as_ref().and_then(|el| {
            onresize(el.get_bounding_client_rect().width());
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let width = entries
                        .get(0)
                        .dyn_into::<web_sys::ResizeObserverEntry>()
                        .ok()
                        .map(|e| e.content_rect().width());
                    if let Some(width) = width {
                        onresize(width);
                    }
                });
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            observer.observe(el);
            Some((observer, callback))
        });
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

/// Listens to the wheel on `node` without the passive flag, so zooming can
/// stop the page from scrolling. With `modifier_only`, the wheel zooms only
/// while Ctrl or ⌘ is held, and otherwise scrolls the page as usual.
/// `onwheel(client_x, zoom_factor, pan_px)`.
#[hook]
pub fn use_wheel<F>(node: NodeRef, modifier_only: bool, onwheel: F)
where
    F: Fn(i32, f64, f64) + 'static,
{
    use_effect_with((node, modifier_only), move |(node, modifier_only)| {
        let modifier_only = *modifier_only;
        let element = node.cast::<web_sys::Element>();
        let listener = element.as_ref().and_then(|target| {
            let callback =
                Closure::<dyn FnMut(web_sys::WheelEvent)>::new(move |e: web_sys::WheelEvent| {
                    if modifier_only && !(e.ctrl_key() || e.meta_key()) {
                        return;
                    }
                    e.prevent_default();
                    let unit = match e.delta_mode() {
                        1 => 16.0,
                        2 => 400.0,
                        _ => 1.0,
                    };
                    let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
                    if dx.abs() > dy.abs() {
                        onwheel(e.client_x(), 1.0, dx);
                    } else {
                        // 100 px of wheel zooms by about 1.22; clamp runaway deltas.
                        onwheel(e.client_x(), (-dy.clamp(-600.0, 600.0) * 0.002).exp(), 0.0);
                    }
                });
            let options = web_sys::AddEventListenerOptions::new();
            options.set_passive(false);
            target
                .add_event_listener_with_callback_and_add_event_listener_options(
                    "wheel",
                    callback.as_ref().unchecked_ref(),
                    &options,
                )
                .ok()?;
            Some((web_sys::EventTarget::from(target.clone()), callback))
        });
        move || {
            if let Some((target, callback)) = listener {
                let _ = target.remove_event_listener_with_callback(
                    "wheel",
                    callback.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// The dataset index of the event mark an event target belongs to.
pub fn event_index_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element
        .closest("[data-index]")
        .ok()??
        .get_attribute("data-index")?
        .parse()
        .ok()
}

/// Moves DOM focus to the mark of `event` inside `root`.
pub fn focus_event(root: &NodeRef, event: Option<usize>) {
    let (Some(root), Some(event)) = (root.cast::<web_sys::Element>(), event) else {
        return;
    };
    let selector = format!("[data-index=\"{event}\"]");
    if let Ok(Some(el)) = root.query_selector(&selector) {
        if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
            let _ = el.focus();
        }
    }
}

fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

fn read_fragment() -> crate::core::url_state::ViewState {
    let (view, warnings) = crate::core::url_state::ViewState::from_fragment(&current_fragment());
    for w in warnings {
        web_sys::console::warn_1(&JsValue::from_str(&format!(
            "movement-timeline: ignored \"{}\" in the URL: {}",
            w.key, w.reason
        )));
    }
    view
}

/// Keeps the view in the page's URL fragment: reads it on mount and on
/// back/forward (calling `onapply`), and writes `view` whenever it changes
/// once `ready` — a new history entry when more than the window changed, a
/// replacement otherwise, so back and forward walk through meaningful steps
/// rather than every wheel tick.
#[hook]
pub fn use_url_state(
    enabled: bool,
    ready: bool,
    view: crate::core::url_state::ViewState,
    onapply: Callback<crate::core::url_state::ViewState>,
) {
    let last = use_mut_ref(|| None::<crate::core::url_state::ViewState>);
    {
        let last = last.clone();
        use_effect_with(enabled, move |enabled| {
            let listener = (*enabled)
                .then(|| {
                    onapply.emit(read_fragment());
                    let window = web_sys::window()?;
                    let callback =
                        Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
                            let view = read_fragment();
                            *last.borrow_mut() = Some(view.clone());
                            onapply.emit(view);
                        });
                    window
                        .add_event_listener_with_callback(
                            "popstate",
                            callback.as_ref().unchecked_ref(),
                        )
                        .ok()?;
                    Some((window, callback))
                })
                .flatten();
            move || {
                if let Some((window, callback)) = listener {
                    let _ = window.remove_event_listener_with_callback(
                        "popstate",
                        callback.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    use_effect_with((enabled, ready, view), move |(enabled, ready, view)| {
        if !*enabled || !*ready {
            return;
        }
        let fragment = view.to_fragment();
        let previous = last.borrow().clone();
        *last.borrow_mut() = Some(view.clone());
        if fragment == current_fragment() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(history) = window.history() else {
            return;
        };
        let location = window.location();
        let url = if fragment.is_empty() {
            format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            )
        } else {
            format!("#{fragment}")
        };
        let meaningful = previous
            .as_ref()
            .is_some_and(|p| crate::core::url_state::is_meaningful_change(p, view));
        let _ = if meaningful {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    });
}

/// Copies the page's address to the clipboard; calls `done` with a short
/// status for the user.
pub fn copy_page_url(done: Callback<String>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let href = window.location().href().unwrap_or_default();
    let promise = window.navigator().clipboard().write_text(&href);
    wasm_bindgen_futures::spawn_local(async move {
        let status = match JsFuture::from(promise).await {
            Ok(_) => "Link copied".to_string(),
            Err(_) => format!("Copy this link: {href}"),
        };
        done.emit(status);
    });
}
