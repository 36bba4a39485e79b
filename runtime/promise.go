package runtime

// Promise is the value of delay, delay-force and make-promise. Promises
// chained by delay-force share one state (R7RS 7.3's reference
// implementation), which makes forcing a long chain run in constant space.
type Promise struct {
	State *PromiseState
}

// PromiseState is the shared part of a promise: either the value (Done)
// or the thunk that computes it.
type PromiseState struct {
	Done  bool
	Value Value
}
