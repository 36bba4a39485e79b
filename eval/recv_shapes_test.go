package eval

import (
	"testing"

	"termite/reader"
	rt "termite/runtime"
)

// TestMatchShapes checks the shapes of recv as data, malformed and
// cyclic ones included: the code holding them may come from another node,
// and must then neither hang nor refuse a message its clauses would take.
func TestMatchShapes(t *testing.T) {
	read := func(src string) rt.Value {
		vs, _, err := reader.ReadAll([]byte(src), "test")
		if err != nil || len(vs) != 1 {
			t.Fatalf("%s: %v", src, err)
		}
		return vs[0]
	}
	cyclic := read(`#0=(%pair #t . #0#)`)
	tests := []struct {
		shapes, msg string
		want        bool
	}{
		{`((%same . a))`, `a`, true},
		{`((%same . a))`, `b`, false},
		{`((%same . "s"))`, `"s"`, true},
		{`((%same . ()))`, `()`, true},
		{`((%same . ()))`, `(1)`, false},
		{`((%pair (%same . want) %pair #t %same . ()))`, `(want 1)`, true},
		{`((%pair (%same . want) %pair #t %same . ()))`, `(want 1 2)`, false},
		{`((%pair (%same . want) %pair #t %same . ()))`, `want`, false},
		{`((%vector #t #t))`, `#(1 2)`, true},
		{`((%vector #t #t))`, `#(1)`, false},
		{`((%vector #t #t))`, `#(1 2 3)`, false},
		{`((%same . a) (%same . b))`, `b`, true},
		{`((%same . a) (%same . b))`, `c`, false},
		// Not shapes: no test.
		{`((%pair))`, `1`, true},
		{`((%vector . 5))`, `#(1 2)`, true},
		{`((%vector #t . 5))`, `#(1 2)`, true},
		{`((unknown 1 2))`, `1`, true},
		{`#t`, `1`, true},
		{`((%same . a) . 5)`, `b`, true},
	}
	for _, tt := range tests {
		if got := matchShapes(read(tt.shapes), read(tt.msg)); got != tt.want {
			t.Errorf("%s on %s: %v, want %v", tt.shapes, tt.msg, got, tt.want)
		}
	}
	long := read(`(0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9
		0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9)`)
	if !matchShapes(rt.List(cyclic), long) {
		t.Error("a cyclic shape refused a message")
	}
	clauses := read(`#0=((%same . a) . #0#)`)
	if !matchShapes(clauses, read(`b`)) {
		t.Error("a cyclic list of shapes refused a message")
	}
}
