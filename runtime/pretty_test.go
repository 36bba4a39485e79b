package runtime

import (
	"strings"
	"testing"
)

// PrettyString keeps every line within the width when the atoms allow
// it, and writes the same datum as write: only the spacing differs.
func TestPrettyStringLayout(t *testing.T) {
	sym := func(s string) Value { return Intern(s) }
	var nums []Value
	for i := range 60 {
		nums = append(nums, MakeFixnum(int64(i*37)))
	}
	body := List(sym("if"), List(sym("null?"), sym("items")), sym("acc"),
		List(sym("walk-the-rest-of-the-list"), List(sym("cdr"), sym("items")),
			List(sym("cons"), List(sym("transform-one-item"), List(sym("car"), sym("items"))), sym("acc"))))
	def := List(sym("define"), List(sym("walk"), sym("items"), sym("acc")), body, List(nums...))
	tests := []Value{
		List(nums...),
		def,
		&Vector{Items: []Value{def, NewString("a string"), List(nums[:5]...)}},
		ListWithTail(nums[:30], sym("the-tail")),
	}
	for _, v := range tests {
		got := PrettyString(v, 79)
		for _, line := range strings.Split(got, "\n") {
			if len(line) > 79 {
				t.Errorf("line of %d columns:\n%s", len(line), got)
			}
		}
		if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(WriteString(v)), " ") {
			t.Errorf("pretty:\n%s\nis not what write writes:\n%s", got, WriteString(v))
		}
		if !strings.Contains(got, "\n") {
			t.Errorf("a long datum on one line: %s", got)
		}
	}
	if got := PrettyString(List(sym("f"), MakeFixnum(1)), 79); got != "(f 1)" {
		t.Errorf("short list: %q", got)
	}
}
