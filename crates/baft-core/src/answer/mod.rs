//! Whole answers: one search for anything typed, one answer per question, the compact summary for embedders, share links and the certificate.

pub mod certificate;
pub mod search;
pub mod share;
pub mod summary;
