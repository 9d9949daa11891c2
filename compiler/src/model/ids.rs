//! Ids as types: a channel id cannot be passed where a participant id is meant.

use std::fmt;

macro_rules! id_type {
    ($(#[doc = $doc:literal])* $name:ident) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(String);

        impl $name {
            /// The id as the rendition writes it.
            pub fn new(id: impl Into<String>) -> Self {
                $name(id.into())
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

id_type! {
    /// A regulation's id: the name of its module in the generated crate.
    RegulationId
}
id_type! {
    /// A channel's id, unique in its regulation.
    ChannelId
}
id_type! {
    /// A participant's id, unique in its regulation.
    ParticipantId
}
id_type! {
    /// A form's id, unique in its regulation.
    FormId
}
id_type! {
    /// A field's id, unique in its form: the JSON key of the field.
    FieldId
}
id_type! {
    /// A region's id, from the list in docs/language.md.
    RegionId
}
