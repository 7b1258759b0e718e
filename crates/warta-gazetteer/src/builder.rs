//! The builder: list loading (TSV, JSON, code) and alias resolution.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::fold::{fold_key, fold_key_into};
use crate::matcher::{AliasInfo, CaseRule, EntityInfo, Gazetteer};
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
    entities: Vec<Entity>,
    lowercase_text: bool,
}

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
        (CaseMode::Sensitive, rest.trim())
    } else if let Some(rest) = alias.strip_prefix('~') {
        (CaseMode::Insensitive, rest.trim())
    } else {
        (CaseMode::Auto, alias.trim())
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
    entities: Vec<EntityInfo>,
    aliases: Vec<Resolved>,
    duplicates: Vec<Duplicate>,
}

/// One alias that survived resolution.
struct Resolved {
    key: String,
    entity: u32,
    alias: Arc<str>,
    mode: CaseMode,
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
    pub fn with_default_list(self) -> Self {
        self.add_tsv(crate::default_list::TSV)
            .expect("the embedded default list is valid TSV")
    }

    /// The embedded default list as TSV text.
    pub fn default_list_tsv() -> &'static str {
        crate::default_list::TSV
    }

    /// Adds one entity. An entity with the id of an earlier one replaces it.
    #[allow(clippy::should_implement_trait)] // the contract name; not an arithmetic `Add`
    pub fn add(mut self, entity: Entity) -> Self {
        self.entities.push(entity);
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
        self.entities.len()
    }

    /// True when no entity was added.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
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
    pub fn add_tsv(mut self, tsv: &str) -> Result<Self, Error> {
        let tsv = tsv.strip_prefix('\u{FEFF}').unwrap_or(tsv);
        for (n, raw) in tsv.lines().enumerate() {
            let line = n + 1;
            let text = raw.strip_suffix('\r').unwrap_or(raw);
            let trimmed = text.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = text.split('\t').collect();
            let err = |message: String| Error::Parse { line, message };
            if cols.len() < 3 {
                return Err(err(format!(
                    "expected at least 3 tab-separated columns (id, type, canonical), found {}",
                    cols.len()
                )));
            }
            if cols.len() > 5 {
                return Err(err(format!(
                    "expected at most 5 tab-separated columns (id, type, canonical, aliases, attributes), found {}",
                    cols.len()
                )));
            }
            let entity_type = cols[1].trim();
            let canonical = cols[2].trim();
            if entity_type.is_empty() {
                return Err(err("empty type (column 2)".into()));
            }
            if canonical.is_empty() {
                return Err(err("empty canonical name (column 3)".into()));
            }
            let id = match cols[0].trim() {
                "" => make_id(entity_type, canonical),
                id => id.to_string(),
            };
            let aliases = cols
                .get(3)
                .map(|a| {
                    a.split('|')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            let mut attributes = BTreeMap::new();
            if let Some(attrs) = cols.get(4) {
                for pair in attrs.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    let Some((k, v)) = pair.split_once('=') else {
                        return Err(err(format!(
                            "attribute {pair:?} is not key=value (column 5)"
                        )));
                    };
                    if k.trim().is_empty() {
                        return Err(err(format!("attribute {pair:?} has an empty key")));
                    }
                    attributes.insert(k.trim().to_string(), v.trim().to_string());
                }
            }
            self.entities.push(Entity {
                id,
                canonical: canonical.to_string(),
                entity_type: entity_type.to_string(),
                aliases,
                attributes,
            });
        }
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
            self.entities.push(Entity {
                id,
                canonical,
                entity_type,
                aliases,
                attributes,
            });
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

    /// Validates the entities and resolves aliases to keys.
    fn resolve(&self) -> Result<Resolution, Error> {
        let mut infos = Vec::with_capacity(self.entities.len());
        let mut resolved: Vec<Resolved> = Vec::with_capacity(self.entities.len() * 2);
        let mut by_key: HashMap<String, usize> = HashMap::with_capacity(self.entities.len() * 2);
        let mut duplicates = Vec::new();
        let mut types: HashMap<String, Arc<str>> = HashMap::new();
        // An id defined again later is a redefinition: only the last definition counts.
        let ids: Vec<String> = self
            .entities
            .iter()
            .map(|e| match e.id.trim() {
                "" => make_id(e.entity_type.trim(), &e.canonical),
                id => id.to_string(),
            })
            .collect();
        let last: HashMap<&str, usize> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), i))
            .collect();
        for (index, (e, id)) in self.entities.iter().zip(&ids).enumerate() {
            let err = |message: &str| Error::Entity {
                index,
                message: message.to_string(),
            };
            if e.entity_type.trim().is_empty() {
                return Err(err("empty type"));
            }
            if e.canonical.trim().is_empty() {
                return Err(err("empty canonical name"));
            }
            if last[id.as_str()] != index {
                continue;
            }
            let id = id.clone();
            let entity = u32::try_from(infos.len())
                .map_err(|_| Error::Build("more than 4 billion entities".into()))?;
            // Types are few: share one allocation per type.
            let entity_type = match types.get(e.entity_type.trim()) {
                Some(t) => Arc::clone(t),
                None => {
                    let t: Arc<str> = Arc::from(e.entity_type.trim());
                    types.insert(e.entity_type.trim().to_string(), Arc::clone(&t));
                    t
                }
            };
            let canonical: Arc<str> = Arc::from(e.canonical.trim());
            // The alias text shares the canonical name's allocation when they are equal.
            let share = |alias: &str| -> Arc<str> {
                if alias == &*canonical {
                    Arc::clone(&canonical)
                } else {
                    Arc::from(alias)
                }
            };
            infos.push(EntityInfo {
                id: Arc::from(id.as_str()),
                entity_type,
                canonical: Arc::clone(&canonical),
                attributes: e.attributes.clone(),
            });
            let names =
                std::iter::once(e.canonical.as_str()).chain(e.aliases.iter().map(String::as_str));
            for name in names {
                let (mode, alias) = split_marker(name);
                let key = fold_key(alias);
                if key.is_empty() {
                    continue;
                }
                match by_key.get(&key) {
                    // Same entity: the first spelling is kept, but an explicit case marker
                    // (`=Bali` next to the canonical `Bali`) overrides the automatic rule.
                    Some(&i) if resolved[i].entity == entity => {
                        if resolved[i].mode == CaseMode::Auto && mode != CaseMode::Auto {
                            resolved[i].mode = mode;
                            resolved[i].alias = Arc::from(alias);
                        }
                    }
                    Some(&i) => {
                        duplicates.push(Duplicate {
                            key: key.clone(),
                            kept: id.clone(),
                            dropped: infos[resolved[i].entity as usize].id.to_string(),
                        });
                        resolved[i] = Resolved {
                            key,
                            entity,
                            alias: share(alias),
                            mode,
                        };
                    }
                    None => {
                        by_key.insert(key.clone(), resolved.len());
                        resolved.push(Resolved {
                            key,
                            entity,
                            alias: share(alias),
                            mode,
                        });
                    }
                }
            }
        }
        Ok(Resolution {
            entities: infos,
            aliases: resolved,
            duplicates,
        })
    }

    /// Compiles the matcher.
    pub fn build(self) -> Result<Gazetteer, Error> {
        let Resolution {
            entities,
            aliases: resolved,
            duplicates,
        } = self.resolve()?;
        let mut aliases = Vec::with_capacity(resolved.len());
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
                || r.key.contains(' ')
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
                key: r.key.into_bytes().into_boxed_slice(),
            });
        }
        Gazetteer::compile(aliases, entities, duplicates)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(b.entities.len(), 2);
        let e = &b.entities[0];
        assert_eq!(e.aliases, ["Korsel", "Republik Korea"]);
        assert_eq!(
            e.attributes.get("wikidata").map(String::as_str),
            Some("Q884")
        );
        assert_eq!(b.entities[1].id, "ORG:kantor-berita-yonhap");
    }

    #[test]
    fn json_loader() {
        let b = GazetteerBuilder::new()
            .add_json(r#"{"entities": [{"type": "PER", "name": "Suh Hoon", "attributes": {"born": 1954}}]}"#)
            .unwrap();
        assert_eq!(b.entities[0].id, "PER:suh-hoon");
        assert_eq!(b.entities[0].attributes["born"], "1954");
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
