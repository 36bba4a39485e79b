package stdlib

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"

	"termite/eval"
	rt "termite/runtime"
)

// (time EXPR) returns EXPR's values and writes Gambit's report to the
// current error port.
func TestTime(t *testing.T) {
	var stderr bytes.Buffer
	in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr})
	if err := Install(in); err != nil {
		t.Fatal(err)
	}
	v, err := in.RunSource([]byte(`
		(define (build n acc) (if (= n 0) acc (build (- n 1) (cons n acc))))
		(call-with-values (lambda () (time (values (length (build 100000 '())) 'two))) list)`), "t.scm")
	if err != nil {
		t.Fatal(err)
	}
	if got := rt.WriteString(v); got != "(100000 two)" {
		t.Errorf("value %s, want (100000 two)", got)
	}
	want := regexp.MustCompile(`^\(values \(length \(build 100000 \(quote \(\)\)\)\) \(quote two\)\)
    \d+\.\d{3} secs real time
    \d+\.\d{3} secs cpu time \(\d+\.\d{3} user, \d+\.\d{3} system\)
    (no collections|1 collection accounting for \d+\.\d{3} secs real time|\d+ collections accounting for \d+\.\d{3} secs real time)
    (\d+) bytes allocated
$`)
	m := want.FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("report:\n%s\ndoes not match %s", stderr.String(), want)
	}
	// 100000 pairs at 16 bytes or more each.
	if len(m[2]) < 7 {
		t.Errorf("%s bytes allocated for 100000 pairs", m[2])
	}
}
