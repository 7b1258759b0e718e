//! The builder: list loading (TSV, JSON, code) and alias resolution.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use crate::fold::{fold_key_hashes_into, fold_key_into};
use crate::matcher::{AliasInfo, CaseRule, EntityInfo, Gazetteer, parse_attributes};
use crate::{Entity, Error};

/// Builds a [`Gazetteer`].
///
/// ```
/// use warta_gazetteer::{Entity, GazetteerBuilder};
///
/// let gaz = GazetteerBuilder::new()
///     .add_tsv("ORG:KPK\tORG\tKomisi Pemberantasan Korupsi\tKPK\n")?
///     .add(Entity::new("PER:SULLIVAN", "PER", "Jake Sullivan"))
///     .build()?;
/// let text = "KPK memanggil Jake Sullivan.";
/// let found = gaz.find(text);
/// let ids: Vec<&str> = found.iter().map(|m| &*m.id).collect();
/// assert_eq!(ids, ["ORG:KPK", "PER:SULLIVAN"]);
/// # Ok::<(), warta_gazetteer::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct GazetteerBuilder {
    items: Vec<Item>,
    /// The TSV lists added, which [`Item::Line`]s point into (the default list borrowed).
    texts: Vec<Cow<'static, str>>,
    lowercase_text: bool,
}

/// One entity as it was added.
#[derive(Debug, Clone)]
enum Item {
    /// Boxed: the TSV lines, far more numerous, stay small.
    Entity(Box<Entity>),
    /// A valid line of the TSV list `texts[text]`: the byte ranges of its columns, trimmed
    /// (id, type, canonical, aliases, attributes; empty when absent). Nothing is copied
    /// before the build.
    Line {
        text: usize,
        cols: [(usize, usize); 5],
        /// For the embedded default list: the index of the line's first name in
        /// `default_list::NAMES`, folded at compile time.
        names: Option<u32>,
    },
}

/// An entity of either kind of [`Item`], borrowed.
struct View<'a> {
    /// Trimmed, maybe empty.
    id: &'a str,
    entity_type: &'a str,
    canonical: &'a str,
    aliases: Aliases<'a>,
    /// The alias column of a TSV line (empty for an entity added in code).
    alias_column: &'a str,
    /// Where its names are in `default_list::NAMES` (folded at compile time), if there.
    names: Option<usize>,
}

/// The aliases of a [`View`].
#[derive(Clone)]
enum Aliases<'a> {
    List(std::slice::Iter<'a, String>),
    /// The alias column of a TSV line: `|`-separated, blank ones skipped.
    Tsv(SplitAscii<'a>),
}

impl<'a> Iterator for Aliases<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        match self {
            Aliases::List(list) => list.next().map(String::as_str),
            Aliases::Tsv(split) => split.map(trim).find(|a| !a.is_empty()),
        }
    }
}

/// The pieces of a text between the occurrences of an ASCII byte, as `str::split` with that
/// character gives them (cheaper on the short fields of a list).
#[derive(Debug, Clone)]
struct SplitAscii<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> SplitAscii<'a> {
    fn new(text: &'a str, sep: u8) -> Self {
        debug_assert!(sep.is_ascii());
        SplitAscii {
            rest: Some(text),
            sep,
        }
    }
}

impl<'a> Iterator for SplitAscii<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match memchr::memchr(self.sep, rest.as_bytes()) {
            Some(i) => {
                self.rest = Some(&rest[i + 1..]);
                Some(&rest[..i])
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// [`str::trim`], without decoding characters when the ends are visible ASCII (nearly every
/// field of a list).
#[inline]
fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let b = s.as_bytes();
    if visible(b.first()) && visible(b.last()) {
        s
    } else {
        s.trim()
    }
}

/// The `key=value` pairs of a TSV attribute column, in order (an error names a bad pair).
pub(crate) fn attribute_pairs(column: &str) -> impl Iterator<Item = Result<(&str, &str), String>> {
    SplitAscii::new(column, b';')
        .map(trim)
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            None => Err(format!("attribute {pair:?} is not key=value (column 5)")),
            Some((k, _)) if trim(k).is_empty() => {
                Err(format!("attribute {pair:?} has an empty key"))
            }
            Some((k, v)) => Ok((trim(k), trim(v))),
        })
}

/// A multiplicative hash for the build's tables (ids and types of trusted lists; SipHash
/// cost more than the rest of building the default list).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().unwrap_or_default()));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        // The table takes its index from the low bits and its tags from the high ones.
        let h = self.0 ^ (self.0 >> 29);
        h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

/// A hash map with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Two entities whose aliases fold to the same key; the later one keeps the alias.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Duplicate {
    /// The folded alias (`korea selatan`).
    pub key: String,
    /// Id of the entity that keeps the alias (added later).
    pub kept: String,
    /// Id of the entity that loses it.
    pub dropped: String,
}

