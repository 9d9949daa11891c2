//! Finding and loading the source documents a corpus cites, and checking
//! each against the manifest that records it.

use std::collections::{BTreeMap, VecDeque};
use std::path::{Path, PathBuf};

use super::manifest::{Entry, Manifest, ManifestError};
use super::SourceDoc;

/// How many source documents a library keeps loaded. Real corpora cite a
/// few documents from many renditions; a corpus of thousands of documents
/// must not hold them all in memory at once.
pub const CACHED_DOCUMENTS: usize = 64;

/// Why a source document cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceProblem {
    /// It cannot be read.
    Unreadable(String),
    /// It is not UTF-8: the first byte that is not part of a character.
    NotUtf8 {
        /// The byte's offset from the start of the file.
        offset: usize,
        /// Its 1-based line.
        line: u32,
    },
    /// The manifest exists and does not record it.
    NotRecorded {
        /// The manifest.
        manifest: PathBuf,
    },
    /// Its bytes are not the ones the manifest records.
    Changed {
        /// The digest the manifest records.
        recorded: String,
        /// The digest of the file as it is.
        actual: String,
    },
    /// The manifest cannot be read.
    Manifest(ManifestError),
}

/// A loaded source document and what the manifest records of it.
#[derive(Debug, Clone, Copy)]
pub struct Loaded<'a> {
    /// The document.
    pub doc: &'a SourceDoc,
    /// Its manifest entry; `None` when its folder has no manifest.
    pub entry: Option<&'a Entry>,
    /// Where the manifest is (or would be).
    pub manifest: &'a Path,
}

/// A document as loaded: the text and its entry, or why it cannot be used.
#[derive(Debug)]
struct Slot {
    doc: Result<SourceDoc, SourceProblem>,
    entry: Option<Entry>,
    manifest: PathBuf,
}

/// The source documents a set of renditions cites, loaded once each while
/// they are among the [`CACHED_DOCUMENTS`] most recently loaded.
#[derive(Debug, Default)]
pub struct SourceLibrary {
    /// An explicit folder of sources, if the user gave one.
    pub dir: Option<PathBuf>,
    docs: BTreeMap<PathBuf, Slot>,
    /// The loaded documents, oldest first, for eviction.
    order: VecDeque<PathBuf>,
    /// The manifests read so far, by path (`None`: there is none).
    manifests: BTreeMap<PathBuf, Result<Option<Manifest>, ManifestError>>,
}

impl SourceLibrary {
    /// A library that looks in `dir` first.
    pub fn new(dir: Option<PathBuf>) -> Self {
        SourceLibrary { dir, ..SourceLibrary::default() }
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

    /// Loads the document at `path` (or finds it loaded) and checks it
    /// against its folder's manifest.
    pub fn load(&mut self, path: &Path) -> Result<Loaded<'_>, SourceProblem> {
        if !self.docs.contains_key(path) {
            while self.order.len() >= CACHED_DOCUMENTS {
                let Some(oldest) = self.order.pop_front() else { break };
                self.docs.remove(&oldest);
            }
            let slot = self.read(path);
            self.docs.insert(path.to_path_buf(), slot);
            self.order.push_back(path.to_path_buf());
        }
        let slot = self.docs.get(path).ok_or_else(|| SourceProblem::Unreadable("not loaded".into()))?;
        match &slot.doc {
            Ok(doc) => Ok(Loaded { doc, entry: slot.entry.as_ref(), manifest: &slot.manifest }),
            Err(problem) => Err(problem.clone()),
        }
    }

    /// The document `file` a rendition at `rendition` cites, loaded (or found
    /// loaded); `None` when it cannot be found or used (lowering says why).
    pub fn document(&mut self, rendition: &Path, file: &str) -> Option<&SourceDoc> {
        let path = self.locate(rendition, file)?;
        self.load(&path).ok().map(|l| l.doc)
    }

    fn read(&mut self, path: &Path) -> Slot {
        let dir = path.parent().unwrap_or(Path::new("."));
        let manifest = Manifest::path_for(dir);
        let file = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Slot { doc: Err(SourceProblem::Unreadable(e.to_string())), entry: None, manifest },
        };
        let recorded = match self.manifest(&manifest) {
            Err(e) => return Slot { doc: Err(SourceProblem::Manifest(e)), entry: None, manifest },
            Ok(None) => None,
            Ok(Some(m)) => match m.entry(&file) {
                Some(e) => Some(e.clone()),
                None => {
                    let problem = SourceProblem::NotRecorded { manifest: manifest.clone() };
                    return Slot { doc: Err(problem), entry: None, manifest };
                }
            },
        };
        let doc = decode(&bytes).map(|text| SourceDoc::from_text(&text)).and_then(|doc| match &recorded {
            Some(e) if e.sha256 != doc.sha256() => {
                Err(SourceProblem::Changed { recorded: e.sha256.clone(), actual: doc.sha256().to_string() })
            }
            _ => Ok(doc),
        });
        Slot { doc, entry: recorded, manifest }
    }

    /// The manifest at `path`, read once.
    fn manifest(&mut self, path: &Path) -> Result<Option<&Manifest>, ManifestError> {
        let read = self.manifests.entry(path.to_path_buf()).or_insert_with(|| Manifest::read(path));
        match read {
            Ok(m) => Ok(m.as_ref()),
            Err(e) => Err(e.clone()),
        }
    }
}

/// A source's bytes as text; a source must be UTF-8 (a byte-order mark is
/// allowed and kept: quotes fold it away).
pub fn decode(bytes: &[u8]) -> Result<String, SourceProblem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            Err(SourceProblem::NotUtf8 { offset, line })
        }
    }
}
