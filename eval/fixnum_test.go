package eval_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	rt "termite/runtime"
)

// TestCountingDoesNotAllocate: a loop counting to a million, and summing
// to half a trillion, allocates nothing per iteration, at any size of integer.
func TestCountingDoesNotAllocate(t *testing.T) {
	in := newInterp(t)
	thunk, err := in.RunSource([]byte(`
		(lambda ()
		  (let loop ((i 0) (sum 0))
		    (if (< i 1000000) (loop (+ i 1) (+ sum i)) sum)))`), "count.scm")
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	v, err := in.Apply(thunk)
	runtime.ReadMemStats(&after)
	if err != nil || rt.WriteString(v) != "499999500000" {
		t.Fatalf("got %v, %v", v, err)
	}
	if n := after.Mallocs - before.Mallocs; n > 1000 {
		t.Errorf("the loop made %d allocations", n)
	}
}

// TestInlinedComparisons runs each comparison in every form the compiler
// makes of it (operands on the stack, from variables, with a constant,
// with a constant and a variable), as a value and as the test of an if
// that it branches for, on operands below, equal to and above each other.
func TestInlinedComparisons(t *testing.T) {
	ops := []struct {
		name string
		f    func(a, b int) bool
	}{
		{"<", func(a, b int) bool { return a < b }},
		{">", func(a, b int) bool { return a > b }},
		{"<=", func(a, b int) bool { return a <= b }},
		{">=", func(a, b int) bool { return a >= b }},
		{"=", func(a, b int) bool { return a == b }},
	}
	for _, op := range ops {
		forms := []string{
			fmt.Sprintf("(%s (id a) (id b))", op.name), // stack
			fmt.Sprintf("(%s a b)", op.name),           // variables
			fmt.Sprintf("(%s (id a) 2)", op.name),      // constant
			fmt.Sprintf("(%s a 2)", op.name),           // constant and variable
		}
		for _, form := range forms {
			src := fmt.Sprintf(`(define (id x) x)
				(define (value a b) %s)
				(define (branch a b) (if %s 'yes 'no))
				(map (lambda (a) (list (value a 2) (branch a 2))) '(1 2 3))`, form, form)
			var want []string
			for _, a := range []int{1, 2, 3} {
				v, b := "#f", "no"
				if op.f(a, 2) {
					v, b = "#t", "yes"
				}
				want = append(want, "("+v+" "+b+")")
			}
			if got := run(t, src); got != "("+strings.Join(want, " ")+")" {
				t.Errorf("%s on 1, 2, 3 against 2: %s, want (%s)", form, got, strings.Join(want, " "))
			}
		}
	}
}
