package stdlib

import (
	"bytes"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"termite/eval"
	"termite/internal/benchprog"
	rt "termite/runtime"
)

// newTestInterp returns a new interpreter with the library installed, its
// ports going nowhere.
func newTestInterp(tb testing.TB) *eval.Interp {
	tb.Helper()
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
	if err := Install(in); err != nil {
		tb.Fatal(err)
	}
	return in
}

// BenchmarkInstall measures the start-up cost: a new interpreter with the
// library installed.
func BenchmarkInstall(b *testing.B) {
	b.ReportAllocs()
	cpu0 := benchprog.CPUTime()
	for b.Loop() {
		newTestInterp(b)
	}
	b.ReportMetric(float64(benchprog.CPUTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// systemVariables lists the variables of the system environment, loading
// nothing.
func systemVariables(in *eval.Interp) map[string]bool {
	out := map[string]bool{}
	for g, n := range in.GlobalNames() {
		if n.Env == "system" && !n.Sealed && g.Value != nil {
			out[n.Name.Name] = true
		}
	}
	return out
}

// TestDefinedNames: the names eval.DefinedNames finds in each file that
// runs on first use (the SRFIs', the servers', the tools'), which make it
// run, are the names the file defines, each in one file only.
func TestDefinedNames(t *testing.T) {
	owner := map[string]string{}
	var allVars []string
	for _, file := range autoloaded() {
		src, err := schemeFiles.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		vars, keywords := eval.DefinedNames(src)
		if n := bytes.Count(src, []byte("(define-syntax")); n != len(keywords) {
			t.Errorf("%s: %d define-syntax forms, %d at the start of a line", file, n, len(keywords))
		}
		for _, n := range append(vars, keywords...) {
			if o, dup := owner[n]; dup {
				t.Errorf("%s defined by %s and %s", n, o, file)
			}
			owner[n] = file
		}
		allVars = append(allVars, vars...)

		// The first name runs the file; then every other is bound
		// without running anything else.
		in := newTestInterp(t)
		for _, n := range vars {
			if _, ok := in.Lookup(n); !ok {
				t.Errorf("%s: %s unbound after the file ran", file, n)
			}
		}
		for _, k := range keywords {
			_, err := in.RunSource([]byte("(procedure? "+k+")"), "probe")
			if err == nil || !strings.Contains(err.Error(), "syntax keyword") {
				t.Errorf("%s: %s is not a keyword: %v", file, k, err)
			}
		}
	}

	// All the variables the files define, no more: each file runs when
	// its first name is looked up.
	in := newTestInterp(t)
	core := systemVariables(in)
	for _, file := range autoloaded() {
		src, _ := schemeFiles.ReadFile(file)
		vars, keywords := eval.DefinedNames(src)
		in.Lookup(append(vars, keywords...)[0])
	}
	var added []string
	for n := range systemVariables(in) {
		if !core[n] {
			added = append(added, n)
		}
	}
	sort.Strings(added)
	sort.Strings(allVars)
	if diff := cmp.Diff(allVars, added); diff != "" {
		t.Errorf("variables the files that run on first use define (-found by DefinedNames +bound by running them):\n%s", diff)
	}
}

// TestAutoloadedSemantics: a SRFI name behaves as if its file had run at
// start-up, whoever asks for it first.
func TestAutoloadedSemantics(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"reference", `(fold + 0 '(1 2 3))`, `6`},
		{"keyword", `(receive (a . rest) (values 1 2 3) (list a rest))`, `(1 (2 3))`},
		{"forward reference from a procedure", `(define (f) (iota 3)) (define (g) (list-index even? '(1 3 4))) (list (f) (g))`, `((0 1 2) 2)`},
		{"file using another file", `(sort '(3 1 2) <)`, `(1 2 3)`},
		{"the program redefines a SRFI name", `(define (fold . args) 'mine) (list (fold + 0 '(1)) (reduce + 0 '(1 2 3)))`, `(mine 6)`},
		{"set! of a SRFI name", `(set! delete-duplicates (lambda (l) 'mine)) (delete-duplicates '(1 1))`, `mine`},
		{"the library keeps its own car", `(define (car x) 'mine) (first '(1 2))`, `1`},
		{"eval", `(eval '(last '(1 2 3)) (interaction-environment))`, `3`},
		{"import in a library", `(define-library (l) (import (scheme base) (srfi 1)) (export f) (begin (define (f) (xcons 1 2))))
			(import (l)) (f)`, `(2 . 1)`},
		{"environment", `(eval '(take '(1 2 3) 2) (environment '(srfi 1)))`, `(1 2)`},
		{"unbound hint", `(fodl + 0 '())`, `error: did you mean fold?`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := newTestInterp(t)
			v, err := in.RunSource([]byte(tc.src), "probe")
			got := ""
			if se, ok := err.(*eval.SchemeError); ok {
				got = "error: " + se.Obj.(*rt.ErrorObject).Hint
			} else if err != nil {
				got = "error: " + err.Error()
			} else {
				got = rt.WriteString(v)
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
