package runtime

import "testing"

func TestListBuilder(t *testing.T) {
	var empty ListBuilder
	if got := empty.List(); got != Null {
		t.Errorf("empty builder gave %s", WriteString(got))
	}
	tail := Intern("tail")
	if got := empty.ListWithTail(tail); got != tail {
		t.Errorf("empty builder with a tail gave %s", WriteString(got))
	}
	var b ListBuilder
	for i := 1; i <= 3; i++ {
		b.Add(MakeFixnum(int64(i)))
	}
	if got := WriteString(b.ListWithTail(tail)); got != "(1 2 3 . tail)" {
		t.Errorf("builder gave %s", got)
	}
}
