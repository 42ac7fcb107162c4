//! Gestures: the wheel, drags, pinches and brushes, the marks' delegated
//! click, keys, and chart read-outs. Turned into typed [`Action`]s; wheel
//! and drag input is gathered per animation frame (one state change and
//! one render per frame, however many events arrive between two).

use crate::components::chart::marker_near;
use crate::components::{Gestures, Surface, Zone};
use crate::core::navigate::Step;
use crate::core::scale::TimeScale;
use crate::state::{Action, Brush, State};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Pointers down on the plot or a strip.
#[derive(Default)]
struct Gesture {
    /// Pointer id and last x (relative to its zone).
    pointers: Vec<(i32, f64)>,
    /// Pixels moved since the first pointer went down.
    travel_px: f64,
    /// The zone the gesture started in.
    zone: Option<Zone>,
    /// The last gesture moved (a drag or a brush), so the click the browser
    /// sends when the button comes up is not a click on what is under it.
    dragged: bool,
}

/// A drag on the lanes: while the pointer is down the drawings (lanes and
/// chart) move with one CSS transform, and the window is laid out again
/// only when the drag passes a margin or ends. A frame of the drag then
/// costs the compositor a transform, not a layout and render of every mark.
///
/// Each group's transform is how far the drag has gone beyond the window
/// its surface was last drawn for ([`Input::drawing`]), so it is right
/// whichever surface Yew draws first, and whenever the browser paints.
#[derive(Default)]
struct Slide {
    /// The groups that move (see [`surfaces`]), each with its surface and
    /// the window that surface was last drawn for; none in the phone
    /// layout, which pans by laying out each frame.
    surfaces: Vec<(web_sys::SvgElement, Surface, TimeScale)>,
    /// Pixels moved and not yet sent as a pan.
    offset_px: f64,
    /// The state changed since the groups were looked up: a render may
    /// have made or taken some.
    stale: bool,
}

/// The transform that moves a group by `dx_px` (none for under a
/// twentieth of a pixel).
fn translate_x(dx_px: f64) -> String {
    if dx_px.abs() < 0.05 {
        String::new()
    } else {
        ["translateX(", &crate::core::scale::fmt_px(dx_px), "px)"].concat()
    }
}

/// Wheel and drag input gathered until the next animation frame.
#[derive(Default)]
struct Coalesced {
    /// Zoom factor so far and its anchor.
    zoom: Cell<Option<(f64, f64)>>,
    /// Pixels to pan so far.
    pan: Cell<f64>,
    /// The pans the frame's callback sent and the state has not yet
    /// applied (Yew runs the update after the callback, or later when it
    /// yields), each as sent: a pan from a key is not one of them.
    in_flight_px: RefCell<Vec<f64>>,
    /// The frame asked for and not yet run (dropped: cancelled).
    frame: RefCell<Option<gloo_render::AnimationFrame>>,
}

/// The zoom factor of a wheel step: about 1.22 per 100 pixels, capped.
/// (The browser's `Math.exp`: Rust's would bring libm's into the module.)
fn wheel_factor(delta_y_px: f64) -> f64 {
    js_sys::Math::exp(-delta_y_px.clamp(-600.0, 600.0) * 0.002)
}

