//! Markup text (written by `core::markup`) as Yew's virtual DOM, so Yew
//! patches the elements in place: no HTML string parsing (nothing for the browser
//! to parse, so strict CSP and Trusted Types hold), focus, hover and the
//! search box's text kept across renders.

use crate::core::markup::{read, Piece, ATTRIBUTE_NAMES};
use std::rc::Rc;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Key, VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

struct Element {
    tag: VTag,
    /// Values by place in [`ATTRIBUTE_NAMES`], as long as the last one set.
    slots: Vec<Option<AttributeOrProperty>>,
    children: Vec<VNode>,
}

fn finish(e: Element) -> VNode {
    let mut tag = e.tag;
    let mut children = e.children;
    key_siblings(&mut children);
    // Yew diffs these slot by slot when the previous render used the same
    // prefix of the list (the same element, as a rule).
    tag.set_attributes(Attributes::Dynamic {
        keys: &ATTRIBUTE_NAMES[..e.slots.len()],
        values: e.slots.into_boxed_slice(),
    });
    tag.add_children(children);
    VNode::VTag(Rc::new(tag))
}

/// Where some children carry keys (marks, ticks, points), the others get
/// keys too, from their tag and place among the unkeyed: Yew diffs a list
/// by key only when every child has one, and by position otherwise, which
/// rewrote or recreated every mark after an inserted one on each frame of
/// a zoom (most of a frame's time at 10,000 events).
fn key_siblings(children: &mut [VNode]) {
    let keyed = children
        .iter()
        .any(|c| matches!(c, VNode::VTag(t) if t.key.is_some()));
    if !keyed || children.iter().any(|c| !matches!(c, VNode::VTag(_))) {
        return;
    }
    // A repeated key would make Yew's keyed diff panic: then the list stays
    // as it is (diffed by position). `tests/render.rs` keeps keys unique.
    let keys: Vec<&str> = children
        .iter()
        .filter_map(|c| match c {
            VNode::VTag(t) => t.key.as_ref().map(|k| k.as_ref()),
            _ => None,
        })
        .collect();
    let key = |i: usize| keys.get(i).copied().unwrap_or("");
    let order = crate::core::order::permutation(keys.len(), &|a, b| key(a).cmp(key(b)));
    if order
        .windows(2)
        .any(|w| key(w[0] as usize) == key(w[1] as usize))
    {
        return;
    }
    let mut n = 0u32;
    for child in children.iter_mut() {
        if let VNode::VTag(rc) = child {
            if rc.key.is_none() {
                n += 1;
                if let Some(t) = Rc::get_mut(rc) {
                    t.key = Some(Key::from(["\u{1}", t.tag(), &n.to_string()].concat()));
                }
            }
        }
    }
}

/// The element names the widget draws, shared likewise.
const TAGS: [&str; 22] = [
    "g", "rect", "text", "path", "line", "circle", "title", "svg", "button", "span", "div", "p",
    "li", "ul", "ol", "td", "th", "tr", "dl", "dt", "dd", "section",
];

/// `name` as a shared string when it is one of `known`, else a copy.
fn shared(known: &[&'static str], name: &str) -> AttrValue {
    match known.iter().find(|n| **n == name) {
        Some(n) => AttrValue::Static(n),
        None => name.into(),
    }
}

/// The virtual DOM of `markup`.
pub fn html(markup: &str) -> Html {
    let mut open: Vec<Element> = Vec::new();
    let mut top: Vec<VNode> = Vec::new();
    read(markup, &mut |piece| match piece {
        Piece::Open(tag) => open.push(Element {
            tag: VTag::new(shared(&TAGS, tag)),
            slots: Vec::new(),
            children: Vec::new(),
        }),
        Piece::Attr(name, value) => {
            if let Some(e) = open.last_mut() {
                if name == "key" {
                    e.tag.key = Some(Key::from(&*value));
                } else if name == "value" && e.tag.tag() == "input" {
                    // A property Yew keeps in step, not an attribute: what
                    // the reader types stays as it is.
                    e.tag.set_value(AttrValue::from(&*value));
                } else if let Some(i) = ATTRIBUTE_NAMES.iter().position(|n| *n == name) {
                    // Every name the views write is listed (tests/render.rs).
                    if e.slots.len() <= i {
                        e.slots.resize_with(i + 1, || None);
                    }
                    e.slots[i] = Some(AttributeOrProperty::Attribute(AttrValue::from(&*value)));
                }
            }
        }
        Piece::Children => {}
        Piece::Text(text) => {
            let node = VNode::VText(VText::new(AttrValue::from(&*text)));
            match open.last_mut() {
                Some(e) => e.children.push(node),
                None => top.push(node),
            }
        }
        Piece::Close => {
            if let Some(e) = open.pop() {
                let node = finish(e);
                match open.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => top.push(node),
                }
            }
        }
    });
    while let Some(e) = open.pop() {
        let node = finish(e);
        match open.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
    }
    key_siblings(&mut top);
    VNode::VList(Rc::new(VList::with_children(top, None)))
}
