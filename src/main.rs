//! The `tremplin` command line: the core, headless, for automation and tests.

fn main() {}
