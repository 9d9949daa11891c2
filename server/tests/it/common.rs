//! Helpers of the command-line tests.

use std::path::PathBuf;

/// The preschool-queue regulation: it has an FLK form.
pub const PRESCHOOL: &str = "postanovka_na_ochered_doshkolnikov";
/// The archive-certificates regulation (kk): no form; branches with conditions.
pub const ARCHIVE_KK: &str = "muragattyq_anyqtamalar_beru";

/// A valid application for the preschool form.
pub const GOOD_APPLICATION: &str = r#"{"iin": "920101300010", "postal_code": "010000", "phone": "+77011234567"}"#;

/// A fresh, empty path for a store file, under Cargo's test temp dir.
pub fn store_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("engine-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}
