//! The cache's pure rules: layout, age, LRU.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::cache::*;

#[test]
fn round_trips_and_rejects_corrupt_or_old_entries() {
    let e = Entry {
        saved_ms: 1_700_000_000_000.0,
        text: "{\"items\":[]}\nsecond line".into(),
    };
    assert_eq!(decode(&encode(&e), e.saved_ms + 1000.0), Some(e.clone()));
    assert_eq!(
        decode(&encode(&e), e.saved_ms + MAX_AGE_MS + 1.0),
        None,
        "older than 7 days"
    );
    assert_eq!(
        decode(&encode(&e), e.saved_ms - 60_000.0),
        None,
        "saved in the future"
    );
    for corrupt in ["", "garbage", "12x\n{}", "1700000000000\n", "NaN\n{}"] {
        assert_eq!(decode(corrupt, 1_700_000_000_000.0), None, "{corrupt:?}");
    }
}

#[test]
fn least_recently_used_endpoint_goes_first() {
    let mut index = String::new();
    for url in ["a", "b", "c", "d"] {
        let (next, evicted) = touch(&index, url);
        assert!(evicted.is_empty());
        index = next;
    }
    assert_eq!(index, "d\nc\nb\na");
    let (index, evicted) = touch(&index, "b");
    assert_eq!(
        (index.as_str(), evicted.len()),
        ("b\nd\nc\na", 0),
        "use moves to the front"
    );
    let (index, evicted) = touch(&index, "e");
    assert_eq!(index, "e\nb\nd\nc");
    assert_eq!(evicted, vec!["a".to_owned()]);
}
