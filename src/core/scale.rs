//! The time scale: which days are visible and where they land in pixels.
//!
//! Days are `f64` day numbers (see [`crate::core::date::Day`]): fractional
//! values are positions inside a day. Pixels are CSS pixels from the left edge
//! of the plot area. Every function returns finite numbers for any input,
//! including a zero-width container.

/// What the user may see: never before `min_day` or after `max_day`, and never
/// closer than `max_px_per_day` pixels per day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleLimits {
    /// Earliest day the window may show.
    pub min_day: f64,
    /// Latest day the window may show.
    pub max_day: f64,
    /// Closest zoom: at most this many pixels per day.
    pub max_px_per_day: f64,
}

impl ScaleLimits {
    /// Limits around a data span `[first, last]`, padded by 4% on each side
    /// (at least 60 days) so nothing sits on the edge.
    pub fn around(first: f64, last: f64) -> ScaleLimits {
        let (first, last) = if first <= last {
            (first, last)
        } else {
            (last, first)
        };
        let pad = ((last - first) * 0.04).max(60.0);
        ScaleLimits {
            min_day: first - pad,
            max_day: last + pad,
            max_px_per_day: 100.0,
        }
    }

    fn max_span(&self) -> f64 {
        (self.max_day - self.min_day).max(1.0)
    }

    fn min_span(&self, width_px: f64) -> f64 {
        clamp_f64(width_px / self.max_px_per_day, 1.0, self.max_span())
    }
}

/// A visible window of days mapped onto a width in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// First visible day (at pixel 0).
    pub start_day: f64,
    /// Last visible day (at pixel `width_px`).
    pub end_day: f64,
    /// Width of the plot area in CSS pixels.
    pub width_px: f64,
}

/// `x` limited to `[lo, hi]`, without `f64::clamp`'s panics: crossed bounds
/// (one float step apart after rounding) give `lo`, a NaN bound is ignored,
/// and a NaN `x` gives `lo` (or `hi`, or 0).
///
/// ```
/// use movement_timeline::core::scale::clamp_f64;
/// assert_eq!(clamp_f64(5.0, 0.0, 1.0), 1.0);
/// assert_eq!(clamp_f64(5.0, 2.0, 1.0), 2.0);
/// assert_eq!(clamp_f64(f64::NAN, 0.0, 1.0), 0.0);
/// ```
pub fn clamp_f64(x: f64, lo: f64, hi: f64) -> f64 {
    let x = if x.is_nan() {
        if lo.is_nan() {
            if hi.is_nan() {
                0.0
            } else {
                hi
            }
        } else {
            lo
        }
    } else {
        x
    };
    let x = if hi.is_nan() { x } else { x.min(hi) };
    if lo.is_nan() {
        x
    } else {
        x.max(lo)
    }
}

/// Writes a whole number.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut v = n.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Writes a pixel number: finite, one decimal at most (`12.5`, `-3`, `0`
/// for NaN). Integer arithmetic only: float formatting is larger and slower,
/// and this runs for every coordinate of every mark on every frame.
pub fn push_px(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push('0');
        return;
    }
    let tenths = clamp_f64((x * 10.0).round(), -1e15, 1e15) as i64;
    let (whole, frac) = (tenths / 10, (tenths % 10).unsigned_abs());
    if tenths < 0 && whole == 0 {
        out.push('-');
    }
    push_int(out, whole);
    if frac != 0 {
        out.push('.');
        out.push(char::from(b'0' + frac as u8));
    }
}

/// A pixel number for an SVG attribute: finite, one decimal at most
/// (`12.5`, `-3`, `0` for NaN); see [`push_px`].
pub fn fmt_px(x: f64) -> String {
    let mut out = String::new();
    push_px(&mut out, x);
    out
}

fn finite_or(x: f64, fallback: f64) -> f64 {
    if x.is_finite() {
        x
    } else {
        fallback
    }
}

impl TimeScale {
    /// The whole of `limits` across `width_px`.
    pub fn fit(limits: &ScaleLimits, width_px: f64) -> TimeScale {
        TimeScale {
            start_day: limits.min_day,
            end_day: limits.min_day + limits.max_span(),
            width_px: finite_or(width_px, 0.0).max(0.0),
        }
    }

    /// Days between the window's edges (never less than a tiny positive span).
    pub fn span_days(&self) -> f64 {
        (self.end_day - self.start_day).max(1e-9)
    }

    /// Pixels per day at this zoom; 0 for a zero-width container.
    pub fn px_per_day(&self) -> f64 {
        self.width_px / self.span_days()
    }

    /// Pixel position of a day.
    pub fn map(&self, day: f64) -> f64 {
        finite_or((day - self.start_day) * self.px_per_day(), 0.0)
    }

    /// Day at a pixel position (the inverse of [`TimeScale::map`]).
    pub fn unmap(&self, px: f64) -> f64 {
        if self.width_px <= 0.0 {
            return self.start_day;
        }
        finite_or(
            self.start_day + px / self.width_px * self.span_days(),
            self.start_day,
        )
    }

    /// The same window on a new width (a resize keeps what is visible).
    pub fn with_width(self, width_px: f64) -> TimeScale {
        TimeScale {
            width_px: finite_or(width_px, 0.0).max(0.0),
            ..self
        }
    }

    /// Zoom by `factor` (> 1 zooms in) keeping the day under `anchor_px`
    /// where it is, then clamp to `limits`.
    pub fn zoom_at(self, anchor_px: f64, factor: f64, limits: &ScaleLimits) -> TimeScale {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let anchor_px = clamp_f64(
            finite_or(anchor_px, self.width_px / 2.0),
            0.0,
            self.width_px,
        );
        let anchor_day = self.unmap(anchor_px);
        let span = clamp_f64(
            self.span_days() / factor,
            limits.min_span(self.width_px),
            limits.max_span(),
        );
        let frac = if self.width_px > 0.0 {
            anchor_px / self.width_px
        } else {
            0.5
        };
        let start = anchor_day - frac * span;
        TimeScale {
            start_day: start,
            end_day: start + span,
            width_px: self.width_px,
        }
        .clamped(limits)
    }

