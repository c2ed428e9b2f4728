//! Declares the app's own commands to Tauri's ACL, so each needs an explicit
//! grant in `capabilities/` (RELIABILITY.md).

fn main() {
    let commands: &'static [&'static str] = include_str!("commands.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .leak();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri-build failed");
}
