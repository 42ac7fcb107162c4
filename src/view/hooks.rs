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

/// Fetches `url` as text. The error says what went wrong: the HTTP status, or
/// the network failure as the browser reports it.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("network error: {}", js_message(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the fetch did not return a response".to_string())?;
    if !response.ok() {
        return Err(format!(
            "HTTP {} {} for {url}",
            response.status(),
            response.status_text()
        ));
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
