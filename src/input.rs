//! Reading inputs: files or standard input, with clear messages for what cannot be read.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Where an input comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Source {
    /// The name used in messages.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }

    /// Opens the source for reading.
    pub fn open(&self) -> Result<Box<dyn Read + Send>, String> {
        match self {
            Source::Stdin => Ok(Box::new(io::stdin())),
            Source::File(path) => open_file(path).map(|f| Box::new(f) as Box<dyn Read + Send>),
        }
    }
}

/// The inputs named on the command line, or standard input when there are none.
pub fn sources(files: &[PathBuf]) -> Vec<Source> {
    if files.is_empty() {
        vec![Source::Stdin]
    } else {
        files.iter().cloned().map(Source::File).collect()
    }
}

fn open_file(path: &Path) -> Result<std::fs::File, String> {
    if path.is_dir() {
        return Err(format!("{}: is a directory", path.display()));
    }
    std::fs::File::open(path).map_err(|e| format!("{}: {}", path.display(), describe(&e)))
}

fn describe(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => err.to_string(),
    }
}

/// Reads a whole source as UTF-8 text.
pub fn read_text(source: &Source) -> Result<String, String> {
    let mut bytes = Vec::new();
    source
        .open()?
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {}", source.name(), describe(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not valid UTF-8 (first bad byte at offset {})",
            source.name(),
            e.utf8_error().valid_up_to()
        )
    })
}