/// How an alias compares letter case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseMode {
    Auto,
    Sensitive,
    Insensitive,
}

fn split_marker(alias: &str) -> (CaseMode, &str) {
    if let Some(rest) = alias.strip_prefix('=') {
        (CaseMode::Sensitive, trim(rest))
    } else if let Some(rest) = alias.strip_prefix('~') {
        (CaseMode::Insensitive, trim(rest))
    } else {
        (CaseMode::Auto, trim(alias))
    }
}

/// The automatic rule: 1 to 4 letters, none lowercase.
fn is_short_acronym(alias: &str) -> bool {
    let mut letters = 0;
    for c in alias.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        }
    }
    (1..=4).contains(&letters)
}

/// 1-based line where each element of the entity array starts (the top-level array, or the
/// array under `"entities"` when `nested`), for error messages. The text is valid JSON.
fn element_lines(json: &str, nested: bool) -> Vec<usize> {
    let target = if nested { 2 } else { 1 };
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    let mut expecting = false;
    let mut out = Vec::new();
    for c in json.chars() {
        if c == '\n' {
            line += 1;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if expecting && !c.is_whitespace() && c != ']' {
            out.push(line);
            expecting = false;
        }
        match c {
            '"' => in_string = true,
            '[' | '{' => {
                depth += 1;
                if c == '[' && depth == target {
                    expecting = true;
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                expecting = false;
            }
            ',' if depth == target => expecting = true,
            _ => {}
        }
    }
    out
}

/// `TYPE:slug-of-the-name`.
pub(crate) fn make_id(entity_type: &str, name: &str) -> String {
    let mut id = String::with_capacity(entity_type.len() + 1 + name.len());
    push_id(&mut id, entity_type, name, &mut Vec::new(), &mut Vec::new());
    id
}

/// Appends [`make_id`] of `entity_type` and `name` to `out`; `buf` and `key` are scratch
/// space for folding.
pub(crate) fn push_id(
    out: &mut String,
    entity_type: &str,
    name: &str,
    buf: &mut Vec<u8>,
    key: &mut Vec<u8>,
) {
    out.push_str(entity_type);
    out.push(':');
    let slug = out.len();
    if name.is_ascii() {
        // The folded key's letters and digits are the name's, lowercased; everything else
        // separates them.
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if out.len() > slug && !out.ends_with('-') {
                out.push('-');
            }
        }
    } else {
        key.clear();
        fold_key_into(name, buf, key);
        for c in std::str::from_utf8(key).unwrap_or_default().chars() {
            if c.is_alphanumeric() {
                out.push(c);
            } else if out.len() > slug && !out.ends_with('-') {
                out.push('-');
            }
        }
    }
    while out.len() > slug && out.ends_with('-') {
        out.pop();
    }
}

/// Validated entities and the aliases that survived duplicate resolution.
struct Resolution {
    /// The entities (without their attributes) and the item each comes from.
    entities: Vec<(EntityInfo, usize)>,
    aliases: Vec<Resolved>,
    /// The folded keys of the aliases, one after another.
    keys: Vec<u8>,
    /// The token hashes of the aliases, one after another.
    hashes: Vec<u64>,
    duplicates: Vec<Duplicate>,
}

/// One alias that survived resolution.
struct Resolved {
    /// Its folded key, `keys[key.0..key.1]` of the [`Resolution`].
    key: (usize, usize),
    /// Its token hashes, `hashes[tokens.0..tokens.1]`.
    tokens: (usize, usize),
    entity: u32,
    alias: Arc<str>,
    mode: CaseMode,
}

/// The slots of resolved aliases by key hash (open addressing, linear probing).
struct KeyTable {
    slots: Vec<(u64, u32)>,
}

impl KeyTable {
    const EMPTY: u32 = u32::MAX;

    fn new(capacity: usize) -> KeyTable {
        KeyTable {
            slots: vec![(0, Self::EMPTY); (capacity * 2).next_power_of_two().max(16)],
        }
    }

    /// The resolved alias with key hash `hash` for which `same` holds, or the slot to
    /// insert it in (`Err`).
    fn find(&self, hash: u64, same: impl Fn(u32) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let (h, r) = self.slots[i];
            if r == Self::EMPTY {
                return Err(i);
            }
            if h == hash && same(r) {
                return Ok(r);
            }
            i = (i + 1) & mask;
        }
    }
}

