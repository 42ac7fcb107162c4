//! Contrast computed, not judged by eye: the colours the widget's CSS
//! declares (each `--c-*` with its light and dark default) and the
//! organisations' colours, checked against WCAG 2.x: text 4.5:1, marks and
//! focus rings 3:1 against what they sit on, in both themes and every toggle
//! state (a pressed-off toggle shows muted text on the widget background).
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

const CSS: &str = include_str!("../static/timeline.css");
const DATA: &str = include_str!("../static/data/movements.json");

/// `#rrggbb` as linear-light relative luminance (WCAG 2.x).
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    assert_eq!(hex.len(), 6, "a six-digit colour: {hex}");
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn ratio(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `--c-name: var(--mt-name, light-dark(#light, #dark))` of `.mt-root`.
fn palette() -> HashMap<String, (String, String)> {
    let root = &CSS[CSS.find(".mt-root {").unwrap()..];
    let root = &root[..root.find('}').unwrap()];
    let mut out = HashMap::new();
    for line in root
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("--c-"))
    {
        let name = line[4..line.find(':').unwrap()].to_owned();
        let pair = &line[line.find("light-dark(").unwrap() + "light-dark(".len()..];
        let mut parts = pair
            .split(',')
            .map(|p| p.trim().trim_end_matches([')', ';']).trim().to_owned());
        out.insert(name, (parts.next().unwrap(), parts.next().unwrap()));
    }
    out
}

fn org_colours() -> Vec<String> {
    DATA.match_indices("\"color\": \"")
        .map(|(i, m)| DATA[i + m.len()..i + m.len() + 7].to_owned())
        .collect()
}

#[test]
fn the_palette_is_read_from_the_stylesheet() {
    let p = palette();
    for name in [
        "bg",
        "fg",
        "muted",
        "grid",
        "lane-bg",
        "lane-alt",
        "accent",
        "cluster-bg",
        "cluster-fg",
        "error-bg",
        "error-fg",
    ] {
        assert!(p.contains_key(name), "--c-{name} in .mt-root");
    }
    assert!((ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((ratio("#777777", "#ffffff") - 4.48).abs() < 0.01);
}

#[test]
fn text_meets_4_5_to_1_in_both_themes_and_every_toggle_state() {
    let p = palette();
    // (text, background, where)
    let pairs = [
        ("fg", "bg", "body text"),
        ("fg", "lane-bg", "labels on a lane, buttons"),
        ("fg", "lane-alt", "labels on the other lane"),
        ("muted", "bg", "counts, a pressed-off toggle"),
        ("muted", "lane-bg", "axis ticks, chart ticks"),
        ("muted", "lane-alt", "ticks over the other lane"),
        ("accent", "bg", "links"),
        ("cluster-fg", "cluster-bg", "cluster counts"),
        ("error-fg", "error-bg", "the error panel"),
    ];
    let mut low = Vec::new();
    for (theme, pick) in [("light", 0), ("dark", 1)] {
        for (fg, bg, what) in pairs {
            let c = |n: &str| {
                if pick == 0 {
                    p[n].0.clone()
                } else {
                    p[n].1.clone()
                }
            };
            let r = ratio(&c(fg), &c(bg));
            if r < 4.5 {
                low.push(format!(
                    "{theme}: --c-{fg} on --c-{bg} ({what}) is {r:.2}:1"
                ));
            }
        }
    }
    assert!(low.is_empty(), "{low:#?}");
}

#[test]
fn marks_and_focus_rings_meet_3_to_1_against_what_they_sit_on() {
    let p = palette();
    let mut low = Vec::new();
    for (theme, pick) in [("light", 0), ("dark", 1)] {
        let c = |n: &str| {
            if pick == 0 {
                p[n].0.clone()
            } else {
                p[n].1.clone()
            }
        };
        for under in ["lane-bg", "lane-alt", "bg"] {
            for colour in org_colours() {
                let r = ratio(&colour, &c(under));
                if r < 3.0 {
                    low.push(format!(
                        "{theme}: organisation {colour} on --c-{under} is {r:.2}:1"
                    ));
                }
            }
            for ring in ["accent", "fg", "muted"] {
                let r = ratio(&c(ring), &c(under));
                if r < 3.0 {
                    low.push(format!("{theme}: --c-{ring} (focus ring, predecessor marks) on --c-{under} is {r:.2}:1"));
                }
            }
        }
    }
    assert!(low.is_empty(), "{low:#?}");
}

#[test]
fn a_pressed_off_toggle_keeps_its_text_colour_instead_of_fading() {
    let rule = &CSS[CSS.find(".mt-org-toggle[aria-pressed=\"false\"]").unwrap()..];
    let rule = &rule[..rule.find('}').unwrap()];
    assert!(
        !rule.contains("opacity"),
        "opacity would drop the text below 4.5:1: {rule}"
    );
    assert!(rule.contains("color: var(--c-muted)"), "{rule}");
}
