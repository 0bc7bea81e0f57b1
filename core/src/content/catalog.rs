//! Several modules at once. Progress is stored by item id, so a catalog only
//! accepts a module whose practisable item ids (quiz questions, scenarios,
//! exercises, the open practice) no other module uses; concept ids may repeat
//! across modules, as they are always read together with their module.

use std::collections::HashMap;

use super::lookup::{ItemIndex, ItemRef};
use super::model::{Module, Pack};
use super::validate::ContentError;

/// The installed modules in display order, each with its item index.
#[derive(Debug, Clone)]
pub struct Catalog {
    modules: Vec<(Module, ItemIndex)>,
    /// Practisable item id → position of its module in `modules`.
    owners: HashMap<String, usize>,
}

impl From<Pack> for Catalog {
    /// A catalog of one validated pack (its ids are unique by validation).
    fn from(pack: Pack) -> Self {
        let index = ItemIndex::new(&pack.module);
        let owners = pack
            .module
            .item_ids()
            .map(|id| (id.to_owned(), 0))
            .collect();
        Catalog {
            modules: vec![(pack.module, index)],
            owners,
        }
    }
}

impl Catalog {
    /// Adds a validated pack, or replaces the module with the same id (a newer
    /// version of it). `source` names the pack in errors.
    pub fn with_pack(mut self, source: &str, pack: Pack) -> Result<Self, ContentError> {
        let module = pack.module;
        let index = ItemIndex::new(&module);
        if let Some(id) = module.item_ids().find(|id| {
            self.owners
                .get(*id)
                .is_some_and(|&at| self.modules[at].0.id != module.id)
        }) {
            let other = &self.modules[self.owners[id]].0.id;
            return Err(ContentError::new(
                source,
                id,
                "id",
                format!(
                    "is also an item of module {other:?}; item ids must be unique across modules"
                ),
            ));
        }
        match self.modules.iter().position(|(m, _)| m.id == module.id) {
            Some(at) => self.modules[at] = (module, index),
            None => self.modules.push((module, index)),
        }
        self.owners = self
            .modules
            .iter()
            .enumerate()
            .flat_map(|(at, (module, _))| module.item_ids().map(move |id| (id.to_owned(), at)))
            .collect();
        Ok(self)
    }

    /// The modules in display order; never empty.
    pub fn modules(&self) -> impl ExactSizeIterator<Item = &Module> + '_ {
        self.modules.iter().map(|(m, _)| m)
    }

    /// The first module in display order (a catalog is never empty).
    pub fn first(&self) -> &Module {
        &self.modules[0].0
    }

    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules().find(|m| m.id == id)
    }

    /// A practisable item by id, with the module it belongs to.
    pub fn item(&self, id: &str) -> Option<(&Module, ItemRef<'_>)> {
        let (module, index) = &self.modules[*self.owners.get(id)?];
        index.get(module, id).map(|item| (module, item))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::embedded_pack;

    /// A copy of the bundled pack under another module id, with every
    /// practisable id prefixed so it does not collide.
    fn renamed(module_id: &str) -> Pack {
        let mut pack = embedded_pack();
        let m = &mut pack.module;
        m.id = module_id.to_owned();
        let prefix = |id: &mut String| *id = format!("{module_id}-{id}");
        m.quiz.iter_mut().for_each(|q| prefix(&mut q.id));
        m.practice_scenarios
            .iter_mut()
            .for_each(|s| prefix(&mut s.id));
        m.exercises.iter_mut().for_each(|e| prefix(&mut e.id));
        prefix(&mut m.open_practice.id);
        pack
    }

    #[test]
    fn the_bundled_modules_form_one_catalog() {
        let catalog = crate::content::try_bundled_catalog().expect("bundled ids must not collide");
        assert_eq!(catalog.modules().len(), crate::content::BUNDLED.len());
        assert_eq!(
            catalog.modules().next().map(|m| m.id.as_str()),
            Some("failure-story")
        );
    }

    #[test]
    fn items_resolve_to_their_own_module() {
        let first = embedded_pack();
        let catalog = Catalog::from(first.clone())
            .with_pack("other.toml", renamed("other"))
            .unwrap();
        let ids: Vec<&str> = catalog.modules().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["failure-story", "other"]);
        let (module, item) = catalog.item(&first.module.quiz[0].id).unwrap();
        assert_eq!(
            (module.id.as_str(), item.id()),
            ("failure-story", first.module.quiz[0].id.as_str())
        );
        let other_id = format!("other-{}", first.module.exercises[1].id);
        let (module, item) = catalog.item(&other_id).unwrap();
        assert_eq!(module.id, "other");
        assert!(matches!(item, ItemRef::Exercise(_)));
        assert!(
            catalog.item(&first.module.faq[0].id).is_none(),
            "faq is not practised"
        );
        assert!(catalog.module("other").is_some() && catalog.module("nope").is_none());
    }

    #[test]
    fn a_colliding_item_id_is_refused_with_its_location() {
        let mut clash = renamed("other");
        let taken = embedded_pack().module.quiz[2].id.clone();
        clash.module.exercises[0].id = taken.clone();
        let err = Catalog::from(embedded_pack())
            .with_pack("other.toml", clash)
            .unwrap_err();
        assert_eq!(
            (err.file.as_str(), err.item.as_str(), err.field.as_str()),
            ("other.toml", taken.as_str(), "id")
        );
        assert!(err.message.contains("failure-story"), "{err}");
    }

    #[test]
    fn a_pack_with_a_known_id_replaces_that_module() {
        let mut newer = embedded_pack();
        newer.module.content_version = "1.1.0".into();
        let dropped = newer.module.quiz.remove(0).id;
        let catalog = Catalog::from(embedded_pack())
            .with_pack("other.toml", renamed("other"))
            .unwrap()
            .with_pack("newer.toml", newer)
            .unwrap();
        assert_eq!(catalog.modules().len(), 2);
        assert_eq!(
            catalog.module("failure-story").unwrap().content_version,
            "1.1.0"
        );
        assert!(
            catalog.item(&dropped).is_none(),
            "a removed item leaves the catalog"
        );
        assert!(catalog.item(&format!("other-{dropped}")).is_some());
    }
}
