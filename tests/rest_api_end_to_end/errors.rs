//! Errors end to end, and the ids an answer carries.
