//! Standard-library modules written in Python and shipped inside the `ember` binary.
//!
//! The sources live in `interp/lib/` (written for Ember, not copied from CPython) and are
//! compiled on first import like any other module; tracebacks name them
//! `<ember-lib>/NAME.py`. Add a module by adding its file and one line to `MODULES`.

/// (module name, source text, whether it is a package `__init__`).
const MODULES: &[(&str, &str, bool)] = &[
    // ("name", include_str!("../../lib/name.py"), false),
    ("__future__", include_str!("../../lib/__future__.py"), false),
    ("_strptime", include_str!("../../lib/_strptime.py"), false),
    ("abc", include_str!("../../lib/abc.py"), false),
    ("argparse", include_str!("../../lib/argparse.py"), false),
    ("base64", include_str!("../../lib/base64.py"), false),
    ("bisect", include_str!("../../lib/bisect.py"), false),
    (
        "collections",
        include_str!("../../lib/collections/__init__.py"),
        true,
    ),
    (
        "collections.abc",
        include_str!("../../lib/collections/abc.py"),
        false,
    ),
    ("contextlib", include_str!("../../lib/contextlib.py"), false),
    ("copy", include_str!("../../lib/copy.py"), false),
    (
        "dataclasses",
        include_str!("../../lib/dataclasses.py"),
        false,
    ),
    ("datetime", include_str!("../../lib/datetime.py"), false),
    ("decimal", include_str!("../../lib/decimal.py"), false),
    ("enum", include_str!("../../lib/enum.py"), false),
    ("functools", include_str!("../../lib/functools.py"), false),
    ("heapq", include_str!("../../lib/heapq.py"), false),
    ("json", include_str!("../../lib/json/__init__.py"), true),
    (
        "json.decoder",
        include_str!("../../lib/json/decoder.py"),
        false,
    ),
    (
        "json.encoder",
        include_str!("../../lib/json/encoder.py"),
        false,
    ),
    (
        "logging",
        include_str!("../../lib/logging/__init__.py"),
        true,
    ),
    ("os", include_str!("../../lib/os.py"), false),
    ("pickle", include_str!("../../lib/pickle.py"), false),
    ("posixpath", include_str!("../../lib/posixpath.py"), false),
    ("pprint", include_str!("../../lib/pprint.py"), false),
    ("random", include_str!("../../lib/random.py"), false),
    ("re", include_str!("../../lib/re.py"), false),
    ("shutil", include_str!("../../lib/shutil.py"), false),
    ("string", include_str!("../../lib/string.py"), false),
    ("textwrap", include_str!("../../lib/textwrap.py"), false),
    ("threading", include_str!("../../lib/threading.py"), false),
    ("traceback", include_str!("../../lib/traceback.py"), false),
    ("typing", include_str!("../../lib/typing.py"), false),
    ("warnings", include_str!("../../lib/warnings.py"), false),
    ("weakref", include_str!("../../lib/weakref.py"), false),
];

/// Embedded modules standing in for modules CPython writes in C. C code leaves no frames in
/// a traceback, so theirs are left out too: `Decimal(1) / 0` shows only the caller's line.
const C_STAND_INS: &[&str] = &["decimal"];

/// Whether frames of code from `filename` stay out of tracebacks (see `C_STAND_INS`).
pub fn hides_frames(filename: &str) -> bool {
    filename
        .strip_prefix("<ember-lib>/")
        .and_then(|f| f.strip_suffix(".py"))
        .is_some_and(|m| C_STAND_INS.contains(&m))
}

/// The source of embedded module `name`, if Ember ships one.
pub fn source(name: &str) -> Option<(&'static str, bool)> {
    MODULES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, src, pkg)| (src, pkg))
}

/// The file name tracebacks show for an embedded module.
pub fn filename(name: &str, package: bool) -> String {
    if package {
        format!("<ember-lib>/{}/__init__.py", name.replace('.', "/"))
    } else {
        format!("<ember-lib>/{}.py", name.replace('.', "/"))
    }
}
