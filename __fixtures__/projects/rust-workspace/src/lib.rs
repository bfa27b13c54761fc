//! The root crate: a greeting, and a louder one behind the default feature `fancy`.

pub fn greet(name: &str) -> String {
    if name.is_empty() {
        return "hello, nobody".to_string();
    }
    format!("hello, {name}")
}

#[cfg(feature = "fancy")]
pub fn shout(name: &str) -> String {
    let quiet = greet(name);
    let loud = quiet.to_uppercase();
    format!("{loud}!")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greets() {
        assert_eq!(greet("ada"), "hello, ada");
        assert_eq!(greet(""), "hello, nobody");
    }

    #[cfg(feature = "fancy")]
    #[test]
    fn shouts() {
        assert_eq!(shout("ada"), "HELLO, ADA!");
    }
}
