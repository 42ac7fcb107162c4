//! The command line, a thin shell over the library's `core` (the same
//! reading and validation the widget runs, so the messages match it word
//! for word) and `render` (the same drawing):
//!
//! ```text
//! movement-timeline check FILE.json
//! movement-timeline prerender FILE.json [--width PX] [--today YYYY-MM-DD]
//! movement-timeline import --organisations O.csv --events E.csv [--membership M.csv]
//! ```
//!
//! `check` prints `FILE.json:LINE:COL: path: message` for an error and exits
//! with 1; warnings are printed as `FILE.json: path: warning: message`.
//! `import` turns spreadsheet exports into the data file (JSON on standard
//! output), or prints every problem as `FILE.csv:ROW:COL: column: message`
//! and exits with 1 (README "Use your own data").
//! `prerender` prints the static rendering the full page shows before the
//! WebAssembly arrives (and readers without it keep).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use movement_timeline::core::data::{parse_dataset, Dataset};
    use movement_timeline::core::date::days_from_civil;
    use movement_timeline::core::error::DataError;
    use movement_timeline::core::markup::Markup;
    use movement_timeline::core::url_state::parse_url_date;
    use movement_timeline::render;
    use movement_timeline::state::{Action, State, Theme};
    use std::rc::Rc;

    const USAGE: &str = "usage:
  movement-timeline check FILE.json
  movement-timeline prerender FILE.json [--width PX] [--today YYYY-MM-DD]
  movement-timeline import --organisations O.csv --events E.csv [--membership M.csv]";

    /// Runs the command; the exit code.
    pub fn run(args: Vec<String>) -> i32 {
        let result = match args.first().map(String::as_str) {
            Some("check") => check(&args[1..]),
            Some("prerender") => prerender(&args[1..]),
            Some("import") => import(&args[1..]),
            Some("--help" | "-h") => {
                println!("{USAGE}");
                Ok(0)
            }
            _ => Err(USAGE.to_owned()),
        };
        match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("{message}");
                2
            }
        }
    }

    fn read(path: &str) -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
    }

    /// `FILE:LINE:COL: path: message (id "x")` (the parts that are known).
    pub fn error_line(file: &str, e: &DataError) -> String {
        let mut out = String::from(file);
        if let (Some(line), Some(column)) = (e.line, e.column) {
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(": ");
        if !e.path.is_empty() {
            out.push_str(&e.path);
            out.push_str(": ");
        }
        out.push_str(&e.message);
        if let Some(id) = &e.item_id {
            out.push_str(&format!(" (id \"{id}\")"));
        }
        out
    }

    fn import(args: &[String]) -> Result<i32, String> {
        let mut files: [Option<(String, String)>; 3] = [None, None, None];
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let slot = match flag.as_str() {
                "--organisations" => 0,
                "--events" => 1,
                "--membership" => 2,
                _ => return Err(USAGE.to_owned()),
            };
            let path = it.next().ok_or_else(|| USAGE.to_owned())?;
            files[slot] = Some((path.clone(), read(path)?));
        }
        let [Some(orgs), Some(events), counts] = files else {
            return Err(USAGE.to_owned());
        };
        fn pair(f: &(String, String)) -> (&str, &str) {
            (f.0.as_str(), f.1.as_str())
        }
        match movement_timeline::core::import::import(
            pair(&orgs),
            pair(&events),
            counts.as_ref().map(pair),
        ) {
            Ok(json) => {
                print!("{json}");
                Ok(0)
            }
            Err(problems) => {
                for p in problems {
                    eprintln!("{p}");
                }
                Ok(1)
            }
        }
    }

    fn check(args: &[String]) -> Result<i32, String> {
        let [file] = args else {
            return Err(USAGE.to_owned());
        };
        let text = read(file)?;
        match parse_dataset(&text) {
            Ok(data) => {
                for w in &data.warnings {
                    println!("{file}: {}: warning: {}", w.path, w.message);
                }
                println!(
                    "{file}: {} organisations, {} events, {} membership counts",
                    data.organisations.len(),
                    data.events.len(),
                    data.membership.len()
                );
                Ok(0)
            }
            Err(e) => {
                println!("{}", error_line(file, &e));
                Ok(1)
            }
        }
    }

    /// The value after `--name`, if given.
    fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(String::as_str)
    }

    /// The widget as the page first shows it at `width_px`: the shipped
    /// view, fitted, in English, with the automatic theme.
    fn view(data: &Rc<Dataset>, today: i32, width_px: f64) -> State {
        let s = Rc::new(State::new(today, Theme::Auto))
            .apply(Action::Resize { width_px })
            .apply(Action::Loaded(data.clone()));
        (*s).clone()
    }

    /// Drops the attributes only the live widget may carry: test ids (one
    /// widget per page for tests and scripts) and ids.
    fn strip_ids(markup: &str) -> String {
        let mut out = String::with_capacity(markup.len());
        let mut rest = markup;
        while let Some(at) = [" data-testid=", " id="]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min()
        {
            out.push_str(&rest[..at.0]);
            let value = &rest[at.0 + at.1..];
            let quote = value.chars().next().unwrap_or('"');
            let end = value[1..].find(quote).map_or(value.len(), |e| e + 2);
            rest = &value[end..];
        }
        out.push_str(rest);
        out
    }

    fn prerender(args: &[String]) -> Result<i32, String> {
        let Some(file) = args.first().filter(|a| !a.starts_with("--")) else {
            return Err(USAGE.to_owned());
        };
        let width: f64 = option(args, "--width")
            .map(|w| w.parse().map_err(|_| format!("--width {w}: not a number")))
            .transpose()?
            .unwrap_or(1230.0);
        let today = match option(args, "--today") {
            Some(d) => parse_url_date(d, false).ok_or(format!("--today {d}: not a date"))?,
            None => today(),
        };
        let text = read(file)?;
        let data = Rc::new(parse_dataset(&text).map_err(|e| error_line(file, &e))?);
        let mut m = Markup::new(false);
        // Wide containers get the lanes drawn at `width` (scaled down to fit
        // narrower ones); narrow ones the rows, as the widget lays them out.
        m.raw("<div class='mt-prerender mt-prerender-wide' inert>");
        render::widget(&mut m, &view(&data, today, width), true);
        m.raw("</div><div class='mt-prerender mt-prerender-narrow' inert>");
        render::widget(&mut m, &view(&data, today, 360.0), true);
        m.raw("</div><noscript>");
        let mut listed = view(&data, today, width);
        listed.list_open = true;
        render::events_table(&mut m, &listed, &data);
        m.raw("</noscript>");
        println!("{}", strip_ids(&m.out));
        Ok(0)
    }

    /// Today in UTC, from the system clock.
    fn today() -> i32 {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        i32::try_from(secs / 86_400).unwrap_or_else(|_| days_from_civil(2026, 1, 1))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn test_ids_and_ids_are_stripped_in_either_quotes() {
            assert_eq!(
                strip_ids("<a data-testid='x' id=\"y\" class='c'>t</a>"),
                "<a class='c'>t</a>"
            );
        }

        #[test]
        fn an_error_line_names_file_position_path_and_id() {
            let e = DataError::at("events[2].date", "not a date")
                .item("x")
                .line_column(4, 7);
            assert_eq!(
                error_line("d.json", &e),
                "d.json:4:7: events[2].date: not a date (id \"x\")"
            );
            assert_eq!(
                error_line("d.json", &DataError::whole("empty")),
                "d.json: empty"
            );
        }
    }
}
