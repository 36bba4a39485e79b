package main

import (
	"io"
	"slices"
	"strings"
	"testing"

	"termite/eval"
	"termite/stdlib"
)

// TestCompleter checks what Tab offers, with the names and libraries of a
// real interpreter as the REPL refreshes them: the endings of the bound
// names that start with the word before the cursor, and the word's
// length; inside an import, the parts of library names instead, each
// once although most libraries share their first part.
func TestCompleter(t *testing.T) {
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
	if err := stdlib.Install(in); err != nil {
		t.Fatal(err)
	}
	// Names and a library no standard one starts like, so that the
	// candidates do not change as the library grows.
	src := `(define zq-apple 1) (define zq-apricot 2) (define zq-banana 3) (define zq-λx 4)
	  (define-library (qx-shapes qx-circle) (export qx-area) (import (scheme base))
	    (begin (define (qx-area r) (* 3 r r))))`
	if _, err := in.RunSource([]byte(src), "completion"); err != nil {
		t.Fatal(err)
	}
	c := &completer{}
	c.refresh(in)

	tests := []struct {
		line   string // the cursor at ‸, or at the end
		want   []string
		length int
	}{
		{"(display zq-ap", []string{"ple", "ricot"}, 5},
		{"zq-b", []string{"anana"}, 4},
		{"(list 'zq-ban", []string{"ana"}, 6},
		{"(+ zq-ap‸ 1)", []string{"ple", "ricot"}, 5},
		{"(+ zq-λ", []string{"x"}, 4}, // in runes, as readline counts
		{"(display ", nil, 0},
		{"", nil, 0},
		{"(zq-nothing", nil, 10},
		{"(import (sch", []string{"eme"}, 3},
		{"(import (scheme ba", []string{"se"}, 2},
		{"(import (scheme base) (qx-", []string{"shapes", "circle"}, 3},
		// Outside an import a library part is not a candidate.
		{"(display qx-s", nil, 4},
		{"(display qx-", nil, 3},
		// Once the import is closed, names again.
		{"(import (scheme base)) (display zq-ban", []string{"ana"}, 6},
	}
	for _, tt := range tests {
		before, after, _ := strings.Cut(tt.line, "‸")
		line := []rune(before + after)
		ends, length := c.Do(line, len([]rune(before)))
		var got []string
		for _, e := range ends {
			got = append(got, string(e))
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) || length != tt.length {
			t.Errorf("Do(%q) = %q, %d; want %q, %d", tt.line, got, length, want, tt.length)
		}
	}
}