/// The element an event came from.
fn target_element(e: &Event) -> Option<web_sys::Element> {
    e.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The nearest element (the target or an ancestor) matching `selector`.
fn closest(e: &Event, selector: &str) -> Option<web_sys::Element> {
    target_element(e)?.closest(selector).ok()?
}

/// The attribute `name` of `el` as a whole number.
fn index_attr(el: &web_sys::Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

/// The pointer's x relative to the left edge of `zone`'s element.
fn zone_x(zone: Zone, e: &Event, client_x: i32) -> Option<f64> {
    let el = closest(e, zone.selector())?;
    Some(f64::from(client_x) - el.get_bounding_client_rect().left())
}

/// What a drag on the lanes moves: the groups of what sits at a date
/// (`.mt-pan`: marks, clusters, lifespans, ticks, the chart's series and
/// markers when it shares the window) in the widget the event is in, each
/// with its surface. Inside their `<svg>`, which clips them; backgrounds
/// and names stay.
fn surfaces(e: &Event) -> Vec<(web_sys::SvgElement, Surface)> {
    let Some(list) = closest(e, ".mt-root").and_then(|r| r.query_selector_all(".mt-pan").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::SvgElement>().ok())
        .filter_map(|el| {
            let on = |s: Surface| el.closest(s.selector()).ok().flatten().is_some();
            let surface = [Surface::Lanes, Surface::Chart]
                .into_iter()
                .find(|&s| on(s))?;
            Some((el, surface))
        })
        .collect()
}

/// Keeps a pointer's events on its zone's element (not the mark or tick
/// under it, which a re-layout during the drag may remove, and the capture
/// with it).
fn capture(zone: Zone, e: &PointerEvent) {
    if let Some(el) = closest(e, zone.selector()) {
        let _ = el.set_pointer_capture(e.pointer_id());
    }
}

/// What the gesture handlers share: the latest state, the way back to the
/// widget, pointers down, and input gathered per animation frame.
pub struct Input {
    /// The state last rendered.
    pub state: RefCell<Rc<State>>,
    dispatch: Callback<Action>,
    gesture: RefCell<Gesture>,
    frame: Coalesced,
    slide: RefCell<Slide>,
    modifier_only: bool,
}

impl Input {
    /// Handlers sending to `dispatch`; with `modifier_only` the wheel zooms
    /// only with Ctrl or ⌘ held.
    pub fn new(state: Rc<State>, dispatch: Callback<Action>, modifier_only: bool) -> Rc<Input> {
        Rc::new(Input {
            state: RefCell::new(state),
            dispatch,
            gesture: RefCell::default(),
            frame: Coalesced::default(),
            slide: RefCell::default(),
            modifier_only,
        })
    }

    /// The listeners the components attach.
    pub fn gestures(self: &Rc<Self>) -> Gestures {
        let this = self.clone();
        let pointer =
            Callback::from(
                move |(zone, e): (Zone, PointerEvent)| match e.type_().as_str() {
                    "pointerdown" => this.pointer_down(zone, &e),
                    "pointermove" => this.pointer_move(zone, &e),
                    _ => this.pointer_up(&e),
                },
            );
        let this = self.clone();
        let wheel = Callback::from(move |(zone, e): (Zone, WheelEvent)| this.wheel(zone, &e));
        let this = self.clone();
        let click = Callback::from(move |e: MouseEvent| this.plot_click(&e));
        let this = self.clone();
        let dblclick = Callback::from(move |e: MouseEvent| {
            if let Some(x) = zone_x(Zone::Plot, &e, e.client_x()) {
                this.dispatch.emit(Action::ZoomAt {
                    anchor_px: x,
                    factor: 2.0,
                });
            }
        });
        let this = self.clone();
        let key = Callback::from(move |e: KeyboardEvent| this.key(&e));
        let this = self.clone();
        let hover = Callback::from(move |e: Event| this.hover(&e));
        let this = Rc::downgrade(self);
        let drawing = Callback::from(move |(surface, scale): (Surface, TimeScale)| {
            if let Some(input) = this.upgrade() {
                input.drawing(surface, scale);
            }
        });
        Gestures {
            pointer,
            wheel,
            click,
            dblclick,
            key,
            hover,
            drawing,
        }
    }

    /// The callback the buttons send their actions through: a click that
    /// ends a drag begun on a button or a badge is not a click on it.
    pub fn send(self: &Rc<Self>) -> Callback<Action> {
        let this = self.clone();
        Callback::from(move |action: Action| {
            #[cfg(feature = "crash-test")]
            crate::crash::point(crate::crash::Point::Callback);
            let clicked = matches!(
                action,
                Action::Open(_) | Action::Show(_) | Action::ShowRange { .. } | Action::Readout(_)
            );
            if clicked && std::mem::take(&mut this.gesture.borrow_mut().dragged) {
                return;
            }
            this.dispatch.emit(action);
        })
    }

    /// Sends the gathered pan and zoom at the next animation frame (once,
    /// however many calls).
    fn schedule(self: &Rc<Self>) {
        if self.frame.frame.borrow().is_some() {
            return;
        }
        let this = Rc::downgrade(self);
        let frame = gloo_render::request_animation_frame(move |_| {
            let Some(input) = this.upgrade() else {
                return;
            };
            input.frame.frame.borrow_mut().take();
            let dx_px = input.frame.pan.replace(0.0);
            if dx_px != 0.0 {
                input.frame.in_flight_px.borrow_mut().push(dx_px);
                input.dispatch.emit(Action::PanBy { dx_px });
            }
            if let Some((anchor_px, factor)) = input.frame.zoom.take() {
                input.dispatch.emit(Action::ZoomAt { anchor_px, factor });
            }
        });
        *self.frame.frame.borrow_mut() = Some(frame);
    }

    fn wheel(self: &Rc<Self>, zone: Zone, e: &WheelEvent) {
        if self.modifier_only && !(e.ctrl_key() || e.meta_key()) {
            return;
        }
        let Some(mut x) = zone_x(zone, e, e.client_x()) else {
            return;
        };
        e.prevent_default();
        if zone == Zone::Chart {
            // The chart may have its own window: zoom about its day.
            let s = self.state.borrow().clone();
            x = s.scale.map(s.chart_scale_or_window().unmap(x));
        }
        let unit = match e.delta_mode() {
            1 => 16.0,
            2 => 400.0,
            _ => 1.0,
        };
        let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
        if dx.abs() > dy.abs() {
            self.frame.pan.set(self.frame.pan.get() - dx);
        } else {
            let f = self.frame.zoom.get().map_or(1.0, |(_, f)| f);
            self.frame.zoom.set(Some((x, f * wheel_factor(dy))));
        }
        self.schedule();
    }

    /// A click in the plot: on a mark, open it.
    fn plot_click(&self, e: &MouseEvent) {
        #[cfg(feature = "crash-test")]
        crate::crash::point(crate::crash::Point::Callback);
        // A drag that began on a mark ends with a click on it: the drag
        // was what the reader meant.
        if std::mem::take(&mut self.gesture.borrow_mut().dragged) {
            return;
        }
        if let Some(i) = closest(e, "[data-index]").and_then(|el| index_attr(&el, "data-index")) {
            e.stop_propagation();
            self.dispatch.emit(Action::Open(i));
        }
    }

    /// Hovering or focusing a chart point reads out its number and source.
    fn hover(&self, e: &Event) {
        let point = closest(e, "[data-point]").and_then(|el| index_attr(&el, "data-point"));
        if point.is_some() && point != self.state.borrow().chart.readout {
            self.dispatch.emit(Action::Readout(point));
        }
    }

    fn key(&self, e: &KeyboardEvent) {
        // A click from the keyboard follows; it is the reader's.
        self.gesture.borrow_mut().dragged = false;
        // On a chart point the arrows walk its series; the focus reads the
        // point out (see `hover`) and makes it the series' tab stop.
        let to = closest(e, ".mt-point").and_then(|p| neighbour_point(&p, &e.key()));
        if let Some(to) = to.and_then(|to| to.dyn_into::<web_sys::SvgElement>().ok()) {
            e.prevent_default();
            let _ = to.focus();
            return;
        }
        let on_event = closest(e, "[data-index]").and_then(|el| index_attr(&el, "data-index"));
        let in_plot = target_element(e).is_some_and(|el| el.matches(".mt-plot").unwrap_or(false));
        let action = key_action(&self.state.borrow(), &e.key(), on_event, in_plot);
        if let Some(action) = action {
            e.prevent_default();
            self.dispatch.emit(action);
        }
    }

    fn pointer_down(self: &Rc<Self>, zone: Zone, e: &PointerEvent) {
        // A new press: whatever the last one did, its click has passed.
        self.gesture.borrow_mut().dragged = false;
        if e.pointer_type() == "mouse" && e.button() != 0 {
            return;
        }
        let Some(x) = zone_x(zone, e, e.client_x()) else {
            return;
        };
        let mut g = self.gesture.borrow_mut();
        if g.pointers.is_empty() {
            g.travel_px = 0.0;
            g.zone = Some(zone);
        }
        g.pointers.retain(|(id, _)| *id != e.pointer_id());
        g.pointers.push((e.pointer_id(), x));
        let pinch = g.pointers.len() >= 2;
        drop(g);
        if pinch {
            // A second finger: the drag so far is sent before the pinch
            // zooms around the fingers.
            let mut slide = self.slide.borrow_mut();
            self.send_slide(&mut slide);
            self.show(&mut slide);
        }
        if zone != Zone::Plot {
            capture(zone, e);
            self.dispatch.emit(Action::Brush(Some(Brush {
                from_px: x,
                to_px: x,
                overview: zone == Zone::Overview,
            })));
        }
    }

    fn pointer_move(self: &Rc<Self>, zone: Zone, e: &PointerEvent) {
        let s = self.state.borrow().clone();
        let mut g = self.gesture.borrow_mut();
        let here = zone_x(zone, e, e.client_x());
        let Some(at) = g.pointers.iter().position(|(id, _)| *id == e.pointer_id()) else {
            drop(g);
            // Hovering the chart: name the nearest event marker.
            if let (Zone::Chart, Some(x)) = (zone, here) {
                let near = marker_near(&s, x);
                if near != s.chart.marker {
                    self.dispatch.emit(Action::Marker(near));
                }
            }
            return;
        };
        // Positions relative to the zone the gesture started in.
        let last = g.pointers.get(at).map_or(0.0, |p| p.1);
        let x = match here {
            Some(x) if g.zone == Some(zone) => x,
            _ => last + f64::from(e.movement_x()),
        };
        g.travel_px += (x - last).abs();
        if let Some(p) = g.pointers.get_mut(at) {
            p.1 = x;
        }
        let action = if g.zone != Some(Zone::Plot) {
            s.chart
                .brush
                .map(|b| Action::Brush(Some(Brush { to_px: x, ..b })))
        } else if g.pointers.len() >= 2 {
            // Pinch: around the finger that did not move, so the day under
            // each finger stays under it.
            g.pointers
                .iter()
                .find(|(id, _)| *id != e.pointer_id())
                .map(|&(_, other)| Action::ZoomAt {
                    anchor_px: other,
                    factor: (x - other).abs().max(1.0) / (last - other).abs().max(1.0),
                })
        } else {
            if g.travel_px > 3.0 {
                capture(Zone::Plot, e);
                drop(g);
                self.slide_by(e, x - last, s.scale.width_px);
                return;
            }
            None
        };
        drop(g);
        if let Some(action) = action {
            self.dispatch.emit(action);
        }
    }

    /// Moves the drawings by `dx_px` with a transform; past a quarter of
    /// the width, sends the pan so far (each surface keeps its transform
    /// until it is drawn for the new window, see [`Input::drawing`]). With
    /// no lanes (the phone's rows), pans by laying out each frame.
    fn slide_by(self: &Rc<Self>, e: &PointerEvent, dx_px: f64, width_px: f64) {
        let mut slide = self.slide.borrow_mut();
        if slide.stale || slide.surfaces.is_empty() {
            self.regroup(e, &mut slide);
        }
        if !slide.surfaces.iter().any(|s| s.1 == Surface::Lanes) {
            self.send_slide(&mut slide);
            for (el, _, _) in slide.surfaces.drain(..) {
                let _ = el.style().set_property("transform", "");
            }
            drop(slide);
            self.frame.pan.set(self.frame.pan.get() + dx_px);
            self.schedule();
            return;
        }
        slide.offset_px += dx_px;
        if slide.offset_px.abs() > width_px * 0.25 {
            self.send_slide(&mut slide);
        }
        self.show(&mut slide);
    }

    /// The groups that move now: a re-render may have made or taken some
    /// (the chart given its own window no longer moves with the lanes).
    /// A group kept keeps the window it was drawn for; a new one was drawn
    /// for the state's; one let go loses its transform.
    fn regroup(&self, e: &Event, slide: &mut Slide) {
        let scale = self.state.borrow().scale;
        let now = surfaces(e);
        for (el, _, _) in &slide.surfaces {
            if !now.iter().any(|(n, _)| n == el) {
                let _ = el.style().set_property("transform", "");
            }
        }
        let drawn = |el: &web_sys::SvgElement| {
            slide
                .surfaces
                .iter()
                .find(|s| &s.0 == el)
                .map_or(scale, |s| s.2)
        };
        let surfaces = now
            .into_iter()
            .map(|(el, surface)| {
                let at = drawn(&el);
                (el, surface, at)
            })
            .collect();
        slide.surfaces = surfaces;
        slide.stale = false;
    }

    /// Sends the drag's unsent pixels as a pan at the next frame.
    fn send_slide(self: &Rc<Self>, slide: &mut Slide) {
        let dx = std::mem::take(&mut slide.offset_px);
        if dx != 0.0 {
            self.frame.pan.set(self.frame.pan.get() + dx);
            self.schedule();
        }
    }

    /// Sets each moving group's transform: the pixels not yet sent, the
    /// pans sent and not yet applied, and how far the state's window lies
    /// from the one its surface shows (for a surface drawn at another zoom,
    /// about to be drawn again, that last is left out). Once everything is
    /// sent, applied and drawn, the drag's groups are let go.
    fn show(&self, slide: &mut Slide) {
        let scale = self.state.borrow().scale;
        let unapplied_px =
            self.frame.pan.get() + self.frame.in_flight_px.borrow().iter().sum::<f64>();
        for (el, _, drawn) in &slide.surfaces {
            let px_per_day = drawn.px_per_day();
            let day_px = if px_per_day == scale.px_per_day() {
                (drawn.start_day - scale.start_day) * px_per_day
            } else {
                0.0
            };
            let dx = slide.offset_px + unapplied_px + day_px;
            let _ = el.style().set_property("transform", &translate_x(dx));
        }
        let drawn_now = slide.surfaces.iter().all(|s| s.2 == scale);
        if slide.offset_px == 0.0 && unapplied_px == 0.0 && drawn_now {
            slide.surfaces.clear();
        }
    }

    /// A surface is being drawn for `scale` (from its component's render:
    /// the new drawing goes in in the same task, so no frame shows it with
    /// the old transform).
    fn drawing(&self, surface: Surface, scale: TimeScale) {
        let Ok(mut slide) = self.slide.try_borrow_mut() else {
            return;
        };
        if slide.surfaces.is_empty() {
            return;
        }
        for s in slide.surfaces.iter_mut().filter(|s| s.1 == surface) {
            s.2 = scale;
        }
        slide.stale = true;
        self.show(&mut slide);
    }

    /// After an action is applied to the state (`panned_px` for a pan: the
    /// frame's pan of that size is then no longer in flight; clamped at the
    /// data's edge, it moved the window less, or not at all, and renders
    /// nothing), the transforms are set from the state.
    pub fn applied(&self, panned_px: Option<f64>) {
        if let Some(dx_px) = panned_px {
            let mut in_flight = self.frame.in_flight_px.borrow_mut();
            if let Some(at) = in_flight.iter().position(|&x| x == dx_px) {
                in_flight.remove(at);
            }
        }
        if let Ok(mut slide) = self.slide.try_borrow_mut() {
            if !slide.surfaces.is_empty() {
                slide.stale = true;
                self.show(&mut slide);
            }
        }
    }

    fn pointer_up(self: &Rc<Self>, e: &PointerEvent) {
        {
            let mut slide = self.slide.borrow_mut();
            self.send_slide(&mut slide);
            self.show(&mut slide);
        }
        {
            let mut g = self.gesture.borrow_mut();
            let tracked = g.pointers.iter().any(|(id, _)| *id == e.pointer_id());
            g.pointers.retain(|(id, _)| *id != e.pointer_id());
            g.dragged = tracked && g.travel_px > 3.0;
        }
        let s = self.state.borrow().clone();
        if let Some(b) = s.chart.brush {
            self.dispatch.emit(Action::Brush(None));
            let scale = if b.overview {
                TimeScale::fit(&s.limits, s.scale.width_px)
            } else {
                s.chart_scale_or_window()
            };
            let (a, z) = (b.from_px.min(b.to_px), b.from_px.max(b.to_px));
            if z - a > 4.0 {
                self.dispatch.emit(Action::ShowRange {
                    start_day: scale.unmap(a),
                    end_day: scale.unmap(z),
                });
            }
        }
    }
}

/// The point of its series `key` moves to from the chart point `point`:
/// the next or previous (the arrows), the first or last (Home, End).
fn neighbour_point(point: &web_sys::Element, key: &str) -> Option<web_sys::Element> {
    let points = point
        .parent_element()?
        .query_selector_all(":scope > .mt-point")
        .ok()?;
    let last = points.length().checked_sub(1)?;
    let at = (0..=last).find(|&i| point.is_same_node(points.item(i).as_ref()))?;
    let to = match key {
        "ArrowRight" | "ArrowDown" => (at < last).then_some(at + 1)?,
        "ArrowLeft" | "ArrowUp" => at.checked_sub(1)?,
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    points.item(to)?.dyn_into().ok()
}

/// The action a key asks for, on an event mark (`on_event`), on the plot
/// itself (`in_plot`), or elsewhere.
fn key_action(s: &State, key: &str, on_event: Option<usize>, in_plot: bool) -> Option<Action> {
    let w = s.scale.width_px;
    Some(match (key, on_event) {
        ("Escape", _) if s.selected.is_some() => Action::Close,
        ("Enter" | " ", Some(i)) => Action::Open(i),
        (_, None) if !in_plot => return None,
        ("+" | "=", _) => Action::ZoomCentre { factor: 1.5 },
        ("-" | "_", _) => Action::ZoomCentre { factor: 1.0 / 1.5 },
        ("ArrowRight", Some(_)) => Action::Step(Step::Next),
        ("ArrowLeft", Some(_)) => Action::Step(Step::Prev),
        ("ArrowUp", Some(_)) => Action::Step(Step::LaneUp),
        ("ArrowDown", Some(_)) => Action::Step(Step::LaneDown),
        ("Home", Some(_)) => Action::Step(Step::First),
        ("End", Some(_)) => Action::Step(Step::Last),
        ("ArrowRight", None) => Action::PanBy { dx_px: -w * 0.2 },
        ("ArrowLeft", None) => Action::PanBy { dx_px: w * 0.2 },
        ("Home", None) => Action::ToEdge { start: true },
        ("End", None) => Action::ToEdge { start: false },
        ("Enter" | "ArrowDown", None) => match s.focused {
            Some(f) => Action::Focus(f),
            None => Action::Step(Step::Next),
        },
        _ => return None,
    })
}
