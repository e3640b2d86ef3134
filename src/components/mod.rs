//! Leptos components: thin views over the state and the core's results.

pub mod app;
pub mod certificate;
pub mod cities;
pub mod compare;
pub mod data_status;
pub mod ids;
pub mod incentives;
pub mod later;
pub mod link_note;
pub mod map_legend;
pub mod map_view;
pub mod next_step;
pub mod office;
pub mod result;
pub mod search;
