//! Hooks: where state, time and the network meet the views.

pub mod use_bulletin;
pub mod use_minute;
