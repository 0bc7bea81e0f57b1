//! The order options are shown in. Each presentation of a question shuffles
//! its options, so a question answered wrongly does not come back with the
//! same letters; the order is a pure function of the learner, the item and
//! how many times it was answered before, so the screen that shows it, the
//! feedback and a scripted `answer` all agree without storing anything.

use crate::stable_hash::{fnv1a, mix, SplitMix};

/// The shown order of `options` options: `order[shown] = canonical index`.
/// `attempt` is the number of earlier answers to this item.
pub fn option_order(learner_seed: u64, item_id: &str, attempt: u32, options: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..options).collect();
    let seed = mix(learner_seed ^ fnv1a(item_id) ^ mix(u64::from(attempt)));
    let mut random = SplitMix::new(seed);
    // Fisher–Yates.
    for i in (1..options).rev() {
        let j = (random.next_unit() * (i + 1) as f64) as usize;
        order.swap(i, j.min(i));
    }
    order
}

/// Where canonical option `canonical` appears in `order`.
pub fn shown_position(order: &[usize], canonical: usize) -> Option<usize> {
    order.iter().position(|&c| c == canonical)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_order_is_a_permutation(seed: u64, id in "[a-z-]{1,20}", attempt: u32, n in 1usize..7) {
            let mut order = option_order(seed, &id, attempt, n);
            order.sort_unstable();
            prop_assert_eq!(order, (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_same_presentation_gives_the_same_order() {
        assert_eq!(option_order(7, "q-a", 3, 4), option_order(7, "q-a", 3, 4));
    }

    #[test]
    fn later_attempts_reshuffle() {
        let orders: std::collections::HashSet<Vec<usize>> =
            (0..20).map(|a| option_order(7, "q-a", a, 4)).collect();
        assert!(orders.len() > 8, "only {} distinct orders", orders.len());
    }

    #[test]
    fn the_correct_option_moves_around() {
        // Over many questions the canonical first option lands on every letter.
        let mut seen = [0u32; 4];
        for i in 0..400 {
            let order = option_order(11, &format!("q-{i}"), 0, 4);
            seen[shown_position(&order, 0).unwrap()] += 1;
        }
        assert!(seen.iter().all(|&n| n > 60), "{seen:?}");
    }
}
