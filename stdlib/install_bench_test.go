package stdlib_test

import (
	"io"
	"strings"
	"testing"

	"termite/eval"
	"termite/stdlib"
)

// BenchmarkInstall measures the start-up cost: a new interpreter with the
// whole library compiled.
func BenchmarkInstall(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		in := eval.New(eval.Options{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard})
		if err := stdlib.Install(in); err != nil {
			b.Fatal(err)
		}
	}
}
