//! Properties of universal requests: step configs and whole bodies.

use gateway_core::{UniversalRequest, UniversalStep};
use proptest::collection::vec;
use proptest::prelude::*;

use crate::type_strategies::{step_config, universal_step};
use crate::{CASES, json_round_trip, same_json};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn step_config_round_trips_in_camel_case(c in step_config()) {
        let value = serde_json::to_value(&c).unwrap();
        let keys = ["requestTimeout", "maxAttempts", "retryDelay", "backoff"];
        prop_assert!(value.as_object().unwrap().keys().all(|k| keys.contains(&k.as_str())), "{}", value);
        prop_assert_eq!(json_round_trip(&c), c);
    }

    /// The JS body decodes to the same steps and re-encodes to the same bytes.
    /// Header values come back as the strings they were sent as (they compare
    /// by wire form), and `query` numbers by value (see `same_json`).
    #[test]
    fn universal_bodies_round_trip(steps in vec(universal_step(), 1..4)) {
        let request = UniversalRequest::new(steps);
        let body = request.to_body().unwrap();
        let back: UniversalRequest = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(back.to_body().unwrap(), body);
        prop_assert_eq!(back.steps().len(), request.steps().len());
        for (back, sent) in back.steps().iter().zip(request.steps()) {
            prop_assert_eq!(&back.provider, &sent.provider);
            prop_assert_eq!(&back.endpoint, &sent.endpoint);
            prop_assert_eq!(&back.config, &sent.config);
            prop_assert_eq!(&back.headers, &sent.headers);
            let names = |s: &UniversalStep| s.headers.iter().map(|(k, _)| k.to_owned()).collect::<Vec<_>>();
            prop_assert_eq!(names(back), names(sent));
            prop_assert!(same_json(&back.query, &sent.query), "{} vs {}", back.query, sent.query);
        }
        // Through plain serde_json, nothing changes at all.
        prop_assert_eq!(json_round_trip(&request), request);
    }
}
