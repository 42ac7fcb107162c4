//! Data is always text: nothing in the crate or the shipped scripts and
//! pages parses strings as HTML or code, sets inline handlers, or builds
//! style strings. (This file names the patterns; it scans src/ and static/.)
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path
                .file_name()
                .is_some_and(|n| n != "data" && n != "node_modules")
            {
                files(&path, out);
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("rs" | "js" | "mjs" | "html" | "css")
        ) {
            out.push(path);
        }
    }
}

/// (pattern, why it is forbidden)
const FORBIDDEN: &[(&str, &str)] = &[
    ("innerHTML", "parses a string as HTML"),
    ("outerHTML =", "parses a string as HTML"),
    ("inner_html", "parses a string as HTML"),
    ("insertAdjacentHTML", "parses a string as HTML"),
    ("document.write", "parses a string as HTML"),
    ("from_html_unchecked", "renders a string as HTML"),
    ("VRaw", "renders a string as HTML"),
    ("eval(", "runs a string as code"),
    ("new Function", "runs a string as code"),
    ("setTimeout(\"", "runs a string as code"),
    ("set_attribute(\"style\"", "builds a style attribute"),
    ("setAttribute(\"style\"", "builds a style attribute"),
    ("style={", "builds a style attribute in html!"),
    (
        "style=\"",
        "an inline style attribute (blocked by a strict style-src)",
    ),
    ("cssText", "builds a style string"),
];

#[test]
fn no_html_parsing_code_strings_or_style_strings_anywhere() {
    let mut all = Vec::new();
    files(Path::new("src"), &mut all);
    files(Path::new("static"), &mut all);
    files(Path::new("scripts"), &mut all);
    all.push(PathBuf::from("index.html"));
    assert!(all.len() > 20, "scanned {} files", all.len());
    let mut hits = Vec::new();
    for path in &all {
        let text = fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            for (pattern, why) in FORBIDDEN {
                if line.contains(pattern) {
                    hits.push(format!("{}:{}: `{pattern}` {why}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn pages_have_no_inline_scripts_or_event_handler_attributes() {
    for page in ["index.html", "static/embed.html"] {
        let text = fs::read_to_string(page).unwrap();
        let lower = text.to_ascii_lowercase();
        for (i, _) in lower.match_indices("<script") {
            let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
            assert!(
                lower[i..tag_end].contains("src="),
                "{page}: inline <script> at byte {i}"
            );
        }
        for attr in [
            " onclick=",
            " onload=",
            " onerror=",
            " onmouseover=",
            " onsubmit=",
            "javascript:",
        ] {
            assert!(!lower.contains(attr), "{page}: {attr}");
        }
    }
}
