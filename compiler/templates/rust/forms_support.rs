/// serde for every generated form, written once: each form's `Serialize`
/// and `Deserialize` call these, so a crate of thousands of forms does not
/// expand a derive per form. An application is a JSON object of its fields'
/// ids to strings (or null); a key the form does not have, or a key given
/// twice, is refused.
#[doc(hidden)]
pub mod __forms {
    use ::reglament_runtime::Form;

    /// Writes a form as a map of its filled fields.
    pub fn serialize<F: Form, S: ::serde::Serializer>(
        form: &F,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeMap;
        let values = form.values();
        let filled = values.iter().filter(|v| v.is_some()).count();
        let mut map = serializer.serialize_map(::core::option::Option::Some(filled))?;
        for (field, value) in F::SPEC.fields.iter().zip(values) {
            if let ::core::option::Option::Some(value) = value {
                map.serialize_entry(field.id, value)?;
            }
        }
        map.end()
    }

    /// Reads a form from a map of field ids to strings.
    pub fn deserialize<'de, F, D>(deserializer: D) -> ::core::result::Result<F, D::Error>
    where
        F: Form + ::core::default::Default,
        D: ::serde::Deserializer<'de>,
    {
        deserializer.deserialize_map(Visitor::<F>(::core::marker::PhantomData))
    }

    struct Visitor<F>(::core::marker::PhantomData<F>);

    impl<'de, F: Form + ::core::default::Default> ::serde::de::Visitor<'de> for Visitor<F> {
        type Value = F;

        fn expecting(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            ::core::write!(formatter, "an application of form `{}`: an object of its field ids to strings", F::SPEC.id)
        }

        fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::core::result::Result<F, A::Error> {
            use ::serde::de::Error;
            let fields = F::SPEC.fields;
            let mut form = F::default();
            let mut seen = ::std::vec![false; fields.len()];
            while let ::core::option::Option::Some(key) = map.next_key::<::std::string::String>()? {
                let ::core::option::Option::Some(index) = fields.iter().position(|f| f.id == key) else {
                    let known: ::std::vec::Vec<&str> = fields.iter().map(|f| f.id).collect();
                    return ::core::result::Result::Err(A::Error::custom(::std::format!(
                        "form `{}` has no field `{key}`; its fields are {}",
                        F::SPEC.id,
                        known.join(", ")
                    )));
                };
                if seen[index] {
                    return ::core::result::Result::Err(A::Error::duplicate_field(fields[index].id));
                }
                seen[index] = true;
                form.set(index, map.next_value::<::core::option::Option<::std::string::String>>()?);
            }
            ::core::result::Result::Ok(form)
        }
    }
}
