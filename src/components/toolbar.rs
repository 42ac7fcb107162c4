//! The toolbar: zoom, Fit, the list view, export, theme
//! and language.

use super::{act, flag};
use crate::core::align::Align;
use crate::core::export::ExportFormat;
use crate::core::i18n::{self, Lang, Msg};
use crate::state::{Action, Theme};
use yew::prelude::*;

/// Properties of the toolbar: nothing in them moves with the window, so a
/// zoom frame skips it.
#[derive(Properties, Clone, PartialEq)]
pub struct ToolbarProps {
    /// The interface language.
    pub lang: Lang,
    /// The list view is open.
    pub list_open: bool,
    /// The export menu is open.
    pub export_open: bool,
    /// The colour theme.
    pub theme: Theme,
    /// How the lanes are placed in time.
    pub align: Align,
    /// Where the buttons' actions go.
    pub send: Callback<Action>,
}

/// The toolbar. (The heading beside it is the widget's own: it changes
/// with the data, in the same render as the lanes.)
#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let l = props.lang;
    let send = &props.send;
    // Zooming from the buttons keeps the window's centre: the reducer
    // finds it (`anchor_px` below 0 means "the centre").
    let zoom = |factor: f64| act(send, Action::ZoomCentre { factor });
    let founding = props.align == Align::Founding;
    html! {
            // A group, not a `toolbar`: that role promises arrow keys
            // between the buttons, and these are reached by Tab.
            <div class="mt-toolbar" role="group" aria-label={Msg::Controls.text(l)}>
                <button type="button" data-testid="zoom-in" onclick={zoom(2.0)}
                    aria-label={Msg::ZoomIn.text(l)} title={Msg::ZoomIn.text(l)}>{ "+" }</button>
                <button type="button" data-testid="zoom-out" onclick={zoom(0.5)}
                    aria-label={Msg::ZoomOut.text(l)} title={Msg::ZoomOut.text(l)}>{ "−" }</button>
                <button type="button" data-testid="zoom-fit" onclick={act(send, Action::Fit)}
                    title={Msg::FitTitle.text(l)}>{ Msg::Fit.text(l) }</button>
                <button type="button" data-testid="align-toggle"
                    onclick={act(send, Action::SetAlign(if founding { Align::Calendar } else { Align::Founding }))}
                    aria-pressed={flag(founding)} title={Msg::AlignTitle.text(l)}>
                    { Msg::AlignToggle.text(l) }
                </button>
                <button type="button" data-testid="list-toggle" onclick={act(send, Action::ToggleList)}
                    aria-pressed={flag(props.list_open)}
                    title={Msg::ListTitle.text(l)}>{ Msg::List.text(l) }</button>
                { export_menu(l, props.export_open, send) }
                <button type="button" data-testid="theme-toggle" onclick={act(send, Action::CycleTheme)}
                    title={Msg::ThemeTitle.text(l)}>
                    { [Msg::Theme.text(l), ": ", i18n::theme(l, props.theme.as_str())].concat() }
                </button>
                <span class="mt-langs" role="group" aria-label={Msg::Language.text(l)}>
                    { for Lang::ALL.into_iter().map(|lang| html! {
                        <button type="button" data-testid="lang-toggle"
                            onclick={act(send, Action::SetLang(lang, true))}
                            data-lang={lang.code()} lang={lang.code()}
                            aria-pressed={flag(lang == l)}>
                            { lang.code().to_ascii_uppercase() }
                        </button>
                    }) }
                </span>
            </div>
    }
}

/// The Export button and, when `open`, its formats.
fn export_menu(l: Lang, open: bool, send: &Callback<Action>) -> Html {
    html! {
        <span class="mt-export">
            // It shows and hides a group of buttons (not a menu, so no
            // `aria-haspopup`): expanded or not is what it says.
            <button type="button" data-testid="export-menu"
                aria-expanded={flag(open)}
                onclick={act(send, Action::ToggleExportMenu)}>{ Msg::Export.text(l) }</button>
            if open {
                <span class="mt-export-menu" role="group" aria-label={Msg::Export.text(l)}>
                    { for ExportFormat::ALL.into_iter().map(|f| html! {
                        <button type="button" data-format={f.as_str()}
                            data-testid={["export-", f.as_str()].concat()}
                            onclick={act(send, Action::Export { format: f, download: true })}>{ f.name() }</button>
                    }) }
                </span>
            }
        </span>
    }
}
