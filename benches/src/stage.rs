//! The scratch directory a program is benchmarked from: a copy of the
//! program beside copies of the driver that name it.
//!
//! Runtimes are given one file to run and no arguments, so the driver needs
//! neither `sys.argv` nor `sys.path`, which a young runtime may not have: the
//! program is imported from the driver's own directory, which every runtime
//! searches first (see `driver.py`). A directory per program keeps programs
//! from importing each other, and it is removed when the stage is dropped.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A program staged for running; the directory goes away on drop.
pub struct Stage {
    dir: PathBuf,
    driver: String,
    module: String,
}

impl Stage {
    /// Copies `program` into a fresh directory under the system's temporary
    /// directory and reads the `driver` template. The program's file stem
    /// must be a Python identifier, as it is imported by that name.
    pub fn new(program: &Path, driver: &Path) -> io::Result<Stage> {
        let module = program
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|m| is_identifier(m))
            .ok_or_else(|| {
                io::Error::other(format!(
                    "{} is not named like a Python module",
                    program.display()
                ))
            })?;
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "ember-bench-{}-{}-{module}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir)?;
        let stage = Stage {
            driver: fs::read_to_string(driver)?,
            dir,
            module,
        };
        fs::copy(program, stage.dir.join(format!("{}.py", stage.module)))?;
        Ok(stage)
    }

    /// The driver that runs `iterations` iterations, written on first use.
    /// Its name has a hyphen, so no program can import it by accident.
    pub fn driver(&self, iterations: usize) -> io::Result<PathBuf> {
        let path = self.dir.join(format!("driver-{iterations}.py"));
        if !path.exists() {
            let header = format!("PROGRAM = {:?}\nITERATIONS = {iterations}\n\n", self.module);
            fs::write(&path, header + &self.driver)?;
        }
        Ok(path)
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_driver_names_the_program_beside_it() {
        let stage =
            Stage::new(&crate::programs_dir().join("fib.py"), &crate::driver_path()).unwrap();
        let driver = stage.driver(7).unwrap();
        assert_eq!(driver.file_name().unwrap(), "driver-7.py");
        let text = fs::read_to_string(&driver).unwrap();
        assert!(
            text.starts_with("PROGRAM = \"fib\"\nITERATIONS = 7\n\n# Per-iteration driver"),
            "{text}"
        );
        assert!(driver.with_file_name("fib.py").is_file());
        let dir = driver.parent().unwrap().to_path_buf();
        drop(stage);
        assert!(!dir.exists());
    }

    #[test]
    fn programs_must_be_importable_by_name() {
        let err = Stage::new(Path::new("/tmp/not-a-module.py"), &crate::driver_path())
            .err()
            .unwrap();
        assert!(
            err.to_string().contains("not named like a Python module"),
            "{err}"
        );
        assert!(is_identifier("spectral_norm") && is_identifier("_x1"));
        assert!(!is_identifier("1x") && !is_identifier("") && !is_identifier("a.b"));
    }
}
