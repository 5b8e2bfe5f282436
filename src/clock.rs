//! The one place that reads a clock.

use crate::time::Instant;

/// How far the device clock is behind the bulletin's `generated` time, in seconds (0 when not behind).
///
/// A phone whose clock is days behind would otherwise show a countdown on election day:
/// a device clock earlier than `generated` is not trusted, and the widget counts on from
/// the bulletin's time instead (device time plus this skew).
pub fn skew(device: Instant, generated: Option<Instant>) -> i64 {
    match generated {
        Some(g) if g > device => g.0 - device.0,
        _ => 0,
    }
}

/// The widget's idea of now: a fixed instant (`data-now`), or the device clock plus the skew.
pub fn now(fixed: Option<Instant>, skew: i64) -> Instant {
    fixed.unwrap_or_else(|| device().plus(skew))
}

/// The device clock in milliseconds since the epoch.
pub fn device_millis() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    }
}

/// The device clock.
pub fn device() -> Instant {
    Instant::from_millis(device_millis())
}
