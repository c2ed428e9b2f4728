//! Entry point of the desktop app; everything is wired in the library.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tremplin_desktop::run();
}
