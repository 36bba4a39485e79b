package runtime

import (
	"math"
	"runtime"
	"testing"
	"unsafe"
)

func TestFixnumRange(t *testing.T) {
	if runtime.GOOS != "windows" && unsafe.Sizeof(uintptr(0)) == 8 && MaxFixnum() < 1<<31-1 {
		t.Errorf("fixnums reach only %d on a 64-bit Unix: the address space was not reserved", MaxFixnum())
	}
	if MinFixnum() != -MaxFixnum()-1 {
		t.Errorf("range [%d, %d] is not symmetric", MinFixnum(), MaxFixnum())
	}
	for _, tt := range []struct {
		i   int64
		fix bool
	}{
		{0, true}, {1, true}, {-1, true}, {65537, true}, {-1025, true}, {1 << 30, true},
		{MaxFixnum(), true}, {MinFixnum(), true},
		{MaxFixnum() + 1, false}, {MinFixnum() - 1, false},
		{math.MaxInt64, false}, {math.MinInt64, false},
	} {
		v := MakeFixnum(tt.i)
		switch x := v.(type) {
		case Fixnum:
			if !tt.fix || x.Int() != tt.i {
				t.Errorf("MakeFixnum(%d) = Fixnum %d", tt.i, x.Int())
			}
		case *Bignum:
			if tt.fix || !x.I.IsInt64() || x.I.Int64() != tt.i {
				t.Errorf("MakeFixnum(%d) = Bignum %s", tt.i, x.I.String())
			}
		default:
			t.Errorf("MakeFixnum(%d) is %T", tt.i, v)
		}
		if got, ok := Int64Of(v); !ok || got != tt.i {
			t.Errorf("Int64Of(MakeFixnum(%d)) = %d, %v", tt.i, got, ok)
		}
		if s := WriteString(v); s != NumberToString(v, 10) || s == "" {
			t.Errorf("MakeFixnum(%d) writes as %q", tt.i, s)
		}
	}
}

// TestFixnumsDoNotAllocate: making a Value of any fixnum, large ones
// included, allocates nothing.
func TestFixnumsDoNotAllocate(t *testing.T) {
	var sink Value
	i := int64(1 << 20)
	if n := testing.AllocsPerRun(100, func() {
		sink = MakeFixnum(i)
		i += 7919
	}); n != 0 {
		t.Errorf("MakeFixnum allocates %v times a call", n)
	}
	_ = sink
}

// TestFixnumsSurviveCollection: the collector meets fixnums, which look
// like pointers to nothing it knows, in heap objects, on stacks and in
// interfaces, and leaves them be.
func TestFixnumsSurviveCollection(t *testing.T) {
	const n = 100000
	items := make([]Value, n)
	for k := range items {
		items[k] = MakeFixnum(int64(k)*5000011 - n*2500000)
	}
	lst := List(items...)
	for range 3 {
		_ = make([]byte, 1<<20)
		runtime.GC()
	}
	k := int64(0)
	for p := lst; p != Null; p = p.(*Pair).Cdr {
		f, ok := p.(*Pair).Car.(Fixnum)
		if want := k*5000011 - n*2500000; !ok || f.Int() != want || f != MakeFixnum(want) {
			t.Fatalf("item %d is %v, want %d", k, p.(*Pair).Car, want)
		}
		k++
	}
}
