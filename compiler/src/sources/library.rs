//! Finding and loading the source documents a corpus cites.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

use super::SourceDoc;

/// How many source documents a library keeps loaded. Real corpora cite a
/// few documents from many renditions; a corpus of thousands of documents
/// must not hold them all in memory at once.
pub const CACHED_DOCUMENTS: usize = 64;

/// The source documents a set of renditions cites, loaded once each while
/// they are among the [`CACHED_DOCUMENTS`] most recently loaded.
#[derive(Debug, Default)]
pub struct SourceLibrary {
    /// An explicit folder of sources, if the user gave one.
    pub dir: Option<PathBuf>,
    docs: BTreeMap<PathBuf, Option<SourceDoc>>,
    /// The loaded documents, oldest first, for eviction.
    order: VecDeque<PathBuf>,
}

impl SourceLibrary {
    /// A library that looks in `dir` first.
    pub fn new(dir: Option<PathBuf>) -> Self {
        SourceLibrary { dir, docs: BTreeMap::new(), order: VecDeque::new() }
    }

    /// Finds `file` for a rendition at `rendition`: in the explicit folder, or
    /// in a `sources/` folder beside the rendition or above it.
    pub fn locate(&self, rendition: &Path, file: &str) -> Option<PathBuf> {
        if file.contains("..") || file.contains('/') || file.contains('\\') {
            return None;
        }
        if let Some(d) = &self.dir {
            return Some(d.join(file)).filter(|p| p.is_file());
        }
        let start = rendition.canonicalize().ok()?;
        start.ancestors().skip(1).map(|a| a.join("sources").join(file)).find(|p| p.is_file())
    }

    /// Loads the document at `path`, or finds it loaded.
    pub fn load(&mut self, path: &Path) -> Option<&SourceDoc> {
        if !self.docs.contains_key(path) {
            while self.order.len() >= CACHED_DOCUMENTS {
                let Some(oldest) = self.order.pop_front() else { break };
                self.docs.remove(&oldest);
            }
            let doc = std::fs::read_to_string(path).ok().map(|t| SourceDoc::from_text(&t));
            self.docs.insert(path.to_path_buf(), doc);
            self.order.push_back(path.to_path_buf());
        }
        self.docs.get(path).and_then(Option::as_ref)
    }
}
