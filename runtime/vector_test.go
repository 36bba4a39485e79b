package runtime

import "testing"

// TestNewVector checks that a vector holds a copy of its items, that
// small ones take one allocation, and that appending to one's items never
// writes into the vector.
func TestNewVector(t *testing.T) {
	for n := range 12 {
		items := make([]Value, n)
		for i := range items {
			items[i] = MakeFixnum(int64(i))
		}
		v := NewVector(items)
		if len(v.Items) != n || cap(v.Items) != n {
			t.Fatalf("NewVector of %d items: len %d cap %d", n, len(v.Items), cap(v.Items))
		}
		for i := range items {
			if v.Items[i] != items[i] {
				t.Fatalf("NewVector of %d items: item %d is %v", n, i, v.Items[i])
			}
		}
		if n > 0 {
			items[0] = True
			if v.Items[0] == True {
				t.Fatalf("NewVector of %d items shares them", n)
			}
		}
		allocs := testing.AllocsPerRun(100, func() { NewVector(items) })
		if want := 1.0; n > 0 && n <= 8 && allocs != want {
			t.Errorf("NewVector of %d items: %v allocations, want %v", n, allocs, want)
		}
	}
}

func BenchmarkNewVector3(b *testing.B) {
	items := []Value{MakeFixnum(1), MakeFixnum(2), MakeFixnum(3)}
	b.ReportAllocs()
	for b.Loop() {
		NewVector(items)
	}
}
