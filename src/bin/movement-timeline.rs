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
//! `check` prints `FILE.json:LINE:COL: path: message` for every error and
//! exits with 1; warnings are printed as `FILE.json: path: warning: message`.
//! `import` turns spreadsheet exports into the data file (JSON on standard
//! output), or prints every problem as `FILE.csv:ROW:COL: column: message`
//! and exits with 1 (README "Use your own data").
//! `prerender` prints the static rendering the full page shows before the
//! WebAssembly arrives (and readers without it keep).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args_os().skip(1)));
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use movement_timeline::components::server::{self, Prerender, PrerenderProps};
    use movement_timeline::core::data::{Dataset, Limits};
    use movement_timeline::core::date::days_from_civil;
    use movement_timeline::core::error::DataError;
    use movement_timeline::core::read::parse_dataset;
    use movement_timeline::core::read::read_json;
    use movement_timeline::core::url_state::parse_url_date;

    use movement_timeline::state::{Action, Shared, State, Theme};
    use std::ffi::OsString;
    use std::rc::Rc;

    const USAGE: &str = "usage:
  movement-timeline check FILE.json
  movement-timeline prerender FILE.json [--width PX] [--today YYYY-MM-DD]
  movement-timeline import --organisations O.csv --events E.csv [--membership M.csv]";

    /// What the command line asks for.
    #[derive(Debug, PartialEq)]
    enum Command {
        Help,
        Check(String),
        Prerender {
            file: String,
            width: Option<String>,
            today: Option<String>,
        },
        Import {
            organisations: String,
            events: String,
            membership: Option<String>,
        },
    }

    /// Runs the command; the exit code: 0 done, 1 problems in the data, 2
    /// a usage error or a file that cannot be read.
    pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
        let result = match parse(args) {
            Ok(Command::Help) => {
                println!("{USAGE}");
                Ok(0)
            }
            Ok(Command::Check(file)) => check(&file),
            Ok(Command::Prerender { file, width, today }) => {
                prerender(&file, width.as_deref(), today.as_deref())
            }
            Ok(Command::Import {
                organisations,
                events,
                membership,
            }) => import(&organisations, &events, membership.as_deref()),
            Err(_) => Err(USAGE.to_owned()),
        };
        match result {
            Ok(code) => code,
            Err(message) => {
                eprintln!("{message}");
                2
            }
        }
    }

    /// The command and its arguments (`-h`/`--help` anywhere asks for the
    /// usage); an error for anything the usage does not allow.
    fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, lexopt::Error> {
        use lexopt::prelude::*;
        let mut p = lexopt::Parser::from_args(args);
        let command = match p.next()? {
            Some(Value(command)) => command.string()?,
            Some(Short('h') | Long("help")) => return Ok(Command::Help),
            Some(arg) => return Err(arg.unexpected()),
            None => return Err("no command".into()),
        };
        // Every option takes a value; at most one file is named.
        let mut file = None;
        let mut options: Vec<(String, String)> = Vec::new();
        while let Some(arg) = p.next()? {
            match arg {
                Short('h') | Long("help") => return Ok(Command::Help),
                Long(name) => {
                    let name = name.to_owned();
                    options.push((name, p.value()?.string()?));
                }
                Value(value) if file.is_none() && command != "import" => {
                    file = Some(value.string()?);
                }
                arg => return Err(arg.unexpected()),
            }
        }
        // The last of an option given twice counts.
        let mut take = |name: &str| {
            let value = options
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone());
            options.retain(|(n, _)| n != name);
            value
        };
        let command = match (command.as_str(), file) {
            ("check", Some(file)) => Command::Check(file),
            ("prerender", Some(file)) => Command::Prerender {
                file,
                width: take("width"),
                today: take("today"),
            },
            ("import", None) => Command::Import {
                organisations: take("organisations").ok_or("no --organisations")?,
                events: take("events").ok_or("no --events")?,
                membership: take("membership"),
            },
            (command, _) => {
                return Err(format!("unknown command or missing file: {command}").into())
            }
        };
        match options.first() {
            Some((name, _)) => Err(format!("unknown option --{name}").into()),
            None => Ok(command),
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

    fn import(organisations: &str, events: &str, membership: Option<&str>) -> Result<i32, String> {
        let orgs = read(organisations)?;
        let evs = read(events)?;
        let counts = membership.map(read).transpose()?;
        match movement_timeline::core::import::import(
            (organisations, &orgs),
            (events, &evs),
            membership.zip(counts.as_deref()),
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

    fn check(file: &str) -> Result<i32, String> {
        let text = read(file)?;
        match read_json(&text, Limits::default()) {
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
            Err(errors) => {
                for e in &errors {
                    println!("{}", error_line(file, e));
                }
                Ok(1)
            }
        }
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

    fn prerender(file: &str, width: Option<&str>, date: Option<&str>) -> Result<i32, String> {
        let width: f64 = width
            .map(|w| w.parse().map_err(|_| format!("--width {w}: not a number")))
            .transpose()?
            .unwrap_or(1230.0);
        let today = match date {
            Some(d) => parse_url_date(d, false).ok_or(format!("--today {d}: not a date"))?,
            None => today(),
        };
        let text = read(file)?;
        let data = Rc::new(parse_dataset(&text).map_err(|e| error_line(file, &e))?);
        // Wide containers get the lanes drawn at `width` (scaled down to fit
        // narrower ones); narrow ones the rows, as the widget lays them out.
        // The list for readers without JavaScript holds every event: they
        // cannot widen the window.
        let mut listed = view(&data, today, width);
        listed.scale = listed.whole();
        listed.list_open = true;
        let html = server::render::<Prerender>(PrerenderProps {
            wide: Shared::new(view(&data, today, width)),
            narrow: Shared::new(view(&data, today, 360.0)),
            listed: Shared::new(listed),
        })
        .ok_or("could not start the renderer")?;
        println!("{}", strip_ids(&html));
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

        fn parsed(args: &[&str]) -> Option<Command> {
            parse(args.iter().map(OsString::from)).ok()
        }

        #[test]
        fn arguments_are_read_in_either_form_and_strictly() {
            assert_eq!(
                parsed(&[
                    "prerender",
                    "--width=800",
                    "d.json",
                    "--today",
                    "2020-01-02"
                ]),
                Some(Command::Prerender {
                    file: "d.json".into(),
                    width: Some("800".into()),
                    today: Some("2020-01-02".into()),
                })
            );
            assert_eq!(
                parsed(&["import", "--events", "e.csv", "--organisations=o.csv"]),
                Some(Command::Import {
                    organisations: "o.csv".into(),
                    events: "e.csv".into(),
                    membership: None,
                })
            );
            assert_eq!(parsed(&["check", "-h"]), Some(Command::Help));
            assert_eq!(
                parsed(&["check", "d.json"]),
                Some(Command::Check("d.json".into()))
            );
            for wrong in [
                &[][..],
                &["check"],
                &["check", "a.json", "b.json"],
                &["check", "a.json", "--width", "3"],
                &["prerender", "a.json", "--width"],
                &["import", "--events", "e.csv"],
                &[
                    "import",
                    "--organisations",
                    "o.csv",
                    "--events",
                    "e.csv",
                    "x.csv",
                ],
                &["frobnicate"],
                &["-x"],
            ] {
                assert_eq!(parsed(wrong), None, "{wrong:?}");
            }
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