    /// Move the window so the content moves `dx_px` to the right (a drag).
    pub fn pan_by(self, dx_px: f64, limits: &ScaleLimits) -> TimeScale {
        let dx_days = if self.width_px > 0.0 {
            finite_or(dx_px, 0.0) / self.px_per_day()
        } else {
            0.0
        };
        TimeScale {
            start_day: self.start_day - dx_days,
            end_day: self.end_day - dx_days,
            width_px: self.width_px,
        }
        .clamped(limits)
    }

    /// Show exactly `[start_day, end_day]` (ordered, clamped to `limits`).
    pub fn show(self, start_day: f64, end_day: f64, limits: &ScaleLimits) -> TimeScale {
        let (a, b) = (
            finite_or(start_day, self.start_day),
            finite_or(end_day, self.end_day),
        );
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let span = clamp_f64(b - a, limits.min_span(self.width_px), limits.max_span());
        let mid = (a + b) / 2.0;
        TimeScale {
            start_day: mid - span / 2.0,
            end_day: mid + span / 2.0,
            width_px: self.width_px,
        }
        .clamped(limits)
    }

    /// Keep the span within limits and slide the window inside them.
    pub fn clamped(self, limits: &ScaleLimits) -> TimeScale {
        let span = clamp_f64(
            self.span_days(),
            limits.min_span(self.width_px),
            limits.max_span(),
        );
        let span = finite_or(span, limits.max_span());
        let start = clamp_f64(
            finite_or(self.start_day, limits.min_day),
            limits.min_day,
            limits.max_day - span,
        );
        TimeScale {
            start_day: start,
            end_day: start + span,
            width_px: self.width_px,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ScaleLimits {
        ScaleLimits {
            min_day: 0.0,
            max_day: 10_000.0,
            max_px_per_day: 100.0,
        }
    }

    #[test]
    fn unmap_inverts_map() {
        let s = TimeScale {
            start_day: 100.0,
            end_day: 400.0,
            width_px: 900.0,
        };
        for day in [100.0, 123.4, 399.9, -50.0, 5000.0] {
            assert!((s.unmap(s.map(day)) - day).abs() < 1e-9, "{day}");
        }
    }

    #[test]
    fn zoom_keeps_the_day_under_the_cursor_fixed() {
        let s = TimeScale::fit(&limits(), 1000.0);
        let anchor = 250.0;
        let before = s.unmap(anchor);
        let z = s.zoom_at(anchor, 2.0, &limits());
        assert!((z.unmap(anchor) - before).abs() < 1e-6);
        assert!((z.span_days() - 5000.0).abs() < 1e-6);
    }

    #[test]
    fn zoom_out_past_max_span_is_clamped() {
        let s = TimeScale::fit(&limits(), 1000.0).zoom_at(500.0, 0.01, &limits());
        assert_eq!((s.start_day, s.end_day), (0.0, 10_000.0));
    }

    #[test]
    fn zoom_in_stops_at_one_day_per_hundred_pixels() {
        let mut s = TimeScale::fit(&limits(), 1000.0);
        for _ in 0..100 {
            s = s.zoom_at(300.0, 3.0, &limits());
        }
        assert!((s.span_days() - 10.0).abs() < 1e-9, "{}", s.span_days());
    }

    #[test]
    fn pan_cannot_leave_the_limits() {
        let s = TimeScale::fit(&limits(), 1000.0).zoom_at(0.0, 10.0, &limits());
        let p = s.pan_by(1e9, &limits());
        assert_eq!(p.start_day, 0.0);
        let p = s.pan_by(-1e9, &limits());
        assert_eq!(p.end_day, 10_000.0);
        assert!(
            (p.span_days() - s.span_days()).abs() < 1e-6,
            "panning keeps the zoom"
        );
    }

    #[test]
    fn zero_width_and_non_finite_inputs_stay_finite() {
        let s = TimeScale::fit(&limits(), 0.0);
        assert_eq!(s.map(500.0), 0.0);
        assert!(s.unmap(10.0).is_finite());
        let z = s.zoom_at(f64::NAN, f64::INFINITY, &limits());
        assert!(z.start_day.is_finite() && z.end_day.is_finite());
        let p = s.pan_by(f64::NAN, &limits());
        assert!(p.start_day.is_finite());
        let w = TimeScale::fit(&limits(), f64::NAN);
        assert_eq!(w.width_px, 0.0);
    }

    #[test]
    fn show_sets_a_window_inside_limits() {
        let s = TimeScale::fit(&limits(), 1000.0).show(3000.0, 2000.0, &limits());
        assert_eq!((s.start_day, s.end_day), (2000.0, 3000.0));
    }

    #[test]
    fn pixel_attributes_are_short_and_always_finite() {
        let cases = [
            (12.0, "12"),
            (12.34, "12.3"),
            (12.96, "13"),
            (-0.25, "-0.3"),
            (-3.0, "-3"),
            (-0.04, "0"),
            (0.0, "0"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
            (1e300, "100000000000000"),
        ];
        for (x, want) in cases {
            assert_eq!(fmt_px(x), want, "{x}");
        }
    }

    #[test]
    fn limits_pad_the_data_span() {
        let l = ScaleLimits::around(1000.0, 2000.0);
        assert_eq!((l.min_day, l.max_day), (940.0, 2060.0));
    }
}
