//! Markup text (written by `core::markup`) as Yew's virtual DOM, so Yew
//! patches the elements in place: no HTML string parsing (nothing for the browser
//! to parse, so strict CSP and Trusted Types hold), focus, hover and the
//! search box's text kept across renders.

use crate::core::markup::{read, Piece};
use indexmap::IndexMap;
use std::rc::Rc;
use yew::virtual_dom::{Key, VList, VNode, VTag, VText};
use yew::{AttrValue, Html};

struct Element {
    tag: VTag,
    attributes: IndexMap<AttrValue, AttrValue>,
    children: Vec<VNode>,
}

fn finish(e: Element) -> VNode {
    let mut tag = e.tag;
    tag.set_attributes(e.attributes);
    tag.add_children(e.children);
    VNode::VTag(Rc::new(tag))
}

/// The virtual DOM of `markup`.
pub fn html(markup: &str) -> Html {
    let mut open: Vec<Element> = Vec::new();
    let mut top: Vec<VNode> = Vec::new();
    read(markup, &mut |piece| match piece {
        Piece::Open(tag) => open.push(Element {
            tag: VTag::new(tag),
            attributes: IndexMap::new(),
            children: Vec::new(),
        }),
        Piece::Attr(name, value) => {
            if let Some(e) = open.last_mut() {
                if name == "key" {
                    e.tag.key = Some(Key::from(value));
                } else if name == "value" && e.tag.tag() == "input" {
                    // A property Yew keeps in step, not an attribute: what
                    // the reader types stays as it is.
                    e.tag.set_value(value);
                } else {
                    e.attributes.insert(name.into(), value.into());
                }
            }
        }
        Piece::Children => {}
        Piece::Text(text) => {
            let node = VNode::VText(VText::new(text));
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
    VNode::VList(Rc::new(VList::with_children(top, None)))
}
