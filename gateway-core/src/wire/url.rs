//! URL paths built from caller-supplied pieces, which can never climb out of
//! the base path or change the host.

use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use url::Url;

use crate::error::{Error, Result};

/// A single path segment: only unreserved characters stay as they are.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Inside a multi-segment path (model ids, provider endpoints): also keep
/// `@`, `:` and sub-delimiters, and `%` of escapes the caller already wrote.
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'/')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'[')
    .add(b']');

/// Query part of an endpoint: keep what a query may hold.
const QUERY: &AsciiSet = &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'<').add(b'>').add(b'`').add(b'{').add(b'}');

/// One piece of a URL path.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Part<'a> {
    /// A single segment (ids); everything reserved is escaped, and `.` and
    /// `..` are refused (a URL parser reads them as dot segments, escaped or not).
    Segment(&'a str),
    /// A caller's path of several segments with an optional `?query`.
    Path(&'a str),
    /// A fixed piece of our own.
    Fixed(&'static str),
}

/// `base` + `/`-joined parts. `field` names the caller's input in errors.
///
/// Built on a clone of the parsed base: only the new path and query are
/// parsed, never the scheme and host again (and reqwest takes a `Url` as is).
pub(crate) fn build(base: &Url, parts: &[Part<'_>], field: &str) -> Result<Url> {
    let mut out = String::with_capacity(base.path().len() + 96);
    out.push_str(base.path().trim_end_matches('/'));
    let mut query = None;
    for part in parts {
        out.push('/');
        match *part {
            Part::Fixed(s) => out.push_str(s),
            Part::Segment(s) => {
                if s.is_empty() {
                    return Err(Error::invalid(field, "must not be empty"));
                }
                if s == "." || s == ".." {
                    return Err(Error::invalid(field, format!("{s:?} is not a path segment")));
                }
                out.extend(utf8_percent_encode(s, SEGMENT));
            }
            Part::Path(p) => {
                let (path, q) = match p.split_once('?') {
                    Some((path, q)) => (path, Some(q)),
                    None => (p, None),
                };
                let path = path.strip_prefix('/').unwrap_or(path);
                if path.is_empty() {
                    return Err(Error::invalid(field, "must not be empty"));
                }
                for (i, segment) in path.split('/').enumerate() {
                    check_segment(segment, field, p)?;
                    if i > 0 {
                        out.push('/');
                    }
                    out.extend(utf8_percent_encode(segment, PATH_SEGMENT));
                }
                query = q;
            }
        }
    }
    let mut url = base.clone();
    url.set_path(&out);
    url.set_query(None);
    url.set_fragment(None);
    if let Some(q) = query {
        if q.contains('#') {
            return Err(Error::invalid(field, "must not contain `#`"));
        }
        let encoded: String = utf8_percent_encode(q, QUERY).collect();
        url.set_query(Some(&encoded));
    }
    Ok(url)
}

fn check_segment(segment: &str, field: &str, whole: &str) -> Result<()> {
    let decoded = percent_decode_str(segment).decode_utf8_lossy();
    if segment.is_empty()
        || decoded == "."
        || decoded == ".."
        || decoded.contains('\\')
        || decoded.chars().any(char::is_control)
    {
        return Err(Error::invalid(
            field,
            format!("{whole:?} is not a relative path (empty, `.`, `..` or control characters)"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("http://127.0.0.1:8080/v1/").unwrap()
    }

    #[test]
    fn builds_paths() {
        let url = build(
            &base(),
            &[
                Part::Segment("acc"),
                Part::Segment("gw"),
                Part::Fixed("workers-ai"),
                Part::Path("@cf/meta/llama-3.1-8b-instruct"),
            ],
            "model",
        )
        .unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:8080/v1/acc/gw/workers-ai/@cf/meta/llama-3.1-8b-instruct");
        let url =
            build(&base(), &[Part::Path("v1/models/gemini-2.5-flash:generateContent?alt=sse")], "endpoint").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:8080/v1/v1/models/gemini-2.5-flash:generateContent?alt=sse");
        let url = build(&base(), &[Part::Segment("a/b?c")], "id").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:8080/v1/a%2Fb%3Fc");
        let url = build(&base(), &[Part::Path("@cf%2Fmeta%2Fm")], "model").unwrap();
        assert_eq!(url.as_str(), "http://127.0.0.1:8080/v1/@cf%2Fmeta%2Fm");
    }

    #[test]
    fn rejects_traversal() {
        for bad in ["../x", "a/../b", "a//b", "%2e%2E/x", "a/.", "", "/", "a\\b", "x?y#z"] {
            assert!(build(&base(), &[Part::Path(bad)], "endpoint").is_err(), "{bad}");
        }
        assert!(build(&base(), &[Part::Segment("")], "id").is_err());
        // An absolute URL stays a path under the base.
        let url = build(&base(), &[Part::Path("http://evil.example/x")], "endpoint");
        assert!(url.is_err() || url.unwrap().as_str().starts_with("http://127.0.0.1:8080/v1/"));
    }

    /// Found by the property tests: a `.` or `..` id was sent as a dot
    /// segment, which the URL parser resolves, so `get_log("..")` asked for
    /// the gateway itself and `get_log(".")` for the logs list.
    #[test]
    fn dot_ids_are_refused() {
        for bad in [".", ".."] {
            let err = build(&base(), &[Part::Fixed("logs"), Part::Segment(bad)], "log id").unwrap_err();
            assert!(err.to_string().contains("log id"), "{err}");
        }
        let url = build(&base(), &[Part::Fixed("logs"), Part::Segment("...")], "log id").unwrap();
        assert_eq!(url.path(), "/v1/logs/...");
    }

    /// Setting the path on the parsed base gives exactly what parsing the whole string would.
    #[test]
    fn same_as_parsing_the_whole_url() {
        for (base, path) in [
            ("http://127.0.0.1:8080/v1/", "@cf/meta/llama-3.1-8b-instruct"),
            ("https://gateway.ai.cloudflare.com/v1", "v1/models/gemini:generateContent?alt=sse&x='y'"),
            ("http://[::1]:9/a/b", "x!$&'()*+,;=:@/y%20z?q=a b"),
        ] {
            let base = Url::parse(base).unwrap();
            let built = build(&base, &[Part::Segment("acc"), Part::Path(path)], "endpoint").unwrap();
            assert_eq!(built, Url::parse(built.as_str()).unwrap(), "{built}");
        }
    }
}
