//! See tests/window.rs: this crate only holds the end-to-end test.