impl GazetteerBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the embedded default list (countries and capitals in Indonesian, Indonesian
    /// provinces and cities, state institutions, ministries, parties, international
    /// organisations, news outlets, seats of power, a few public figures). It is written in
    /// the TSV format of [`GazetteerBuilder::add_tsv`].
    pub fn with_default_list(mut self) -> Self {
        // Its lines were read when the crate was compiled (`build.rs`).
        let text = self.texts.len();
        self.texts.push(Cow::Borrowed(crate::default_list::TSV));
        let lines = crate::default_list::COLUMNS
            .iter()
            .zip(crate::default_list::FIRST_NAME);
        self.items.extend(lines.map(|(cols, first)| Item::Line {
            text,
            cols: cols.map(|(start, end)| (start as usize, end as usize)),
            names: Some(first),
        }));
        self
    }

    /// The embedded default list as TSV text.
    pub fn default_list_tsv() -> &'static str {
        crate::default_list::TSV
    }

    /// Adds one entity. An entity with the id of an earlier one replaces it.
    #[allow(clippy::should_implement_trait)] // the contract name; not an arithmetic `Add`
    pub fn add(mut self, entity: Entity) -> Self {
        self.items.push(Item::Entity(Box::new(entity)));
        self
    }

    /// Also match one-word aliases written with a capital where the text word is all
    /// lowercase (`antara` for `Antara`). Off by default: in edited news an all-lowercase
    /// occurrence of a capitalised one-word name is nearly always a common word (`antara`
    /// "between", `bulan` "month", `malang` "unlucky"). Aliases of several words, aliases
    /// written all in lowercase in the list, and aliases marked `~` match all-lowercase text
    /// either way.
    ///
    /// ```
    /// use warta_gazetteer::GazetteerBuilder;
    /// let tsv = "ORG:ANTARA\tORG\tAntara\nGPE:KR\tGPE\tKorea Selatan\n";
    /// let strict = GazetteerBuilder::new().add_tsv(tsv)?.build()?;
    /// assert_eq!(strict.find("di antara kita, kata Antara").len(), 1);
    /// assert_eq!(strict.find("korea selatan").len(), 1);
    /// let loose = GazetteerBuilder::new().lowercase_text(true).add_tsv(tsv)?.build()?;
    /// assert_eq!(loose.find("di antara kita, kata Antara").len(), 2);
    /// # Ok::<(), warta_gazetteer::Error>(())
    /// ```
    pub fn lowercase_text(mut self, yes: bool) -> Self {
        self.lowercase_text = yes;
        self
    }

    /// Number of entities added so far.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when no entity was added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds entities from TSV text: `id<TAB>type<TAB>canonical[<TAB>alias|alias…[<TAB>attributes]]`
    /// where attributes are `key=value` pairs separated by `;`. `#` comment lines and blank
    /// lines are skipped; an empty id becomes `TYPE:slug-of-canonical`.
    ///
    /// ```
    /// use warta_gazetteer::{Error, GazetteerBuilder};
    /// let err = GazetteerBuilder::new().add_tsv("# list\nGPE:KR\tGPE\n").unwrap_err();
    /// assert!(matches!(err, Error::Parse { line: 2, .. }));
    /// ```
    pub fn add_tsv(self, tsv: &str) -> Result<Self, Error> {
        let tsv = tsv.strip_prefix('\u{FEFF}').unwrap_or(tsv);
        self.add_tsv_text(Cow::Owned(tsv.to_string()))
    }

    /// [`GazetteerBuilder::add_tsv`] keeping the text as it is: its lines are checked now
    /// and read when the gazetteer is built.
    fn add_tsv_text(mut self, tsv: Cow<'static, str>) -> Result<Self, Error> {
        let text = self.texts.len();
        let body: &str = &tsv;
        self.items
            .reserve(memchr::memchr_iter(b'\n', body.as_bytes()).count() + 1);
        // The byte range of a column in the text (absent columns are empty).
        let at = |part: &str| {
            if part.is_empty() {
                return (0, 0);
            }
            let start = part.as_ptr() as usize - body.as_ptr() as usize;
            (start, start + part.len())
        };
        for (n, raw) in SplitAscii::new(body, b'\n').enumerate() {
            let line = n + 1;
            let text_line = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = trim(text_line);
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let err = |message: String| Error::Parse { line, message };
            let mut cols = [""; 5];
            let mut count = 0;
            for col in SplitAscii::new(text_line, b'\t') {
                if count < 5 {
                    cols[count] = col;
                }
                count += 1;
            }
            if count < 3 {
                return Err(err(format!(
                    "expected at least 3 tab-separated columns (id, type, canonical), found {count}"
                )));
            }
            if count > 5 {
                return Err(err(format!(
                    "expected at most 5 tab-separated columns (id, type, canonical, aliases, attributes), found {count}"
                )));
            }
            let cols = cols.map(trim);
            if cols[1].is_empty() {
                return Err(err("empty type (column 2)".into()));
            }
            if cols[2].is_empty() {
                return Err(err("empty canonical name (column 3)".into()));
            }
            if let Some(Err(message)) = attribute_pairs(cols[4]).find(Result::is_err) {
                return Err(err(message));
            }
            self.items.push(Item::Line {
                text,
                names: None,
                cols: cols.map(at),
            });
        }
        self.texts.push(tsv);
        Ok(self)
    }

    /// Adds entities from JSON text: an array of objects (or `{"entities": [...]}`) with
    /// `type` (or `entity_type`), `canonical` (or `name`), and optional `id`, `aliases`
    /// (array of strings) and `attributes` (object of strings). Errors name the line where the
    /// faulty entity starts.
    ///
    /// ```
    /// use warta_gazetteer::GazetteerBuilder;
    /// let json = r#"[{"id": "ORG:YONHAP", "type": "ORG", "canonical": "Yonhap", "aliases": ["Kantor Berita Yonhap"]}]"#;
    /// let gaz = GazetteerBuilder::new().add_json(json)?.build()?;
    /// assert_eq!(gaz.find("Dilansir Yonhap, ...")[0].id.as_ref(), "ORG:YONHAP");
    /// # Ok::<(), warta_gazetteer::Error>(())
    /// ```
    pub fn add_json(mut self, json: &str) -> Result<Self, Error> {
        use serde_json::Value;
        let value: Value = serde_json::from_str(json).map_err(|e| Error::Parse {
            line: e.line(),
            message: format!("invalid JSON: {e}"),
        })?;
        let items = match &value {
            Value::Array(items) => items,
            Value::Object(o) => match o.get("entities") {
                Some(Value::Array(items)) => items,
                _ => {
                    return Err(Error::Parse {
                        line: 1,
                        message: "expected an array of entities or {\"entities\": [...]}".into(),
                    });
                }
            },
            _ => {
                return Err(Error::Parse {
                    line: 1,
                    message: "expected an array of entities".into(),
                });
            }
        };
        let lines = element_lines(json, matches!(value, Value::Object(_)));
        for (index, item) in items.iter().enumerate() {
            let line = lines.get(index).copied().unwrap_or(1);
            let err = |message: String| Error::Parse {
                line,
                message: format!("entity #{}: {message}", index + 1),
            };
            let Value::Object(o) = item else {
                return Err(err("not a JSON object".into()));
            };
            let string = |keys: &[&str]| -> Result<Option<String>, Error> {
                for k in keys {
                    match o.get(*k) {
                        None | Some(Value::Null) => continue,
                        Some(Value::String(s)) => return Ok(Some(s.trim().to_string())),
                        Some(_) => return Err(err(format!("field {k:?} is not a string"))),
                    }
                }
                Ok(None)
            };
            let entity_type = string(&["type", "entity_type"])?
                .filter(|s| !s.is_empty())
                .ok_or_else(|| err("missing field \"type\"".into()))?;
            let canonical = string(&["canonical", "name"])?
                .filter(|s| !s.is_empty())
                .ok_or_else(|| err("missing field \"canonical\"".into()))?;
            let id = string(&["id"])?
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| make_id(&entity_type, &canonical));
            let mut aliases = Vec::new();
            match o.get("aliases") {
                None | Some(Value::Null) => {}
                Some(Value::Array(a)) => {
                    for v in a {
                        let Value::String(s) = v else {
                            return Err(err("\"aliases\" must hold strings".into()));
                        };
                        if !s.trim().is_empty() {
                            aliases.push(s.trim().to_string());
                        }
                    }
                }
                Some(_) => return Err(err("\"aliases\" is not an array".into())),
            }
            let mut attributes = BTreeMap::new();
            match o.get("attributes") {
                None | Some(Value::Null) => {}
                Some(Value::Object(a)) => {
                    for (k, v) in a {
                        let v = match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        attributes.insert(k.clone(), v);
                    }
                }
                Some(_) => return Err(err("\"attributes\" is not an object".into())),
            }
            self.items.push(Item::Entity(Box::new(Entity {
                id,
                canonical,
                entity_type,
                aliases,
                attributes,
            })));
        }
        Ok(self)
    }

    /// Alias collisions between entities, resolved by the rule "the entity added later keeps
    /// the alias". Empty when every alias is unambiguous.
    ///
    /// ```
    /// use warta_gazetteer::GazetteerBuilder;
    /// let b = GazetteerBuilder::new()
    ///     .add_tsv("P1\tPER\tBudi Santoso\tBudi\nP2\tPER\tBudi Gunawan\tBudi\n")?;
    /// let d = b.duplicates()?;
    /// assert_eq!((d[0].key.as_str(), d[0].kept.as_str(), d[0].dropped.as_str()), ("budi", "P2", "P1"));
    /// # Ok::<(), warta_gazetteer::Error>(())
    /// ```
    pub fn duplicates(&self) -> Result<Vec<Duplicate>, Error> {
        Ok(self.resolve()?.duplicates)
    }

    /// The entity `item` as added.
    fn view<'a>(&'a self, item: &'a Item) -> View<'a> {
        match item {
            Item::Entity(e) => View {
                id: trim(&e.id),
                entity_type: &e.entity_type,
                canonical: &e.canonical,
                aliases: Aliases::List(e.aliases.iter()),
                alias_column: "",
                names: None,
            },
            Item::Line { text, cols, names } => {
                let col = |k: usize| &self.texts[*text][cols[k].0..cols[k].1];
                View {
                    id: col(0),
                    entity_type: col(1),
                    canonical: col(2),
                    aliases: Aliases::Tsv(SplitAscii::new(col(3), b'|')),
                    alias_column: col(3),
                    names: names.map(|n| n as usize),
                }
            }
        }
    }

    /// Validates the entities and resolves aliases to keys.
    fn resolve(&self) -> Result<Resolution, Error> {
        let views = || self.items.iter().map(|item| self.view(item));
        // The ids (an id defined again later is a redefinition: only the last definition
        // counts) and at least the number of names.
        let mut names = 0;
        let ids: Vec<Cow<str>> = views()
            .map(|v| {
                names += 1 + match &v.aliases {
                    Aliases::List(list) => list.len(),
                    // Short columns: a plain count beats a vectorised one.
                    Aliases::Tsv(_) => v.alias_column.bytes().filter(|&b| b == b'|').count() + 1,
                };
                match v.id {
                    "" => Cow::Owned(make_id(trim(v.entity_type), v.canonical)),
                    id => Cow::Borrowed(id),
                }
            })
            .collect();
        let mut infos: Vec<(EntityInfo, usize)> = Vec::with_capacity(self.items.len());
        let mut resolved: Vec<Resolved> = Vec::with_capacity(names);
        let mut by_key = KeyTable::new(names);
        let mut keys: Vec<u8> = Vec::new();
        let mut hashes: Vec<u64> = Vec::with_capacity(names * 2);
        let mut buf = Vec::new();
        let mut duplicates = Vec::new();
        let mut types: FastMap<&str, Arc<str>> = FastMap::default();
        let mut previous_type: Option<Arc<str>> = None;
        // The default list alone has distinct ids (`build.rs` checks them): no redefinition.
        let default_list_alone = self.items.len() == crate::default_list::COLUMNS.len()
            && self
                .items
                .iter()
                .all(|item| matches!(item, Item::Line { names: Some(_), .. }));
        let mut last: FastMap<&str, usize> = FastMap::default();
        if !default_list_alone {
            last.reserve(ids.len());
            for (i, id) in ids.iter().enumerate() {
                last.insert(id, i);
            }
        }
        for (index, (v, id)) in views().zip(&ids).enumerate() {
            let err = |message: &str| Error::Entity {
                index,
                message: message.to_string(),
            };
            let entity_type = trim(v.entity_type);
            if entity_type.is_empty() {
                return Err(err("empty type"));
            }
            if trim(v.canonical).is_empty() {
                return Err(err("empty canonical name"));
            }
            if !default_list_alone && last[&**id] != index {
                continue;
            }
            let entity = u32::try_from(infos.len())
                .map_err(|_| Error::Build("more than 4 billion entities".into()))?;
            // Types are few and come in runs: share one allocation per type.
            let entity_type = match &previous_type {
                Some(t) if **t == *entity_type => Arc::clone(t),
                _ => Arc::clone(
                    types
                        .entry(entity_type)
                        .or_insert_with(|| Arc::from(entity_type)),
                ),
            };
            previous_type = Some(Arc::clone(&entity_type));
            let canonical: Arc<str> = Arc::from(trim(v.canonical));
            // The alias text shares the canonical name's allocation when they are equal.
            let share = |alias: &str| -> Arc<str> {
                if alias == &*canonical {
                    Arc::clone(&canonical)
                } else {
                    Arc::from(alias)
                }
            };
            let id: Arc<str> = Arc::from(&**id);
            let names = std::iter::once(v.canonical).chain(v.aliases.clone());
            for (n, name) in names.enumerate() {
                let (mode, alias) = split_marker(name);
                let (key_start, tokens_start) = (keys.len(), hashes.len());
                if let Some(first) = v.names {
                    let (k0, k1, h0, h1) = crate::default_list::NAMES[first + n];
                    let key = &crate::default_list::KEYS.as_bytes()[k0 as usize..k1 as usize];
                    keys.extend_from_slice(key);
                    hashes
                        .extend_from_slice(&crate::default_list::HASHES[h0 as usize..h1 as usize]);
                } else {
                    fold_key_hashes_into(alias, &mut buf, &mut keys, |h| hashes.push(h));
                }
                let key = &keys[key_start..];
                if key.is_empty() || !(key.is_ascii() || std::str::from_utf8(key).is_ok()) {
                    keys.truncate(key_start);
                    hashes.truncate(tokens_start);
                    continue;
                }
                let hash = hashes[tokens_start..].iter().fold(0u64, |h, &t| {
                    (h.rotate_left(29) ^ t).wrapping_mul(0x9E37_79B9_7F4A_7C15)
                });
                let found = by_key.find(hash, |r| {
                    let (s, e) = resolved[r as usize].key;
                    keys[s..e] == *key
                });
                match found {
                    Ok(r) => {
                        keys.truncate(key_start);
                        hashes.truncate(tokens_start);
                        let r = &mut resolved[r as usize];
                        if r.entity == entity {
                            // Same entity: the first spelling is kept, but an explicit case
                            // marker (`=Bali` next to the canonical `Bali`) overrides the
                            // automatic rule.
                            if r.mode == CaseMode::Auto && mode != CaseMode::Auto {
                                r.mode = mode;
                                r.alias = Arc::from(alias);
                            }
                        } else {
                            duplicates.push(Duplicate {
                                key: String::from_utf8_lossy(&keys[r.key.0..r.key.1]).into_owned(),
                                kept: id.to_string(),
                                dropped: infos[r.entity as usize].0.id.to_string(),
                            });
                            r.entity = entity;
                            r.alias = share(alias);
                            r.mode = mode;
                        }
                    }
                    Err(slot) => {
                        by_key.slots[slot] = (hash, resolved.len() as u32);
                        resolved.push(Resolved {
                            key: (key_start, keys.len()),
                            tokens: (tokens_start, hashes.len()),
                            entity,
                            alias: share(alias),
                            mode,
                        });
                    }
                }
            }
            infos.push((
                EntityInfo {
                    id,
                    entity_type,
                    canonical,
                    attributes: BTreeMap::new(),
                },
                index,
            ));
        }
        Ok(Resolution {
            entities: infos,
            aliases: resolved,
            keys,
            hashes,
            duplicates,
        })
    }

    /// Compiles the matcher.
    pub fn build(mut self) -> Result<Gazetteer, Error> {
        let Resolution {
            entities,
            aliases: resolved,
            keys,
            hashes,
            duplicates,
        } = self.resolve()?;
        let mut default_columns = Vec::with_capacity(entities.len());
        let entities: Vec<EntityInfo> = entities
            .into_iter()
            .map(|(mut info, item)| {
                let mut column = (0, 0);
                match &mut self.items[item] {
                    Item::Entity(e) => info.attributes = std::mem::take(&mut e.attributes),
                    Item::Line { text, cols, names } => {
                        let (start, end) = cols[4];
                        let text: &str = &self.texts[*text];
                        if names.is_some() {
                            // The embedded list (its offsets fit in `u32`): parsed when asked.
                            column = (start as u32, end as u32);
                        } else if start < end {
                            info.attributes = parse_attributes(&text[start..end]);
                        }
                    }
                }
                default_columns.push(column);
                info
            })
            .collect();
        if default_columns.iter().all(|(start, end)| start == end) {
            default_columns = Vec::new();
        }
        let mut aliases = Vec::with_capacity(resolved.len());
        let mut bounds = Vec::with_capacity(resolved.len() + 1);
        bounds.push(0);
        for r in resolved {
            let sensitive = match r.mode {
                CaseMode::Sensitive => true,
                CaseMode::Insensitive => false,
                CaseMode::Auto => is_short_acronym(&r.alias),
            };
            let case = if sensitive {
                CaseRule::Sensitive {
                    upper: r.alias.to_uppercase().into(),
                }
            } else if r.mode == CaseMode::Insensitive
                || self.lowercase_text
                || !r.alias.chars().any(char::is_uppercase)
                || r.tokens.1 - r.tokens.0 > 1
            {
                // Several tokens (`korea selatan`) are not ambiguous with a common word.
                CaseRule::Insensitive
            } else {
                CaseRule::NotLowercase
            };
            let clitics = !sensitive && r.alias.chars().last().is_some_and(char::is_alphabetic);
            aliases.push(AliasInfo {
                entity: r.entity,
                alias: r.alias,
                case,
                clitics,
                key: keys[r.key.0..r.key.1].into(),
            });
            debug_assert_eq!(bounds.last(), Some(&r.tokens.0));
            bounds.push(r.tokens.1);
        }
        Gazetteer::compile(
            aliases,
            &hashes,
            &bounds,
            entities,
            default_columns,
            duplicates,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_fields_split_and_trim_as_the_standard_library() {
        for text in [
            "",
            "|",
            "a|b",
            "||a| b |",
            " Korsel \u{a0}|\u{b}ROK\u{b}|\tRI\r",
            "Côte d’Ivoire|\u{3000}Jepang\u{3000}",
            "x\u{85}|\u{85}",
        ] {
            let split: Vec<&str> = text.split('|').collect();
            assert_eq!(SplitAscii::new(text, b'|').collect::<Vec<_>>(), split);
            for piece in split {
                assert_eq!(trim(piece), piece.trim(), "{piece:?}");
            }
        }
    }

    #[test]
    fn acronym_rule() {
        for (a, want) in [
            ("AS", true),
            ("KPK", true),
            ("PDI-P", true),
            ("G20", true),
            ("NATO", true),
            ("ASEAN", false),
            ("Polri", false),
            ("Korsel", false),
            ("2024", false),
        ] {
            assert_eq!(is_short_acronym(a), want, "{a}");
        }
    }

    #[test]
    fn ids() {
        assert_eq!(make_id("PER", "Emily  Home"), "PER:emily-home");
        assert_eq!(make_id("PER", "Kang Min-seol"), "PER:kang-min-seol");
        assert_eq!(make_id("ORG", "Côte d’Ivoire"), "ORG:cote-d-ivoire");
        // ASCII names take a short cut: the same slug as from the folded key.
        for name in [
            "  Emily\t Home ",
            "O'Neil, Jr.",
            "--PDI-P--",
            "A.B. Smith 2024",
            "x\u{1}y\u{b}z",
            "",
            "?!",
        ] {
            let key = crate::fold_key(name);
            let mut want = String::from("PER:");
            for c in key.chars() {
                if c.is_alphanumeric() {
                    want.push(c);
                } else if want.len() > 4 && !want.ends_with('-') {
                    want.push('-');
                }
            }
            assert_eq!(make_id("PER", name), want.trim_end_matches('-'), "{name:?}");
        }
    }

    #[test]
    fn tsv_errors_name_the_line_and_problem() {
        let cases = [
            ("GPE:KR\tGPE\n", 1, "at least 3"),
            ("# c\n\nA\tGPE\tKorea\tKorsel\tx\ty\n", 3, "at most 5"),
            ("A\t\tKorea\n", 1, "empty type"),
            ("A\tGPE\t \n", 1, "empty canonical"),
            (
                "ok\tGPE\tKorea\nA\tGPE\tKorea\tKorsel\tcapital\n",
                2,
                "key=value",
            ),
        ];
        for (tsv, line, msg) in cases {
            match GazetteerBuilder::new().add_tsv(tsv) {
                Err(Error::Parse { line: l, message }) => {
                    assert_eq!(l, line, "{tsv:?}");
                    assert!(message.contains(msg), "{message}");
                }
                other => panic!("{tsv:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn tsv_parses_fields() {
        let b = GazetteerBuilder::new()
            .add_tsv("\u{FEFF}# list\r\n\r\nGPE:KR\tGPE\tKorea Selatan\tKorsel| Republik Korea |\tiso=KR; wikidata=Q884\r\n\tORG\tKantor Berita Yonhap\n")
            .unwrap();
        assert_eq!(b.len(), 2);
        let v = b.view(&b.items[0]);
        assert_eq!(
            (v.id, v.entity_type, v.canonical),
            ("GPE:KR", "GPE", "Korea Selatan")
        );
        assert_eq!(v.aliases.collect::<Vec<_>>(), ["Korsel", "Republik Korea"]);
        let g = b.build().unwrap();
        let (_, _, attributes) = g.entity("GPE:KR").unwrap();
        assert_eq!(
            attributes.iter().collect::<Vec<_>>(),
            [
                (&"iso".to_string(), &"KR".to_string()),
                (&"wikidata".to_string(), &"Q884".to_string())
            ]
        );
        assert_eq!(
            g.entity("ORG:kantor-berita-yonhap").map(|e| e.0),
            Some("Kantor Berita Yonhap")
        );
    }

    #[test]
    fn default_list_columns_read_at_compile_time_are_those_of_the_parser() {
        let parsed = GazetteerBuilder::new()
            .add_tsv_text(Cow::Borrowed(crate::default_list::TSV))
            .unwrap();
        let embedded = GazetteerBuilder::new().with_default_list();
        assert_eq!(embedded.len(), parsed.len());
        assert!(embedded.len() > 500);
        for (a, b) in embedded.items.iter().zip(&parsed.items) {
            match (a, b) {
                (Item::Line { cols: a, .. }, Item::Line { cols: b, .. }) => assert_eq!(a, b),
                _ => panic!("not TSV lines"),
            }
        }
    }

    #[test]
    fn default_list_names_folded_at_compile_time_are_those_of_the_folder() {
        let b = GazetteerBuilder::new().with_default_list();
        let mut buf = Vec::new();
        let mut checked = 0;
        for item in &b.items {
            let v = b.view(item);
            let first = v.names.unwrap();
            let names = std::iter::once(v.canonical).chain(v.aliases);
            for (n, name) in names.enumerate() {
                let (k0, k1, h0, h1) = crate::default_list::NAMES[first + n];
                let (mut key, mut hashes) = (Vec::new(), Vec::new());
                fold_key_hashes_into(split_marker(name).1, &mut buf, &mut key, |h| hashes.push(h));
                assert_eq!(
                    &crate::default_list::KEYS.as_bytes()[k0 as usize..k1 as usize],
                    key,
                    "{name}"
                );
                assert_eq!(
                    crate::default_list::HASHES[h0 as usize..h1 as usize],
                    hashes,
                    "{name}"
                );
                checked += 1;
            }
        }
        assert_eq!(checked, crate::default_list::NAMES.len());
    }

    #[test]
    fn the_default_list_twice_or_redefined() {
        let once = GazetteerBuilder::new().with_default_list().build().unwrap();
        let twice = GazetteerBuilder::new()
            .with_default_list()
            .with_default_list()
            .build()
            .unwrap();
        let text = "Presiden RI bertemu PM Jepang di Jakarta, kata KPK.";
        assert_eq!(twice.find(text), once.find(text));
        assert!(once.find(text).iter().any(|m| &*m.id == "GPE:JP"));
        assert_eq!((twice.len(), twice.duplicates().len()), (once.len(), 0));
        let redefined = GazetteerBuilder::new()
            .with_default_list()
            .add(Entity::new("GPE:JP", "GPE", "Nippon"))
            .build()
            .unwrap();
        assert_eq!(redefined.len(), once.len());
        assert_eq!(redefined.entity("GPE:JP").map(|e| e.0), Some("Nippon"));
        assert!(redefined.find(text).iter().all(|m| &*m.alias != "Jepang"));
    }

    #[test]
    fn attributes_of_the_default_list_and_of_added_lists() {
        let g = GazetteerBuilder::new()
            .with_default_list()
            .add_tsv("X:A\tORG\tAlfa\t\tk=v;k=w\nX:B\tORG\tBeta\nX:C\tORG\tGama\t\t z = 1 \n")
            .unwrap()
            .build()
            .unwrap();
        let attributes = |id: &str| {
            let (_, _, map) = g.entity(id).unwrap();
            map.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
        };
        assert_eq!(attributes("GPE:ID"), ["iso=ID"]);
        assert_eq!(attributes("X:A"), ["k=w"]);
        assert!(attributes("X:B").is_empty());
        assert_eq!(attributes("X:C"), ["z=1"]);
    }

    #[test]
    fn tsv_and_code_entities_build_alike() {
        let tsv = "GPE:KR\tGPE\t Korea Selatan \tKorsel|=ROK||Korsel\tiso=KR;iso=KOR; a = b \n\tPER\tBudi\n";
        let code = [
            Entity::new("GPE:KR", "GPE", "Korea Selatan")
                .with_alias("Korsel")
                .with_alias("=ROK")
                .with_alias("Korsel")
                .with_attribute("iso", "KOR")
                .with_attribute("a", "b"),
            Entity::new("", "PER", "Budi"),
        ];
        let from_tsv = GazetteerBuilder::new()
            .add_tsv(tsv)
            .unwrap()
            .build()
            .unwrap();
        let from_code = code
            .into_iter()
            .fold(GazetteerBuilder::new(), GazetteerBuilder::add)
            .build()
            .unwrap();
        let text = "Budi ke Korsel, Korea Selatan dan ROK, bukan rok.";
        assert_eq!(from_tsv.find(text), from_code.find(text));
        assert_eq!(from_tsv.find(text).len(), 4);
        for id in ["GPE:KR", "PER:budi"] {
            assert_eq!(from_tsv.entity(id), from_code.entity(id), "{id}");
        }
    }

    #[test]
    fn json_loader() {
        let b = GazetteerBuilder::new()
            .add_json(r#"{"entities": [{"type": "PER", "name": "Suh Hoon", "attributes": {"born": 1954}}]}"#)
            .unwrap();
        let g = b.build().unwrap();
        let (_, _, attributes) = g.entity("PER:suh-hoon").unwrap();
        assert_eq!(attributes["born"], "1954");
        let e = GazetteerBuilder::new()
            .add_json("[\n{\"type\": \"PER\",}\n]")
            .unwrap_err();
        assert!(matches!(e, Error::Parse { line: 2, .. }), "{e:?}");
        let e = GazetteerBuilder::new()
            .add_json("[{\"type\": \"PER\", \"canonical\": \"A\"},\n {\"type\": \"PER\"}]")
            .unwrap_err();
        assert!(
            matches!(&e, Error::Parse { line: 2, message } if message.contains("entity #2") && message.contains("canonical")),
            "{e:?}"
        );
        let e = GazetteerBuilder::new()
            .add_json("{\"entities\": [\n\n  {\"type\": \"PER\", \"canonical\": \"A,[\\\"\", \"aliases\": \"B\"}]}")
            .unwrap_err();
        assert!(matches!(e, Error::Parse { line: 3, .. }), "{e:?}");
    }

    #[test]
    fn later_entity_keeps_a_duplicate_alias() {
        let b = GazetteerBuilder::new()
            .add_tsv("A\tLOC\tPapua\nB\tGPE\tProvinsi Papua\tpapua|PAPUA\n")
            .unwrap();
        assert_eq!(
            b.duplicates().unwrap(),
            [Duplicate {
                key: "papua".into(),
                kept: "B".into(),
                dropped: "A".into()
            }]
        );
        let g = b.build().unwrap();
        assert_eq!(&*g.find("di Papua")[0].id, "B");
    }
}
