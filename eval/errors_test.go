package eval

import (
	"strings"
	"testing"

	rt "termite/runtime"
)

func TestGroupDigits(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 9980: "9,980", 123456: "123,456", 1234567: "1,234,567"} {
		if got := groupDigits(n); got != want {
			t.Errorf("groupDigits(%d) = %q, want %q", n, got, want)
		}
	}
}

// A backtrace folds a frame repeated in a row into one line with its
// count, and, past maxTraceLines lines, keeps the innermost ones and the
// outermost traceTail.
func TestReportFoldsAndKeepsOutermost(t *testing.T) {
	at := func(line int32) rt.Pos { return rt.Pos{File: "f.scm", Line: line, Col: 1} }
	var trace []TraceEntry
	trace = append(trace, TraceEntry{"f", at(1)})
	for range 9980 {
		trace = append(trace, TraceEntry{"f", at(2)})
	}
	for i := range 30 {
		trace = append(trace, TraceEntry{"g", at(int32(10 + i))})
	}
	trace = append(trace, TraceEntry{"", at(99)})
	got := (&SchemeError{Obj: rt.Intern("boom"), Trace: trace}).Report()
	var want strings.Builder
	want.WriteString("error: uncaught raise of boom\n  at f.scm:1:1\nbacktrace, innermost first:\n")
	want.WriteString("  f.scm:1:1 in f\n  f.scm:2:1 in f x 9,980\n")
	for i := range 13 {
		want.WriteString("  f.scm:" + groupDigits(10+i) + ":1 in g\n")
	}
	want.WriteString("  ... 13 more frames\n")
	for i := 26; i < 30; i++ {
		want.WriteString("  f.scm:" + groupDigits(10+i) + ":1 in g\n")
	}
	want.WriteString("  f.scm:99:1 in top level\n")
	if got != want.String() {
		t.Errorf("report:\n%s\nwant:\n%s", got, want.String())
	}
}
