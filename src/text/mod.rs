//! Text from outside: normalisation for display and the link policy (pure).

pub mod html;
pub mod links;
pub mod normalize;
pub mod quoted;
