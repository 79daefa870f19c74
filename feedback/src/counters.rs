pub mod counters {}
