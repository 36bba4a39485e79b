package serialize_test

import (
	"bytes"
	"strings"
	"testing"

	"termite/eval"
	rt "termite/runtime"
	"termite/serialize"
)

// decodeOwned decodes a copy of data as a node decodes a frame it read,
// giving the copy up to Decode (DecodeOptions.Owned), and returns the
// value and the copy. The tests here then do what a node never does:
// they look at the copy, or write over it, to see what the value kept.
func decodeOwned(tb testing.TB, in *eval.Interp, data []byte) (rt.Value, []byte) {
	tb.Helper()
	given := bytes.Clone(data)
	v, err := serialize.ContextOf(in).Decode(given, &serialize.DecodeOptions{Owned: true})
	if err != nil {
		tb.Fatalf("decoding: %v", err)
	}
	return v, given
}

// apply calls the Scheme procedure src on args in in.
func apply(tb testing.TB, in *eval.Interp, src string, args ...rt.Value) rt.Value {
	tb.Helper()
	v, err := in.Apply(run(tb, in, src), args...)
	if err != nil {
		tb.Fatalf("%s: %v", src, err)
	}
	return v
}

// TestOwnedDecodeKeepsOnlyLargeObjects checks which objects of a message
// decoded with Owned keep their bytes in it: a string of ASCII text or a
// bytevector of at least 4 KiB that is at least half of the message, and
// nothing else. Writing over the message after decoding shows it: a kept
// object changes with it, a copied one does not.
func TestOwnedDecodeKeepsOnlyLargeObjects(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	for _, tt := range []struct {
		src  string
		kept []bool // per element of the list
	}{
		{`(list (make-string 10000 #\a) "small" (make-string 3000 #\b) 'sym "x")`, []bool{true, false, false, false, false}},
		{`(list (make-bytevector 10000 7) (bytevector 1 2 3) "abc")`, []bool{true, false, false}},
		// Each is less than half of the message.
		{`(list (make-string 6000 #\a) (make-string 6000 #\b))`, []bool{false, false}},
		{`(list (make-bytevector 6000 1) (make-bytevector 6000 2))`, []bool{false, false}},
		// Under 4 KiB, however much of the message it is.
		{`(list (make-string 4000 #\a))`, []bool{false}},
		// Text that is not ASCII is not the string's narrow form.
		{`(list (make-string 10000 #\é))`, []bool{false}},
		{`(list (string-append (make-string 10000 #\a) "λ"))`, []bool{false}},
	} {
		data := encode(t, a, run(t, a, tt.src))
		v, given := decodeOwned(t, b, data)
		want := rt.WriteString(v)
		for i := range given {
			given[i] = 'Z'
		}
		items, _ := rt.ListToSlice(v)
		wantItems, _ := rt.ListToSlice(run(t, a, tt.src))
		for i, x := range items {
			kept := !rt.Equal(x, wantItems[i])
			if kept != tt.kept[i] {
				t.Errorf("%s: element %d kept its bytes in the message: %v, want %v", tt.src, i, kept, tt.kept[i])
			}
		}
		// Without Owned, nothing is kept.
		given = bytes.Clone(data)
		v = decode(t, b, given)
		for i := range given {
			given[i] = 'Z'
		}
		if got := rt.WriteString(v); got != want {
			t.Errorf("%s: a decode without Owned shares the message", tt.src)
		}
	}
}

// TestOwnedStringIsItsOwn checks that a string that kept its bytes in the
// message is a string like any other: the value sent can change without
// it, and it can change (string-set!, string-fill!, a string-set! that
// makes it wide) without touching the other objects of the message, or
// the bytes of the message around it.
func TestOwnedStringIsItsOwn(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	sent := run(t, a, `(define big (make-string 10000 #\a)) (list big "after" (bytevector 1 2 3) big (make-string 10 #\b))`)
	v, given := decodeOwned(t, b, encode(t, a, sent))
	at := bytes.Index(given, bytes.Repeat([]byte{'a'}, 10000))
	if at < 0 {
		t.Fatal("the text is not in the message")
	}
	before := bytes.Clone(given)

	run(t, a, `(string-set! big 0 #\x)`)
	items, _ := rt.ListToSlice(v)
	if s := items[0].(*rt.String).String(); s != strings.Repeat("a", 10000) {
		t.Fatalf("the decoded string changed with the one sent: %.20q...", s)
	}
	if !bytes.Equal(given, before) {
		t.Fatal("changing the string sent changed the message")
	}

	apply(t, b, `(lambda (l) (string-set! (car l) 0 #\z) (string-fill! (car l) #\y 1 5))`, v)
	for i := range given {
		if given[i] != before[i] && (i < at || i >= at+10000) {
			t.Fatalf("changing the decoded string wrote byte %d of the message, outside it (%d to %d)", i, at, at+10000)
		}
	}
	apply(t, b, `(lambda (l) (string-set! (car l) 5 #\λ) (string-set! (car l) 6 #\b))`, v)
	got := rt.WriteString(apply(t, b, `(lambda (l)
	  (list (eq? (car l) (cadddr l)) (string-length (car l)) (substring (car l) 0 8)
	        (cadr l) (caddr l) (list-ref l 4)))`, v))
	if want := `(#t 10000 "zyyyyλba" "after" #u8(1 2 3) "bbbbbbbbbb")`; got != want {
		t.Errorf("after changing the decoded string: %s, want %s", got, want)
	}
}

// TestOwnedBytevectorIsCapped checks that a bytevector that kept its
// bytes in the message cannot reach the bytes after them, and that
// writing it writes only its own.
func TestOwnedBytevectorIsCapped(t *testing.T) {
	a, b := newInterp(t), newInterp(t)
	sent := run(t, a, `(list (make-bytevector 10000 7) "after" (make-bytevector 10 8))`)
	v, given := decodeOwned(t, b, encode(t, a, sent))
	items, _ := rt.ListToSlice(v)
	bv := items[0].(*rt.Bytevector)
	if cap(bv.B) != len(bv.B) {
		t.Errorf("the kept bytevector has %d bytes and room for %d", len(bv.B), cap(bv.B))
	}
	at := bytes.Index(given, bytes.Repeat([]byte{7}, 10000))
	if at < 0 || &given[at] != &bv.B[0] {
		t.Fatal("the bytevector did not keep its bytes in the message")
	}
	before := bytes.Clone(given)
	apply(t, b, `(lambda (l) (bytevector-u8-set! (car l) 9999 1) (bytevector-copy! (car l) 0 (bytevector 2 2 2)))`, v)
	for i := range given {
		if given[i] != before[i] && (i < at || i >= at+10000) {
			t.Fatalf("writing the bytevector wrote byte %d of the message, outside it", i)
		}
	}
	got := rt.WriteString(apply(t, b, `(lambda (l) (list (bytevector-u8-ref (car l) 0) (bytevector-u8-ref (car l) 9999) (cadr l) (caddr l)))`, v))
	if want := `(2 1 "after" #u8(8 8 8 8 8 8 8 8 8 8))`; got != want {
		t.Errorf("after writing the bytevector: %s, want %s", got, want)
	}
}
