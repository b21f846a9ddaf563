//! Compile-fail and pass cases of the derives (`tests/ui/fail`, `tests/ui/pass`).

#[rustversion::attr(not(stable(1.95)), ignore = "compiler messages are pinned to stable 1.95")]
#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/fail/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
