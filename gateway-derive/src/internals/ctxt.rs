//! Collects every error of one derive, so all are reported together.

use std::cell::RefCell;
use std::fmt::Display;

use quote::ToTokens;

/// Error collector. Must be finished with [`Ctxt::check`]; dropping it
/// unchecked is a bug in the macro and panics (as serde's does).
pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Self { errors: RefCell::new(Some(Vec::new())) }
    }

    /// Records an error spanned on `tokens`.
    pub(crate) fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.syn_error(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records a parse error.
    pub(crate) fn syn_error(&self, error: syn::Error) {
        self.errors.borrow_mut().as_mut().expect("Ctxt::check already called").push(error);
    }

    /// Runs `parse` with a collector of its own and returns its result with
    /// the errors it recorded, to be passed to [`Ctxt::report`] later.
    pub(crate) fn defer<T>(parse: impl FnOnce(&Ctxt) -> T) -> (T, Deferred) {
        let cx = Ctxt::new();
        let value = parse(&cx);
        let errors = cx.errors.borrow_mut().take().expect("fresh collector");
        (value, Deferred(errors))
    }

    /// Records errors held back by [`Ctxt::defer`].
    pub(crate) fn report(&self, deferred: Deferred) {
        for error in deferred.0 {
            self.syn_error(error);
        }
    }

    /// All errors combined, or `Ok` when there were none.
    pub(crate) fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.borrow_mut().take().expect("Ctxt::check called twice").into_iter();
        let Some(mut combined) = errors.next() else { return Ok(()) };
        for rest in errors {
            combined.combine(rest);
        }
        Err(combined)
    }
}

/// Errors held back to be reported in order (see [`Ctxt::defer`]).
#[must_use = "deferred errors must be passed to `Ctxt::report`"]
pub(crate) struct Deferred(Vec<syn::Error>);

impl Drop for Ctxt {
    fn drop(&mut self) {
        assert!(std::thread::panicking() || self.errors.borrow().is_none(), "forgot to check for errors");
    }
}
